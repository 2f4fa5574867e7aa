using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Globalization;

namespace CpanelBilling.Core.Billing.Sql;

/// <summary>
/// Reads columns of the current row by name, converting what each provider returns (SQLite gives 64-bit integers
/// and text, SQL Server typed values) to the model's types. Column ordinals are looked up once per result set.
/// </summary>
internal sealed class RowReader
{
    private readonly DbDataReader _reader;
    private readonly Dictionary<string, int> _ordinals;

    public RowReader(DbDataReader reader)
    {
        _reader = reader;
        _ordinals = new Dictionary<string, int>(reader.FieldCount, StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < reader.FieldCount; i++)
        {
            _ordinals[reader.GetName(i)] = i;
        }
    }

    public long Int64(string column) => Int64OrNull(column) ?? throw NullIn(column);

    public long? Int64OrNull(string column)
    {
        object value = _reader.GetValue(Ordinal(column));
        return value is DBNull ? null : Convert.ToInt64(value, CultureInfo.InvariantCulture);
    }

    public int Int32(string column) => checked((int)Int64(column));

    public int? Int32OrNull(string column) => Int64OrNull(column) is { } value ? checked((int)value) : null;

    public bool Bool(string column) => BoolOrNull(column) ?? throw NullIn(column);

    public bool? BoolOrNull(string column)
    {
        object value = _reader.GetValue(Ordinal(column));
        return value is DBNull ? null : Convert.ToBoolean(value, CultureInfo.InvariantCulture);
    }

    public string String(string column) => StringOrNull(column) ?? throw NullIn(column);

    public string? StringOrNull(string column)
    {
        int ordinal = Ordinal(column);
        return _reader.IsDBNull(ordinal) ? null : _reader.GetString(ordinal);
    }

    /// <summary>A stored UTC time (SQLite keeps it as text, SQL Server as datetime2; both have no time zone).</summary>
    public DateTime Utc(string column) => UtcOrNull(column) ?? throw NullIn(column);

    public DateTime? UtcOrNull(string column)
    {
        int ordinal = Ordinal(column);
        return _reader.IsDBNull(ordinal) ? null : DateTime.SpecifyKind(_reader.GetDateTime(ordinal), DateTimeKind.Utc);
    }

    public CountLimit? Count(string column) => LimitColumn.CountFromDb(Int64OrNull(column));

    public MegabyteLimit? Megabytes(string column) => LimitColumn.MegabytesFromDb(Int64OrNull(column));

    private int Ordinal(string column) =>
        _ordinals.TryGetValue(column, out int ordinal)
            ? ordinal
            : throw new InvalidOperationException($"The query returned no column '{column}'.");

    private static InvalidOperationException NullIn(string column) =>
        new InvalidOperationException($"Column '{column}' is NULL where the schema does not allow it.");
}
