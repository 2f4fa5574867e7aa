using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace CpanelBilling.Billing.Tests.TSql;

/// <summary>
/// Finds the tables, columns and variables a parsed statement names that nothing defines. Names are resolved
/// within the statement: table names and aliases, derived tables and their output columns, table-valued
/// parameters, MERGE target aliases and the inserted/deleted pseudo tables. An unqualified column must belong to
/// one of the statement's tables (or be one of its select aliases); a qualified one to the table its qualifier
/// names; an INSERT column to the target table. A variable must be declared by the statement itself or be one of
/// the parameters the repository binds to it (names compared exactly, as a case-sensitive server would). A column
/// an ALTER COLUMN changes must exist, and an index or constraint a migration drops must be one the migrations give
/// that table.
/// </summary>
internal static class TSqlReferenceChecker
{
    public static IReadOnlyList<string> Check(
        TSqlFragment statement,
        TSqlSchema schema,
        IReadOnlyDictionary<string, string> tableValuedParameters,
        IReadOnlyCollection<string> boundParameters)
    {
        var scope = new Scope(schema, tableValuedParameters);
        statement.Accept(scope);
        statement.Accept(new ColumnChecker(scope));
        statement.Accept(new VariableChecker(scope, boundParameters));
        return scope.Problems;
    }

    private sealed class Scope : TSqlFragmentVisitor
    {
        private readonly TSqlSchema _schema;
        private readonly IReadOnlyDictionary<string, string> _tableValuedParameters;

        public Scope(TSqlSchema schema, IReadOnlyDictionary<string, string> tableValuedParameters)
        {
            _schema = schema;
            _tableValuedParameters = tableValuedParameters;
        }

        public List<string> Problems { get; } = new();

        public TSqlSchema Schema => _schema;

        /// <summary>Column sets by every name a statement may qualify a column with (table name, alias, pseudo table).</summary>
        public Dictionary<string, HashSet<string>> Sources { get; } = new(StringComparer.OrdinalIgnoreCase);

        public HashSet<string> SelectAliases { get; } = new(StringComparer.OrdinalIgnoreCase);

        public HashSet<string> DeclaredVariables { get; } = new(StringComparer.Ordinal);

        /// <summary>The names of a called procedure's parameters (<c>@Resource</c> in <c>EXEC p @Resource = @x</c>): the callee's, not ours.</summary>
        public HashSet<TSqlFragment> CalleeParameterNames { get; } = new();

        public HashSet<string>? Table(SchemaObjectName name)
        {
            string table = name.BaseIdentifier.Value;
            if (_schema.Tables.TryGetValue(table, out HashSet<string>? columns))
            {
                return columns;
            }

            Problems.Add($"unknown table '{table}'");
            return null;
        }

        public override void Visit(NamedTableReference node) => Register(Table(node.SchemaObject), node.SchemaObject.BaseIdentifier.Value, node.Alias);

        public override void Visit(VariableTableReference node)
        {
            string variable = node.Variable.Name;
            if (!_tableValuedParameters.TryGetValue(variable, out string? type) || !_schema.TableTypes.TryGetValue(type, out HashSet<string>? columns))
            {
                Problems.Add($"table variable {variable} is no known table-valued parameter");
                return;
            }

            Register(columns, variable, node.Alias);
        }

        public override void Visit(QueryDerivedTable node)
        {
            var columns = new HashSet<string>(OutputColumns(node.QueryExpression), StringComparer.OrdinalIgnoreCase);
            columns.UnionWith(node.Columns.Select(c => c.Value));
            Register(columns, null, node.Alias);
        }

        public override void Visit(MergeSpecification node)
        {
            if (node.Target is NamedTableReference target)
            {
                HashSet<string>? columns = Table(target.SchemaObject);
                Register(columns, null, node.TableAlias);
                RegisterPseudoTables(columns);
            }
        }

        public override void Visit(InsertSpecification node) => RegisterPseudoTables(TargetColumns(node));

