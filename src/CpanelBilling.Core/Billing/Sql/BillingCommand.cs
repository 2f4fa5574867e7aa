using System;
using System.Collections.Generic;
using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace CpanelBilling.Core.Billing.Sql;

/// <summary>
/// A parameterized command with typed binders and the few ways the repository runs one. Each run disposes the
/// command. Values reach the database only as parameters, never inside the SQL text.
/// </summary>
internal sealed class BillingCommand : IDisposable
{
    private readonly SqlDialect _dialect;

    internal BillingCommand(SqlDialect dialect, DbCommand command)
    {
        _dialect = dialect;
        Command = command;
    }

    public DbCommand Command { get; }

    public BillingCommand With(string name, string? value) => Add(name, value, DbType.String);

    public BillingCommand With(string name, long? value) => Add(name, value, DbType.Int64);

    public BillingCommand With(string name, int? value) => Add(name, value, DbType.Int32);

    public BillingCommand With(string name, bool? value) => Add(name, value, DbType.Boolean);

    public BillingCommand With(string name, DateTime? value) => Add(name, value, DbType.DateTime2);

    public BillingCommand With(string name, CountLimit? value) => Add(name, LimitColumn.ToDb(value), DbType.Int64);

    public BillingCommand With(string name, MegabyteLimit? value) => Add(name, LimitColumn.ToDb(value), DbType.Int64);

    public BillingCommand WithParameter(DbParameter parameter)
    {
        Command.Parameters.Add(parameter);
        return this;
    }

    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        using (Command)
        {
            return await Command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The first column of the first row, or null when there is no row or it is NULL.</summary>
    public async Task<long?> ScalarInt64Async(CancellationToken cancellationToken)
    {
        using (Command)
        {
            object? value = await Command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return value == null || value is DBNull ? null : Convert.ToInt64(value, CultureInfo.InvariantCulture);
        }
    }

    public async Task<string?> ScalarStringAsync(CancellationToken cancellationToken)
    {
        using (Command)
        {
            object? value = await Command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return value == null || value is DBNull ? null : Convert.ToString(value, CultureInfo.InvariantCulture);
        }
    }

    public async Task<T?> SingleOrDefaultAsync<T>(Func<RowReader, T> map, CancellationToken cancellationToken)
        where T : class
    {
        using (Command)
        using (DbDataReader reader = await Command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? map(new RowReader(reader)) : null;
        }
    }

    public async Task<List<T>> ListAsync<T>(Func<RowReader, T> map, CancellationToken cancellationToken)
    {
        var list = new List<T>();
        using (Command)
        using (DbDataReader reader = await Command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            var row = new RowReader(reader);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                list.Add(map(row));
            }
        }

        return list;
    }

    public void Dispose() => Command.Dispose();

    private BillingCommand Add(string name, object? value, DbType type)
    {
        DbParameter parameter = Command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = type;
        parameter.Value = value ?? DBNull.Value;
        _dialect.ConfigureParameter(parameter);
        Command.Parameters.Add(parameter);
        return this;
    }
}
