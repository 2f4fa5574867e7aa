using System;
using System.Collections.Generic;
using CpanelBilling.WhmSimulator;
using Xunit;

namespace CpanelBilling.Whm.Tests.Simulator;

/// <summary>The state API tests use to seed and inspect a simulator.</summary>
public sealed class SimulatorStateTests
{
    private readonly SimulatorState _state = SimulatorState.CreateDefault();

    [Fact]
    public void Put_account_fills_the_main_ip_and_a_uid_and_update_keeps_them()
    {
        var stored = _state.PutAccount(new SimulatedAccount { User = "bob", Domain = "bob.example.com" });
        var updated = _state.UpdateAccount("bob", a => a with { Suspended = true });

        Assert.Equal("192.0.2.10", stored.Ip);
        Assert.Equal(1001, stored.Uid);
        Assert.Equal(1001, updated.Uid);
        Assert.True(_state.GetAccount("bob").Suspended);
    }

    [Fact]
    public void An_ip_must_be_bound_and_not_dedicated_to_someone_else()
    {
        _state.PutAccount(new SimulatedAccount { User = "bob", Domain = "bob.example.com", Ip = "192.0.2.11" });

        Assert.Throws<ArgumentException>(() => _state.PutAccount(new SimulatedAccount { User = "eve", Domain = "eve.example.com", Ip = "192.0.2.11" }));
        Assert.Throws<ArgumentException>(() => _state.PutAccount(new SimulatedAccount { User = "eve", Domain = "eve.example.com", Ip = "10.0.0.1" }));
        Assert.DoesNotContain("192.0.2.11", _state.FreeIps);
    }

    [Fact]
    public void Removing_an_account_frees_its_ip_and_keeps_its_bandwidth()
    {
        _state.PutAccount(new SimulatedAccount { User = "bob", Domain = "bob.example.com", Ip = "192.0.2.11" });
        _state.AddBandwidth("bob", 2024, 1, 10);

        Assert.True(_state.RemoveAccount("bob"));
        _state.AddBandwidth("bob", 2024, 1, 5);

        Assert.Contains("192.0.2.11", _state.FreeIps);
        Assert.Equal(15, _state.GetBandwidth("bob", 2024, 1));
        Assert.False(_state.RemoveAccount("bob"));
    }

    [Fact]
    public void Changing_the_main_ip_moves_accounts_on_the_shared_ip()
    {
        _state.PutAccount(new SimulatedAccount { User = "bob", Domain = "bob.example.com" });

        _state.SetMainIp("203.0.113.1");

        Assert.Equal("203.0.113.1", _state.MainIp);
        Assert.Equal("203.0.113.1", _state.GetAccount("bob").Ip);
        Assert.Throws<ArgumentException>(() => _state.AddIp("not-an-ip"));
        Assert.Throws<ArgumentException>(() => _state.AddIp(new SimulatedIp { Address = "203.0.113.2", IsMain = true }));
    }

    [Fact]
    public void Bandwidth_needs_a_known_account_and_a_real_month()
    {
        Assert.Throws<KeyNotFoundException>(() => _state.AddBandwidth("ghost", 2024, 1, 1));
        _state.PutAccount(new SimulatedAccount { User = "bob", Domain = "bob.example.com" });
        Assert.Throws<ArgumentOutOfRangeException>(() => _state.AddBandwidth("bob", 2024, 13, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => _state.AddBandwidth("bob", 2024, 1, -1));
    }

    [Fact]
    public void The_default_package_always_exists_and_clear_keeps_the_ip_pool()
    {
        _state.PutPackage(new SimulatedPackage { Name = "gold" });
        _state.PutAccount(new SimulatedAccount { User = "bob", Domain = "bob.example.com" });

        _state.Clear();

        Assert.NotNull(_state.FindPackage("default"));
        Assert.Null(_state.FindPackage("gold"));
        Assert.Empty(_state.Accounts);
        Assert.Equal(5, _state.FreeIps.Count);
    }

    [Fact]
    public void Account_to_string_leaves_the_password_out()
    {
        var account = new SimulatedAccount { User = "bob", Domain = "bob.example.com", Password = "Sekr1t-Value" };

        Assert.DoesNotContain("Sekr1t", account.ToString());
    }
}