        public override void Visit(UpdateSpecification node) => RegisterPseudoTables(TargetColumns(node));

        public override void Visit(DeleteSpecification node) => RegisterPseudoTables(TargetColumns(node));

        public override void Visit(CreateTableStatement node) => Register(Table(node.SchemaObjectName), node.SchemaObjectName.BaseIdentifier.Value, null);

        public override void Visit(AlterTableStatement node) => Register(Table(node.SchemaObjectName), node.SchemaObjectName.BaseIdentifier.Value, null);

        public override void Visit(CreateIndexStatement node) => Register(Table(node.OnName), node.OnName.BaseIdentifier.Value, null);

        public override void Visit(CreateTypeTableStatement node) =>
            Register(_schema.TableTypes.TryGetValue(node.Name.BaseIdentifier.Value, out var columns) ? columns : null, node.Name.BaseIdentifier.Value, null);

        public override void Visit(ForeignKeyConstraintDefinition node)
        {
            HashSet<string>? referenced = Table(node.ReferenceTableName);
            foreach (Identifier column in node.ReferencedTableColumns)
            {
                if (referenced != null && !referenced.Contains(column.Value))
                {
                    Problems.Add($"foreign key references unknown column '{node.ReferenceTableName.BaseIdentifier.Value}.{column.Value}'");
                }
            }
        }

        public override void Visit(DeclareVariableElement node) => DeclaredVariables.Add(node.VariableName.Value);

        public override void Visit(ExecuteParameter node)
        {
            if (node.Variable != null)
            {
                CalleeParameterNames.Add(node.Variable);
            }
        }

        public override void Visit(SelectScalarExpression node)
        {
            if (node.ColumnName?.Value != null)
            {
                SelectAliases.Add(node.ColumnName.Value);
            }
        }

        public HashSet<string>? TargetColumns(DataModificationSpecification node) =>
            node.Target is NamedTableReference target && _schema.Tables.TryGetValue(target.SchemaObject.BaseIdentifier.Value, out var columns)
                ? columns
                : null;

        private void RegisterPseudoTables(HashSet<string>? columns)
        {
            if (columns != null)
            {
                Sources["inserted"] = columns;
                Sources["deleted"] = columns;
            }
        }

        private void Register(HashSet<string>? columns, string? name, Identifier? alias)
        {
            if (columns == null)
            {
                return;
            }

            if (name != null)
            {
                Sources[name] = columns;
            }

            if (alias != null)
            {
                Sources[alias.Value] = columns;
            }
        }

        private static IEnumerable<string> OutputColumns(QueryExpression query)
        {
            switch (query)
            {
                case QuerySpecification specification:
                    foreach (SelectElement element in specification.SelectElements)
                    {
                        if (element is SelectScalarExpression scalar)
                        {
                            string? name = scalar.ColumnName?.Value
                                ?? (scalar.Expression as ColumnReferenceExpression)?.MultiPartIdentifier?.Identifiers.Last().Value;
                            if (name != null)
                            {
                                yield return name;
                            }
                        }
                    }

                    break;
                case QueryParenthesisExpression parenthesis:
                    foreach (string name in OutputColumns(parenthesis.QueryExpression))
                    {
                        yield return name;
                    }

                    break;
                case BinaryQueryExpression binary:
                    foreach (string name in OutputColumns(binary.FirstQueryExpression))
                    {
                        yield return name;
                    }

                    break;
            }
        }
    }

    private sealed class ColumnChecker : TSqlFragmentVisitor
    {
        // Functions whose first argument is a date part (second, millisecond …), which the parser reads as a column.
        private static readonly HashSet<string> DatePartFunctions = new(StringComparer.OrdinalIgnoreCase) { "DATEADD", "DATEDIFF", "DATEDIFF_BIG", "DATEPART", "DATENAME", "DATETRUNC" };

        private readonly Scope _scope;
        private readonly HashSet<TSqlFragment> _dateParts = new();

        public ColumnChecker(Scope scope) => _scope = scope;

