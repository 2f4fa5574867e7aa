using System;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;

namespace CpanelBilling.Core.Billing.Sql;

/// <summary>One open connection, and its write transaction when there is one. Disposing without commit rolls back.</summary>
internal sealed class BillingSession : IDisposable
{
    internal BillingSession(SqlDialect dialect, DbConnection connection, DbTransaction? transaction)
    {
        Dialect = dialect;
        Connection = connection;
        Transaction = transaction;
    }

    public SqlDialect Dialect { get; }

    public BillingStatements Statements => Dialect.Statements;

    public DbConnection Connection { get; }

    public DbTransaction? Transaction { get; }

    public BillingCommand Sql(string text)
    {
        DbCommand command = Connection.CreateCommand();
        command.CommandText = text;
        command.Transaction = Transaction;
        command.CommandTimeout = Dialect.TimeoutSeconds;
        return new BillingCommand(Dialect, command);
    }

    public Task CommitAsync(CancellationToken cancellationToken)
    {
        if (Transaction == null)
        {
            throw new InvalidOperationException("The session has no transaction to commit.");
        }

        cancellationToken.ThrowIfCancellationRequested();

        // DbTransaction.CommitAsync is not in netstandard2.0; a commit is short.
        Transaction.Commit();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        Transaction?.Dispose();
        Connection.Dispose();
    }
}
