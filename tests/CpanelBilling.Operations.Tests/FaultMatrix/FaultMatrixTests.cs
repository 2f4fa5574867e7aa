using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using CpanelBilling.Testing.Operations;
using Xunit;
using Xunit.Abstractions;

namespace CpanelBilling.Operations.Tests.FaultMatrix;

/// <summary>
/// Every changing operation under every fault, against the simulator and a real SQLite database: after the
/// operation and at most one recovery, billing matches the server, nothing was done twice, and the journal tells
/// what happened.
/// </summary>
public sealed class FaultMatrixTests : IClassFixture<OperationsWorldFixture>
{
    private readonly OperationsWorldFixture simulator;
    private readonly ITestOutputHelper output;

    public FaultMatrixTests(OperationsWorldFixture simulator, ITestOutputHelper output)
    {
        this.simulator = simulator;
        this.output = output;
    }

    public static IEnumerable<object[]> Cells() =>
        from operation in MatrixOperation.All
        from fault in MatrixFault.All
        select new object[] { operation.Name, fault.Name };

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Billing_and_server_agree_after_the_fault_and_one_recovery(string operation, string fault)
    {
        CellResult result = await MatrixCell.RunAsync(simulator, MatrixOperation.Named(operation), MatrixFault.Named(fault));

        output.WriteLine(result.ToString());
        Assert.True(result.Consistent, result.ToString());
    }
}

/// <summary>The whole matrix in one run, written as a table: which cells ran and which ended consistent.</summary>
public sealed class FaultMatrixSummaryTests : IClassFixture<OperationsWorldFixture>
{
    private readonly OperationsWorldFixture simulator;
    private readonly ITestOutputHelper output;

    public FaultMatrixSummaryTests(OperationsWorldFixture simulator, ITestOutputHelper output)
    {
        this.simulator = simulator;
        this.output = output;
    }

    [Fact]
    public async Task Every_cell_of_the_matrix_ends_consistent()
    {
        var results = new List<CellResult>();
        foreach (MatrixOperation operation in MatrixOperation.All)
        {
            foreach (MatrixFault fault in MatrixFault.All)
            {
                results.Add(await MatrixCell.RunAsync(simulator, operation, fault));
            }
        }

        output.WriteLine(Table(results));
        foreach (CellResult inconsistent in results.Where(r => !r.Consistent))
        {
            output.WriteLine(inconsistent.ToString());
        }

        Assert.Equal(MatrixOperation.All.Count * MatrixFault.All.Count, results.Count);
        Assert.All(results, r => Assert.True(r.Consistent, r.ToString()));
    }

    /// <summary>Rows: operations; columns: faults; a cell: "ok" when consistent, then the operation's outcome and the repair actions.</summary>
    private static string Table(IReadOnlyList<CellResult> results)
    {
        var text = new StringBuilder();
        text.AppendLine(string.Format(CultureInfo.InvariantCulture, "Fault matrix: {0} cases run, {1} consistent, {2:0.0} s.",
            results.Count, results.Count(r => r.Consistent), results.Sum(r => r.Elapsed.TotalSeconds)));
        const int first = 17;
        const int width = 15;
        text.Append("operation".PadRight(first));
        foreach (MatrixFault fault in MatrixFault.All)
        {
            text.Append(fault.Name.PadRight(width));
        }

        text.AppendLine("consistent");
        foreach (MatrixOperation operation in MatrixOperation.All)
        {
            List<CellResult> row = results.Where(r => r.Operation == operation.Name).ToList();
            text.Append(operation.Name.PadRight(first));
            foreach (MatrixFault fault in MatrixFault.All)
            {
                CellResult? cell = row.SingleOrDefault(r => r.Fault == fault.Name);
                text.Append((cell == null ? "-" : (cell.Consistent ? "ok" : "FAIL") + " r" + cell.Repairs.ToString(CultureInfo.InvariantCulture)).PadRight(width));
            }

            text.AppendLine(string.Format(CultureInfo.InvariantCulture, "{0}/{1}", row.Count(r => r.Consistent), row.Count));
        }

        text.AppendLine("(rN: repair actions applied afterwards; for record-bandwidth, the one extra recording.)");
        text.AppendLine("What each operation reported:");
        foreach (CellResult result in results)
        {
            text.AppendLine($"  {result.Operation} × {result.Fault}: {result.Outcome}");
        }

        return text.ToString();
    }
}
