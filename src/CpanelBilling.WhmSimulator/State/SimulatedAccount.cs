using System;
using System.Collections.Generic;

namespace CpanelBilling.WhmSimulator;

/// <summary>
/// One cPanel account as the simulated server holds it (the cpuser file plus the bits of system state listaccts
/// reports). Immutable: the state replaces the whole record on every change, so a snapshot never moves under a test.
/// </summary>
public sealed record SimulatedAccount
{
    public const string DefaultShell = "/bin/bash";
    public const string NoShell = "/usr/local/cpanel/bin/noshell";

    public required string User { get; init; }

    /// <summary>The main domain.</summary>
    public required string Domain { get; init; }

    /// <summary>The package name; <c>"default"</c> when created without a plan.</summary>
    public string Plan { get; init; } = "default";

    /// <summary>The account's IPv4 address; empty means "the server's main IP" and is filled in when stored.</summary>
    public string Ip { get; init; } = "";

    public string Owner { get; init; } = "root";

    /// <summary>The contact address; empty when none (listaccts then shows <c>*unknown*</c>).</summary>
    public string ContactEmail { get; init; } = "";

    public string Theme { get; init; } = "jupiter";

    public string Locale { get; init; } = "en";

    public string FeatureList { get; init; } = "default";

    public string Shell { get; init; } = DefaultShell;

    public bool HasCgi { get; init; } = true;

    public bool IsReseller { get; init; }

    public DateTimeOffset StartDate { get; init; } = DateTimeOffset.UnixEpoch;

    /// <summary>The system uid; 0 means "allocate one" when stored.</summary>
    public int Uid { get; init; }

    public bool Suspended { get; init; }

    /// <summary>The reason given to suspendacct; null when suspended without a reason (listaccts shows <c>*unknown*</c>).</summary>
    public string? SuspendReason { get; init; }

    public DateTimeOffset? SuspendTime { get; init; }

    /// <summary>True when suspended with <c>disallowun=1</c> (only root may unsuspend).</summary>
    public bool IsLocked { get; init; }

    public AccountLimits Limits { get; init; } = new();

    public long DiskUsedMb { get; init; }

    public long InodesUsed { get; init; }

    /// <summary>Addon, parked and sub domains, reported by limitbw and showbw before the main domain.</summary>
    public IReadOnlyList<string> OtherDomains { get; init; } = Array.Empty<string>();

    /// <summary>The account's current password as last set by createacct or passwd (null when generated).</summary>
    public string? Password { get; init; }

    /// <summary>True when the account was created without a domain and got a temporary one.</summary>
    public bool Temporary { get; init; }

    /// <summary>A short description for test output; leaves the password out.</summary>
    public override string ToString() =>
        $"{User} ({Domain}, plan {Plan}, ip {Ip}{(Suspended ? ", suspended" : "")})";
}