        // Visited before its arguments, so the date part is known when the argument's column reference comes.
        public override void Visit(FunctionCall node)
        {
            if (DatePartFunctions.Contains(node.FunctionName.Value) && node.Parameters.Count > 0)
            {
                _dateParts.Add(node.Parameters[0]);
            }
        }

        public override void Visit(ColumnReferenceExpression node)
        {
            if (node.ColumnType != ColumnType.Regular || node.MultiPartIdentifier == null || _dateParts.Contains(node))
            {
                return;
            }

            IList<Identifier> parts = node.MultiPartIdentifier.Identifiers;
            string column = parts[parts.Count - 1].Value;
            if (parts.Count == 1)
            {
                if (!_scope.Sources.Values.Any(c => c.Contains(column)) && !_scope.SelectAliases.Contains(column))
                {
                    _scope.Problems.Add($"column '{column}' is in none of the statement's tables ({string.Join(", ", _scope.Sources.Keys)})");
                }

                return;
            }

            string qualifier = parts[parts.Count - 2].Value;
            if (!_scope.Sources.TryGetValue(qualifier, out HashSet<string>? columns))
            {
                _scope.Problems.Add($"'{qualifier}.{column}': no table or alias '{qualifier}' in the statement");
            }
            else if (!columns.Contains(column))
            {
                _scope.Problems.Add($"'{qualifier}.{column}': '{qualifier}' has no column '{column}'");
            }
        }

        public override void Visit(AlterTableAlterColumnStatement node)
        {
            string table = node.SchemaObjectName.BaseIdentifier.Value;
            string column = node.ColumnIdentifier.Value;
            if (_scope.Schema.Tables.TryGetValue(table, out HashSet<string>? columns) && !columns.Contains(column))
            {
                _scope.Problems.Add($"ALTER COLUMN names column '{column}' that table '{table}' does not have");
            }
        }

        public override void Visit(DropIndexClause node) => RequireIndexOrConstraint(node.Object.BaseIdentifier.Value, node.Index.Value, "index");

        public override void Visit(AlterTableDropTableElementStatement node)
        {
            foreach (AlterTableDropTableElement element in node.AlterTableDropTableElements.Where(e => e.TableElementType != TableElementType.Column))
            {
                RequireIndexOrConstraint(node.SchemaObjectName.BaseIdentifier.Value, element.Name.Value, "constraint");
            }
        }

        public override void Visit(InsertSpecification node)
        {
            HashSet<string>? target = _scope.TargetColumns(node);
            if (target == null)
            {
                return;
            }

            foreach (ColumnReferenceExpression column in node.Columns)
            {
                string name = column.MultiPartIdentifier.Identifiers.Last().Value;
                if (!target.Contains(name))
                {
                    _scope.Problems.Add($"INSERT names column '{name}' that its target table does not have");
                }
            }
        }

        private void RequireIndexOrConstraint(string table, string name, string what)
        {
            if (!_scope.Schema.HasIndexOrConstraint(table, name))
            {
                _scope.Problems.Add($"drops {what} '{name}', which no migration gives table '{table}'");
            }
        }
    }

    private sealed class VariableChecker : TSqlFragmentVisitor
    {
        private readonly Scope _scope;
        private readonly HashSet<string> _bound;
        private readonly HashSet<string> _reported = new(StringComparer.Ordinal);

        public VariableChecker(Scope scope, IReadOnlyCollection<string> boundParameters)
        {
            _scope = scope;
            _bound = new HashSet<string>(boundParameters, StringComparer.Ordinal);
        }

        public override void Visit(VariableReference node)
        {
            string name = node.Name;
            if (!_scope.CalleeParameterNames.Contains(node) && !_scope.DeclaredVariables.Contains(name) && !_bound.Contains(name) && _reported.Add(name))
            {
                _scope.Problems.Add($"variable {name} is neither declared by the statement nor bound by the repository ({string.Join(", ", _bound.OrderBy(b => b, StringComparer.Ordinal))})");
            }
        }
    }
}
