using System;
using System.Collections.Generic;
using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using Microsoft.Data.SqlClient;

namespace CpanelBilling.Billing.Tests.TSql;

/// <summary>
/// A connection to no server that records each command run on it (text and parameter names) and answers 0, so the
/// SQL Server dialect's own code paths can run here and show what they send. Parameters are real SqlClient
/// parameters, so a table-valued one binds as it would against SQL Server.
/// </summary>
internal sealed class RecordingConnection : DbConnection
{
    private ConnectionState _state = ConnectionState.Open;

    public List<(string Text, IReadOnlyList<string> Parameters)> Commands { get; } = new();

    [AllowNull]
    public override string ConnectionString { get; set; } = "";

    public override string Database => "recording";

    public override string DataSource => "recording";

    public override string ServerVersion => "0";

    public override ConnectionState State => _state;

    public override void ChangeDatabase(string databaseName) => throw new NotSupportedException();

    public override void Open() => _state = ConnectionState.Open;

    public override void Close() => _state = ConnectionState.Closed;

    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) => throw new NotSupportedException();

    protected override DbCommand CreateDbCommand() => new RecordingCommand(this);

    private sealed class RecordingCommand : DbCommand
    {
        private readonly RecordingConnection _connection;

        // A command that is never connected, used only for its parameter collection.
        private readonly SqlCommand _parameters = new();

        public RecordingCommand(RecordingConnection connection) => _connection = connection;

        [AllowNull]
        public override string CommandText { get; set; } = "";

        public override int CommandTimeout { get; set; }

        public override CommandType CommandType { get; set; } = CommandType.Text;

        public override bool DesignTimeVisible { get; set; }

        public override UpdateRowSource UpdatedRowSource { get; set; }

        protected override DbConnection? DbConnection { get => _connection; set => throw new NotSupportedException(); }

        protected override DbParameterCollection DbParameterCollection => _parameters.Parameters;

        protected override DbTransaction? DbTransaction { get; set; }

        public override void Cancel()
        {
        }

        public override int ExecuteNonQuery()
        {
            Record();
            return 0;
        }

        public override object? ExecuteScalar()
        {
            Record();
            return 0;
        }

        public override void Prepare()
        {
        }

        protected override DbParameter CreateDbParameter() => new SqlParameter();

        protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _parameters.Dispose();
            }

            base.Dispose(disposing);
        }

        private void Record() =>
            _connection.Commands.Add((CommandText, _parameters.Parameters.Cast<SqlParameter>().Select(p => p.ParameterName).ToList()));
    }
}
