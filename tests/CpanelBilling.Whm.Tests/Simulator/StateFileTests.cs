using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using CpanelBilling.Testing.Simulator;
using CpanelBilling.WhmSimulator;
using Xunit;

namespace CpanelBilling.Whm.Tests.Simulator;

public sealed class StateFileTests
{
    internal const string Example = """
        {
          "hostname": "whm.example.net",
          "version": "11.118.0.63",
          "mainIp": "203.0.113.5",
          "ips": ["203.0.113.6", { "address": "203.0.113.7", "publicIp": "198.51.100.7" }],
          "packages": [
            { "name": "gold", "QUOTA": 10240, "BWLIMIT": "102400", "MAXFTP": "5", "IP": "n", "CGI": "y" }
          ],
          "accounts": [
            { "user": "bob", "domain": "bob.example.com", "plan": "gold", "email": "bob@example.com",
              "startDate": "2024-01-15T08:30:00Z", "limits": { "MAXFTP": "10" } },
            { "user": "carol", "domain": "carol.example.org", "ip": "203.0.113.7", "suspended": true,
              "suspendReason": "Overdue", "reseller": true, "diskUsedMb": 300 }
          ],
          "bandwidth": [
            { "user": "bob", "year": 2024, "month": 5, "bytes": 1048576 },
            { "user": "bob", "year": 2024, "month": 5, "bytes": 2048, "domain": "shop.bob.example.com" }
          ]
        }
        """;

    [Fact]
    public void The_documented_example_seeds_every_part_of_the_state()
    {
        var state = StateFile.Parse(Example);

        Assert.Equal("whm.example.net", state.Hostname);
        Assert.Equal("11.118.0.63", state.Version);
        Assert.Equal("203.0.113.5", state.MainIp);
        Assert.Equal(new[] { "203.0.113.6" }, state.FreeIps);
        Assert.Equal("10240", state.FindPackage("gold")!.Quota);

        var bob = state.GetAccount("bob");
        Assert.Equal("gold", bob.Plan);
        Assert.Equal("203.0.113.5", bob.Ip);
        Assert.Equal("10240", bob.Limits.Quota);
        Assert.Equal("10", bob.Limits.MaxFtp);
        Assert.Equal(new DateTimeOffset(2024, 1, 15, 8, 30, 0, TimeSpan.Zero), bob.StartDate);

        var carol = state.GetAccount("carol");
        Assert.True(carol.Suspended);
        Assert.Equal("Overdue", carol.SuspendReason);
        Assert.True(carol.IsReseller);
        Assert.Equal(300, carol.DiskUsedMb);

        Assert.Equal(1_050_624, state.GetBandwidth("bob", 2024, 5));
        Assert.Equal(2048, state.GetBandwidthByDomain("bob", 2024, 5)["shop.bob.example.com"]);
    }

    [Theory]
    [InlineData("""{"accounts":[{"user":"x","domain":"x.example.com","plan":"nosuch"}]}""", "no package named 'nosuch'")]
    [InlineData("""{"packages":[{"name":"p","QUOTAS":"1"}]}""", "unknown key 'QUOTAS'")]
    [InlineData("""{"accounts":[{"user":"x","domain":"x.example.com","ip":"10.9.9.9"}]}""", "10.9.9.9")]
    [InlineData("""{"accounts":[{"domain":"x.example.com"}]}""", "'user' is required")]
    [InlineData("not json", "state")]
    public void Invalid_files_name_the_problem(string json, string expected)
    {
        var error = Assert.Throws<InvalidDataException>(() => StateFile.Parse(json));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public async Task A_server_started_with_a_state_file_serves_it()
    {
        var path = Path.Combine(Path.GetTempPath(), $"whm-state-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, Example);
        try
        {
            var options = new SimulatorOptions { StateFile = path, LockoutAfter = 0 };
            await using var server = await WhmSimulatorServer.StartAsync(options);
            using var client = new System.Net.Http.HttpClient(PinnedHttpHandler.Create(server.CertificateSha256!)) { BaseAddress = server.BaseUri };
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("whm", $"{server.User}:{server.Token}");

            var accounts = await WhmHttp.Api1Async(client, "listaccts");
            var carol = WhmHttp.Data(accounts)["acct"]!.AsArray().Single(a => (string)a!["user"]! == "carol")!;
            Assert.Equal("198.51.100.7", (string)carol["ip"]!);
            Assert.Equal("Overdue", (string)carol["suspendreason"]!);
            Assert.Equal("whm.example.net", (string)WhmHttp.Data(await WhmHttp.Api1Async(client, "gethostname"))["hostname"]!);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
