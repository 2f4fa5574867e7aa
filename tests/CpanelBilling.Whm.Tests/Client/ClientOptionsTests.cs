using System;
using CpanelBilling.Core.Whm;
using Xunit;

namespace CpanelBilling.Whm.Tests.Client;

/// <summary>The timeouts a client uses when nobody configures them, and how configuring them takes effect.</summary>
public sealed class ClientOptionsTests
{
    [Theory]
    [InlineData(WhmFunctions.CreateAccount, 240)]
    [InlineData(WhmFunctions.RemoveAccount, 240)]
    [InlineData(WhmFunctions.ListAccounts, 60)]
    [InlineData(WhmFunctions.AccountSummary, 60)]
    [InlineData(WhmFunctions.ShowBandwidth, 60)]
    [InlineData(WhmFunctions.ListPackages, 60)]
    [InlineData(WhmFunctions.Version, 60)]
    [InlineData(WhmFunctions.SuspendAccount, 120)]
    [InlineData(WhmFunctions.ModifyAccount, 120)]
    [InlineData(WhmFunctions.ChangePassword, 120)]
    public void Defaults_give_account_lifecycle_calls_240_s_reads_60_s_and_other_changes_the_write_timeout(string function, int seconds)
    {
        var options = new WhmClientOptions();

        Assert.Equal(TimeSpan.FromSeconds(seconds), options.Snapshot().GetTimeout(function));
    }

    [Fact]
    public void Configured_timeouts_apply_by_kind_and_a_per_function_timeout_wins()
    {
        var options = new WhmClientOptions
        {
            ReadTimeout = TimeSpan.FromSeconds(7),
            WriteTimeout = TimeSpan.FromSeconds(33),
            AccountLifecycleTimeout = TimeSpan.FromSeconds(400),
        };
        options.FunctionTimeouts["LISTACCTS"] = TimeSpan.FromSeconds(90);

        WhmClientOptions used = options.Snapshot();

        Assert.Equal(TimeSpan.FromSeconds(400), used.GetTimeout(WhmFunctions.CreateAccount));
        Assert.Equal(TimeSpan.FromSeconds(7), used.GetTimeout(WhmFunctions.ShowBandwidth));
        Assert.Equal(TimeSpan.FromSeconds(33), used.GetTimeout(WhmFunctions.SuspendAccount));
        Assert.Equal(TimeSpan.FromSeconds(33), used.GetTimeout(WhmFunctions.LimitBandwidth));
        Assert.Equal(TimeSpan.FromSeconds(90), used.GetTimeout(WhmFunctions.ListAccounts));
    }
}
