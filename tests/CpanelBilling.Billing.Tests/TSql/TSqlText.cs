using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace CpanelBilling.Billing.Tests.TSql;

/// <summary>Microsoft's T-SQL parser (SQL Server 2019 grammar), as SQL Server itself would read our statements.</summary>
internal static class TSqlText
{
    public static TSqlFragment Parse(string sql, out IReadOnlyList<string> errors)
    {
        var parser = new TSql150Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        TSqlFragment fragment = parser.Parse(reader, out IList<ParseError> parseErrors);
        errors = parseErrors.Select(e => $"line {e.Line}, column {e.Column}: {e.Message}").ToList();
        return fragment;
    }
}
