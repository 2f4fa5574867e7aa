using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace CpanelBilling.Billing.Tests.TSql;

/// <summary>
/// The tables (and table types) with their columns, the collation each column was last given, and the indexes and
/// named constraints of each table, as the CREATE/ALTER statements of the migrations define them.
/// </summary>
internal sealed class TSqlSchema
{
    public Dictionary<string, HashSet<string>> Tables { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, HashSet<string>> TableTypes { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>"table.column" → the collation its definition names last; a column that never named one is absent.</summary>
    public Dictionary<string, string> Collations { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The names of the indexes and named constraints each table is given somewhere in the migrations.</summary>
    public Dictionary<string, HashSet<string>> IndexesAndConstraints { get; } = new(StringComparer.OrdinalIgnoreCase);

    public static TSqlSchema FromStatements(IEnumerable<TSqlFragment> statements)
    {
        var schema = new TSqlSchema();
        var collector = new Collector(schema);
        foreach (TSqlFragment statement in statements)
        {
            statement.Accept(collector);
        }

        return schema;
    }

    public bool HasIndexOrConstraint(string table, string name) =>
        IndexesAndConstraints.TryGetValue(table, out HashSet<string>? names) && names.Contains(name);

    private sealed class Collector : TSqlFragmentVisitor
    {
        private readonly TSqlSchema _schema;

        public Collector(TSqlSchema schema) => _schema = schema;

        public override void Visit(CreateTableStatement node) => Add(_schema.Tables, node.SchemaObjectName, node.Definition);

        public override void Visit(AlterTableAddTableElementStatement node) => Add(_schema.Tables, node.SchemaObjectName, node.Definition);

        public override void Visit(CreateTypeTableStatement node) => Add(_schema.TableTypes, node.Name, node.Definition);

        public override void Visit(AlterTableAlterColumnStatement node)
        {
            if (node.Collation != null)
            {
                _schema.Collations[node.SchemaObjectName.BaseIdentifier.Value + "." + node.ColumnIdentifier.Value] = node.Collation.Value;
            }
        }

        public override void Visit(CreateIndexStatement node) => Name(node.OnName.BaseIdentifier.Value, node.Name.Value);

        private void Add(Dictionary<string, HashSet<string>> into, SchemaObjectName name, TableDefinition definition)
        {
            string table = name.BaseIdentifier.Value;
            if (!into.TryGetValue(table, out HashSet<string>? columns))
            {
                into[table] = columns = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            }

            columns.UnionWith(definition.ColumnDefinitions.Select(c => c.ColumnIdentifier.Value));
            foreach (ColumnDefinition column in definition.ColumnDefinitions.Where(c => c.Collation != null))
            {
                _schema.Collations[table + "." + column.ColumnIdentifier.Value] = column.Collation.Value;
            }

            var constraints = new ConstraintNames();
            definition.Accept(constraints);
            foreach (string constraint in constraints.Names)
            {
                Name(table, constraint);
            }
        }

        private void Name(string table, string name)
        {
            if (!_schema.IndexesAndConstraints.TryGetValue(table, out HashSet<string>? names))
            {
                _schema.IndexesAndConstraints[table] = names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            }

            names.Add(name);
        }
    }

    private sealed class ConstraintNames : TSqlFragmentVisitor
    {
        public List<string> Names { get; } = new();

        public override void Visit(ConstraintDefinition node)
        {
            if (node.ConstraintIdentifier != null)
            {
                Names.Add(node.ConstraintIdentifier.Value);
            }
        }
    }
}
