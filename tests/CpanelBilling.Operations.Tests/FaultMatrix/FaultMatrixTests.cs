using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.Testing.Operations;
using Xunit;
using Xunit.Abstractions;

namespace CpanelBilling.Operations.Tests.FaultMatrix;

/// <summary>
/// Every changing operation under every fault, against the simulator and a real SQLite database: after the
/// operation and at most one recovery, billing matches the server, nothing was done twice, and the journal tells
/// what happened. Each cell runs once, in a world of its own; the whole matrix is written as a table, and a failure
/// lists every cell that ended inconsistent.
/// </summary>
public sealed class FaultMatrixTests : IClassFixture<OperationsWorldFixture>
{
    /// <summary>
    /// Cells run side by side on this many simulators: most of a cell's time is spent waiting (for a client to give
    /// up on a held request, for a database lock to time out), not computing.
    /// </summary>
    private const int Lanes = 4;

    private readonly OperationsWorldFixture simulator;
    private readonly ITestOutputHelper output;

    public FaultMatrixTests(OperationsWorldFixture simulator, ITestOutputHelper output)
    {
        this.simulator = simulator;
        this.output = output;
    }

    [Fact]
    public async Task Every_cell_of_the_matrix_ends_with_billing_and_server_agreeing_after_the_fault_and_one_recovery()
    {
        var cells = (from operation in MatrixOperation.All from fault in MatrixFault.All select (operation, fault)).ToList();
        var results = new CellResult[cells.Count];
        int next = -1;
        var simulators = new List<OperationsWorldFixture> { simulator };
        try
        {
            while (simulators.Count < Lanes)
            {
                var lane = new OperationsWorldFixture();
                simulators.Add(lane);
                await lane.InitializeAsync();
            }

            // Each lane takes the next cell not yet taken; a cell's world (simulator reset, database) is its lane's alone.
            await Task.WhenAll(simulators.Select(async lane =>
            {
                for (int i = Interlocked.Increment(ref next); i < cells.Count; i = Interlocked.Increment(ref next))
                {
                    results[i] = await MatrixCell.RunAsync(lane, cells[i].operation, cells[i].fault);
                }
            }));
        }
        finally
        {
            foreach (OperationsWorldFixture lane in simulators.Skip(1))
            {
                await lane.DisposeAsync();
            }
        }

        string table = Table(results);
        output.WriteLine(table);
        WriteReport(table);
        List<CellResult> inconsistent = results.Where(r => !r.Consistent).ToList();
        Assert.True(
            inconsistent.Count == 0,
            $"{inconsistent.Count} of {results.Length} cells ended inconsistent:{Environment.NewLine}" + string.Join(Environment.NewLine, inconsistent));
    }

    /// <summary>
    /// The table also goes to a file (see CpbFaultMatrixReport in the project file) that .ci/run prints: dotnet test shows
    /// what a test wrote to its output only when the test fails, and a passing CI run should show the matrix too.
    /// </summary>
    private static void WriteReport(string table)
    {
        string path = typeof(FaultMatrixTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "CpbFaultMatrixReport").Value!;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, table);
    }

    /// <summary>Rows: operations; columns: faults; a cell: "ok" when consistent, then the operation's outcome and the repair actions.</summary>
    private static string Table(IReadOnlyList<CellResult> results)
    {
        var text = new StringBuilder();
        text.AppendLine(string.Format(CultureInfo.InvariantCulture, "Fault matrix: {0} cases run, {1} consistent, {2:0.0} s in all cells together.",
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
            text.AppendLine(string.Format(CultureInfo.InvariantCulture, "  {0} × {1}: {2} ({3:0.00} s)", result.Operation, result.Fault, result.Outcome, result.Elapsed.TotalSeconds));
        }

        return text.ToString();
    }
}
