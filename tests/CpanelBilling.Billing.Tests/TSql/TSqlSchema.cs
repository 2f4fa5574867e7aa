using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace CpanelBilling.Billing.Tests.TSql;

/// <summary>The tables (and table types) with their columns, as the CREATE/ALTER statements of the migrations define them.</summary>
internal sealed class TSqlSchema
{
    public Dictionary<string, HashSet<string>> Tables { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, HashSet<string>> TableTypes { get; } = new(StringComparer.OrdinalIgnoreCase);

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

    private sealed class Collector : TSqlFragmentVisitor
    {
        private readonly TSqlSchema _schema;

        public Collector(TSqlSchema schema) => _schema = schema;

        public override void Visit(CreateTableStatement node) => Add(_schema.Tables, node.SchemaObjectName, node.Definition);

        public override void Visit(AlterTableAddTableElementStatement node) => Add(_schema.Tables, node.SchemaObjectName, node.Definition);

        public override void Visit(CreateTypeTableStatement node) => Add(_schema.TableTypes, node.Name, node.Definition);

        private static void Add(Dictionary<string, HashSet<string>> into, SchemaObjectName name, TableDefinition definition)
        {
            string table = name.BaseIdentifier.Value;
            if (!into.TryGetValue(table, out HashSet<string>? columns))
            {
                into[table] = columns = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            }

            columns.UnionWith(definition.ColumnDefinitions.Select(c => c.ColumnIdentifier.Value));
        }
    }
}
