using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using CpanelBilling.Commands;
using CpanelBilling.Core.Whm;
using CpanelBilling.Module.Tests.Contract;
using CpanelBilling.Module.Tests.Harness;
using CpanelBilling.Testing.Operations;
using Microsoft.Data.Sqlite;
using Xunit;

namespace CpanelBilling.Module.Tests.Commands;

/// <summary>
/// -WhatIf on every cmdlet that supports ShouldProcess (found by reflection): it says what would happen, calls no
/// server and changes nothing in billing (every row of every table compared). A new change cmdlet fails here until
/// it has an entry in <see cref="Runs"/>.
/// </summary>
public sealed class WhatIfTests : IClassFixture<OperationsWorldFixture>
{
    /// <summary>
    /// A valid run of each cmdlet with -WhatIf, against the world below. ReadsServer: the cmdlet has to read the
    /// servers to know what it would do (Repair-CpAccount plans from a comparison); it still sends no change.
    /// </summary>
    private static readonly Dictionary<string, (string Script, bool ReadsServer)> Runs = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Add-CpServer"] = ("Add-CpServer web02 web02.example.net -Credential $token -WhatIf", false),
        ["Connect-CpBilling"] = ("Connect-CpBilling -Database $otherDatabase -Server web01 -Credential $token -WhatIf", false),
        ["New-CpAccount"] = ("New-CpAccount -Server web01 -Customer alice -Plan Pro -Domain new.example.com -Disk 500 -WhatIf", false),
        ["New-CpCustomer"] = ("New-CpCustomer bob -Email bob@example.org -WhatIf", false),
        ["New-CpPackage"] = ("New-CpPackage -Server web01 gold -Quota 2048 -MaxFtp unlimited -WhatIf", false),
        ["New-CpPlan"] = ("New-CpPlan Gold -Server web01 -Package pro -DedicatedIp -WhatIf", false),
        ["Remove-CpAccount"] = ("Get-CpAccount keep | Remove-CpAccount -Force -WhatIf", false),
        ["Remove-CpPackage"] = ("Remove-CpPackage -Server web01 pro -Force -WhatIf", false),
        ["Remove-CpServer"] = ("Get-CpServer web01 | Remove-CpServer -Force -WhatIf", false),
        ["Repair-CpAccount"] = ("Repair-CpAccount -Server web01 -ImportUnknown -MarkMissingDeleted -WhatIf", true),
        ["Resume-CpAccount"] = ("Resume-CpAccount -Server web01 -UserName paused -WhatIf", false),
        ["Save-CpBandwidth"] = ("Save-CpBandwidth -Server web01 -Year 2024 -Month 5 -WhatIf", false),
        ["Set-CpAccountLimit"] = ("Get-CpAccount keep | Set-CpAccountLimit -Disk 10 -Databases package -WhatIf", false),
        ["Set-CpAccountPackage"] = ("Set-CpAccountPackage -Server web01 -UserName keep -Plan Pro -WhatIf", false),
        ["Set-CpPackage"] = ("Get-CpServerPackage -Server web01 basic | Set-CpPackage -MaxSql 8 -WhatIf", false),
        ["Set-CpServer"] = ("Set-CpServer web01 -Port 2088 -Enabled:$false -Credential $token -WhatIf", false),
        ["Suspend-CpAccount"] = ("Get-CpAccount -Status Active | Suspend-CpAccount -Reason Overdue -WhatIf", false),
        ["Sync-CpServer"] = ("Sync-CpServer web01 -WhatIf", false),
    };

    private readonly OperationsWorldFixture simulator;

    public WhatIfTests(OperationsWorldFixture simulator) => this.simulator = simulator;

    [Fact]
    public async Task WhatIf_on_every_change_cmdlet_says_what_it_would_do_calls_no_server_and_changes_no_billing_row()
    {
        var changeCmdlets = CmdletShape.AllIn(typeof(CpCmdlet).Assembly).Where(c => c.Attribute.SupportsShouldProcess).Select(c => c.Name).ToList();
        Assert.True(changeCmdlets.All(Runs.ContainsKey), "Add a -WhatIf run for: " + string.Join(", ", changeCmdlets.Where(c => !Runs.ContainsKey(c))));
        Assert.True(Runs.Keys.All(changeCmdlets.Contains), "Runs for cmdlets without ShouldProcess: " + string.Join(", ", Runs.Keys.Where(c => !changeCmdlets.Contains(c))));

        await using CommandWorld world = await WorldWithSomethingToDoForEveryCmdletAsync();
        string otherDatabase = Path.Combine(Path.GetDirectoryName(world.World.DatabasePath)!, "other", "billing.db");
        world.PS.SetVariable("otherDatabase", otherDatabase);
        world.PS.SetVariable("token", new System.Management.Automation.PSCredential(simulator.User, CommandWorld.Secure(simulator.Token)));
        string billing = Snapshot(world.World.DatabasePath);
        var failures = new List<string>();

        foreach (string cmdlet in changeCmdlets)
        {
            (string script, bool readsServer) = Runs[cmdlet];
            world.World.Simulator.Server.ClearRequests();

            HarnessResult result = world.PS.Invoke(script);

            var problems = new List<string>();
            problems.AddRange(result.Errors.Concat(result.TerminatingError is null ? [] : [result.TerminatingError]).Select(e => "error " + HarnessResult.Describe(e)));
            if (result.WhatIf.Count == 0)
            {
                problems.Add("no 'What if:' line");
            }

            var sent = world.World.Simulator.Server.Requests.Where(r => !readsServer || !WhmFunctions.IsReadOnly(r.Function ?? "")).Select(r => r.Function ?? r.Path).ToList();
            if (sent.Count > 0)
            {
                problems.Add("sent " + string.Join(", ", sent));
            }

            string now = Snapshot(world.World.DatabasePath);
            if (now != billing)
            {
                problems.Add("changed billing:" + Environment.NewLine + Difference(billing, now));
                billing = now;
            }

            if (problems.Count > 0)
            {
                failures.Add($"{cmdlet} ({script}): {string.Join("; ", problems)}");
            }
        }

        Assert.False(File.Exists(otherDatabase), "Connect-CpBilling -WhatIf created the database it names");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    /// <summary>
    /// Accounts to suspend, resume, remove and re-limit (keep, paused), drift for Repair to fix (drift is suspended on
    /// the server but active in billing; the server has an account billing lacks), packages and plans to change.
    /// </summary>
    private async Task<CommandWorld> WorldWithSomethingToDoForEveryCmdletAsync()
    {
        CommandWorld world = await CommandWorld.CreateAsync(simulator);
        await world.World.AddActiveAccountAsync("keep", "keep.example.com");
        await world.World.AddActiveAccountAsync("paused", "paused.example.com");
        await world.World.AddActiveAccountAsync("drift", "drift.example.com");
        world.PS.Invoke("Suspend-CpAccount -Server web01 -UserName paused -Reason Overdue").AssertSuccess();
        world.World.SimState.UpdateAccount("drift", a => a with { Suspended = true });
        world.World.SimState.PutAccount(new WhmSimulator.SimulatedAccount { User = "stray", Domain = "stray.example.com", Plan = OperationsWorld.BasicPackage });
        return world;
    }

    /// <summary>Every row of every table of the SQLite file, as text: any write shows up as a difference.</summary>
    private static string Snapshot(string databasePath)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var text = new StringBuilder();
        foreach (string table in tables)
        {
            using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table.Replace("\"", "\"\"")}\"";
            using var reader = select.ExecuteReader();
            var rows = new List<string>();
            while (reader.Read())
            {
                rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetName(i) + "=" + Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
            }

            rows.Sort(StringComparer.Ordinal);
            text.Append('[').Append(table).Append(']').AppendLine();
            rows.ForEach(row => text.AppendLine(row));
        }

        return text.ToString();
    }

    private static string Difference(string before, string after)
    {
        var old = before.Split(Environment.NewLine).ToHashSet(StringComparer.Ordinal);
        var now = after.Split(Environment.NewLine).ToHashSet(StringComparer.Ordinal);
        return string.Join(Environment.NewLine, old.Except(now).Select(l => "  - " + l).Concat(now.Except(old).Select(l => "  + " + l)));
    }
}
