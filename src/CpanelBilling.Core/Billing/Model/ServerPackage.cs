using System;

namespace CpanelBilling.Core.Billing;

/// <summary>A cPanel package that a server has (or had: a package gone from the server is marked, not dropped).</summary>
public sealed class ServerPackage
{
    internal ServerPackage(long id, long serverId, string name, PackageSettings settings, DateTime firstSeenUtc, DateTime lastSeenUtc, DateTime? removedUtc)
    {
        Id = id;
        ServerId = serverId;
        Name = name;
        Settings = settings;
        FirstSeenUtc = firstSeenUtc;
        LastSeenUtc = lastSeenUtc;
        RemovedUtc = removedUtc;
    }

    public long Id { get; }

    public long ServerId { get; }

    /// <summary>The package name exactly as the server lists it.</summary>
    public string Name { get; }

    /// <summary>The settings the last sync stored. <see cref="PackageSettings.DedicatedIp"/> is never null here: a package file without IP means IP=n.</summary>
    public PackageSettings Settings { get; }

    public DateTime FirstSeenUtc { get; }

    /// <summary>When a sync last found the package on the server.</summary>
    public DateTime LastSeenUtc { get; }

    /// <summary>When a sync first missed the package; null while the server has it.</summary>
    public DateTime? RemovedUtc { get; }

    public bool IsRemoved => RemovedUtc.HasValue;

    public override string ToString() => Name;
}
