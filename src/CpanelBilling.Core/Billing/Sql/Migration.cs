using System.Collections.Generic;

namespace CpanelBilling.Core.Billing.Sql;

/// <summary>
/// One step of the schema: the statements that bring a database from <see cref="Version"/> - 1 to
/// <see cref="Version"/>. Both dialects have the same versions with the same meaning.
/// </summary>
internal sealed class Migration
{
    public Migration(int version, string description, IReadOnlyList<string> statements)
    {
        Version = version;
        Description = description;
        Statements = statements;
    }

    public int Version { get; }

    public string Description { get; }

    public IReadOnlyList<string> Statements { get; }
}
