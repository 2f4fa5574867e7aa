using System;
using System.Linq;
using CpanelBilling.WhmSimulator.CommandLine;
using Xunit;

namespace CpanelBilling.Whm.Tests.Simulator;

/// <summary>What each command-line option sets, checked without starting a process.</summary>
public sealed class CommandLineParsingTests
{
    [Fact]
    public void Every_option_reaches_its_setting()
    {
        var parsed = CommandLineOptions.Parse(new[]
        {
            "--state", "seed.json", "--latency-ms", "25", "--lockout-after", "0", "--lockout-minutes", "3", "--user", "reseller1",
            "--string-result", "--token", "T0K3N", "--hostname", "cli.example.net", "--urls", "https://127.0.0.1:0; http://localhost:0",
            "--fault", "createacct*1=late", "--fault", "listaccts=http524", "--quiet", "--usage-mb", "12",
        });

        var options = parsed.Simulator;
        Assert.Equal("seed.json", options.StateFile);
        Assert.Equal(TimeSpan.FromMilliseconds(25), options.Latency);
        Assert.Equal(0, options.LockoutAfter);
        Assert.Equal(TimeSpan.FromMinutes(3), options.LockoutDuration);
        Assert.Equal("reseller1", options.User);
        Assert.True(options.ResultAsString);
        Assert.Equal("T0K3N", options.Token);
        Assert.Equal("cli.example.net", options.Hostname);
        Assert.Equal(new[] { "https://127.0.0.1:0", "http://localhost:0" }, options.Urls);
        Assert.Equal(new[] { "createacct*1=late", "listaccts=http524" }, options.Faults);
        Assert.Equal(12, options.NewAccountUsageMb);
        Assert.True(parsed.Quiet);
        Assert.False(parsed.ShowHelp);
    }

    [Fact]
    public void Name_equals_value_works_like_two_arguments()
    {
        var options = CommandLineOptions.Parse(new[] { "--latency-ms=40", "--user=bob", "--state=./s.json" }).Simulator;

        Assert.Equal(TimeSpan.FromMilliseconds(40), options.Latency);
        Assert.Equal("bob", options.User);
        Assert.Equal("./s.json", options.StateFile);
    }

    [Fact]
    public void Without_options_the_defaults_hold()
    {
        var parsed = CommandLineOptions.Parse(Array.Empty<string>());

        var options = parsed.Simulator;
        Assert.Equal(CommandLineOptions.DefaultUrl, options.Urls.Single());
        Assert.Equal("root", options.User);
        Assert.Null(options.Token);
        Assert.Null(options.StateFile);
        Assert.Equal(TimeSpan.Zero, options.Latency);
        Assert.Equal(5, options.LockoutAfter);
        Assert.False(options.ResultAsString);
        Assert.Empty(options.Faults);
        Assert.Equal(0, options.NewAccountUsageMb);
        Assert.False(parsed.Quiet);
    }

    [Theory]
    [InlineData("--user")]
    [InlineData("--user", " ")]
    [InlineData("--lockout-after", "-1")]
    [InlineData("--latency-ms", "1.5")]
    [InlineData("--fault", "createacct")]
    [InlineData("--urls", "https://10.0.0.1:2087")]
    [InlineData("--state")]
    [InlineData("--usage-mb", "1073741825")]
    public void Missing_or_malformed_values_are_refused(params string[] arguments)
    {
        Assert.Throws<FormatException>(() => CommandLineOptions.Parse(arguments));
    }
}
