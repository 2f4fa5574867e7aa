using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;

namespace CpanelBilling.Benchmarks.Whm;

/// <summary>Adds the Op/s column (for round trips: calls per second).</summary>
public sealed class OperationsPerSecondConfig : ManualConfig
{
    public OperationsPerSecondConfig() => AddColumn(StatisticColumn.OperationsPerSecond);
}
