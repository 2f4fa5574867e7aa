using System;
using System.Collections.Generic;
using System.Linq;

namespace CpanelBilling.WhmSimulator;

/// <summary>
/// Everything the simulated WHM server knows: accounts, packages, the IP pool and bandwidth per account per month.
/// Thread-safe: every member takes one lock, and each API call runs under the same lock, so concurrent callers see
/// each call as atomic. Reads return snapshots (immutable records, copied lists).
/// </summary>
public sealed class SimulatorState
{
    public const string DefaultPackageName = "default";
    public const string DefaultHostname = "server.example.com";
    public const string DefaultVersion = "11.120.0.16";
    public const string DefaultMainIp = "192.0.2.10";

    private const int FirstUid = 1001;

    // Reentrant (Monitor), so an API call can hold it while it uses the public members.
    private readonly object _gate = new();
    private readonly List<SimulatedAccount> _accounts = new();
    private readonly Dictionary<string, SimulatedAccount> _removedAccounts = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, SimulatedPackage> _packages = new(StringComparer.Ordinal);
    private readonly List<SimulatedIp> _ips = new();
    private readonly Dictionary<(string User, int Year, int Month), Dictionary<string, long>> _bandwidth = new();
    private string _hostname = DefaultHostname;
    private string _version = DefaultVersion;

    /// <summary>An empty server: main IP <see cref="DefaultMainIp"/>, no dedicated IPs, no accounts, only the implicit
    /// <c>default</c> package.</summary>
    public SimulatorState()
    {
        _ips.Add(new SimulatedIp { Address = DefaultMainIp, IsMain = true });
    }

    /// <summary>A server with the main IP <c>192.0.2.10</c> and the free dedicated IPs <c>192.0.2.11</c>–<c>.15</c>.</summary>
    public static SimulatorState CreateDefault()
    {
        var state = new SimulatorState();
        for (var last = 11; last <= 15; last++)
        {
            state.AddIp("192.0.2." + last);
        }

        return state;
    }

    internal object Gate => _gate;

    /// <summary>The server's hostname (gethostname; also refused as an account domain).</summary>
    public string Hostname
    {
        get { lock (_gate) { return _hostname; } }
        set { lock (_gate) { _hostname = RequireText(value, nameof(Hostname)); } }
    }

    /// <summary>The cPanel version string the version function reports, e.g. <c>11.120.0.16</c>.</summary>
    public string Version
    {
        get { lock (_gate) { return _version; } }
        set { lock (_gate) { _version = RequireText(value, nameof(Version)); } }
    }

    /// <summary>Forgets every account (removed ones included), package and bandwidth record. The IP pool, hostname and
    /// version stay.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _accounts.Clear();
            _removedAccounts.Clear();
            _packages.Clear();
            _bandwidth.Clear();
        }
    }

    // ---- accounts ----------------------------------------------------------------------------------------------

    /// <summary>A snapshot of the accounts, in creation order.</summary>
    public IReadOnlyList<SimulatedAccount> Accounts
    {
        get { lock (_gate) { return _accounts.ToArray(); } }
    }

    public SimulatedAccount? FindAccount(string user)
    {
        lock (_gate)
        {
            return _accounts.Find(a => a.User == user);
        }
    }

    /// <summary>Returns the account or throws <see cref="KeyNotFoundException"/>.</summary>
    public SimulatedAccount GetAccount(string user) =>
        FindAccount(user) ?? throw new KeyNotFoundException($"The simulated server has no account named '{user}'.");

    public SimulatedAccount? FindAccountByDomain(string domain)
    {
        lock (_gate)
        {
            return _accounts.Find(a => string.Equals(a.Domain, domain, StringComparison.OrdinalIgnoreCase)
                                       || a.OtherDomains.Contains(domain, StringComparer.OrdinalIgnoreCase));
        }
    }

    /// <summary>
    /// Adds or replaces an account (matched by user name). An empty <see cref="SimulatedAccount.Ip"/> becomes the main
    /// IP and a zero <see cref="SimulatedAccount.Uid"/> gets the next free uid. Returns the record as stored.
    /// </summary>
    /// <exception cref="ArgumentException">The IP is not bound on this server or is dedicated to another account.</exception>
    public SimulatedAccount PutAccount(SimulatedAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        lock (_gate)
        {
            var stored = account;
            if (stored.Ip.Length == 0)
            {
                stored = stored with { Ip = MainIp };
            }

            if (_ips.All(ip => ip.Address != stored.Ip))
            {
                throw new ArgumentException($"IP {stored.Ip} is not bound on the simulated server.", nameof(account));
            }

            var holder = DedicatedIpHolder(stored.Ip);
            if (holder is not null && holder != stored.User)
            {
                throw new ArgumentException($"IP {stored.Ip} is already dedicated to '{holder}'.", nameof(account));
            }

            var index = _accounts.FindIndex(a => a.User == stored.User);
            if (stored.Uid == 0)
            {
                stored = stored with { Uid = index >= 0 ? _accounts[index].Uid : NextUid() };
            }

            if (index >= 0)
            {
                _accounts[index] = stored;
            }
            else
            {
                _accounts.Add(stored);
                _removedAccounts.Remove(stored.User);
            }

            return stored;
        }
    }

    /// <summary>Applies a change to one account atomically and returns the stored result.</summary>
    public SimulatedAccount UpdateAccount(string user, Func<SimulatedAccount, SimulatedAccount> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_gate)
        {
            return PutAccount(change(GetAccount(user)));
        }
    }

    /// <summary>
    /// Removes an account, which frees its dedicated IP. Its bandwidth history stays (showbw lists it as deleted).
    /// </summary>
    public bool RemoveAccount(string user)
    {
        lock (_gate)
        {
            var index = _accounts.FindIndex(a => a.User == user);
            if (index < 0)
            {
                return false;
            }

            _removedAccounts[user] = _accounts[index];
            _accounts.RemoveAt(index);
            return true;
        }
    }

    /// <summary>Renames an account, carrying its bandwidth history to the new name.</summary>
    internal void RenameAccount(string user, SimulatedAccount renamed)
    {
        lock (_gate)
        {
            var index = _accounts.FindIndex(a => a.User == user);
            _accounts[index] = renamed;
            foreach (var key in _bandwidth.Keys.Where(k => k.User == user).ToArray())
            {
                _bandwidth[(renamed.User, key.Year, key.Month)] = _bandwidth[key];
                _bandwidth.Remove(key);
            }
        }
    }

    /// <summary>Accounts removed earlier that still have bandwidth recorded for the month (showbw reports them as deleted).</summary>
    internal IReadOnlyList<SimulatedAccount> RemovedAccountsWithBandwidth(int year, int month)
    {
        lock (_gate)
        {
            return _removedAccounts.Values.Where(a => _bandwidth.ContainsKey((a.User, year, month))).ToArray();
        }
    }

    private int NextUid() => _accounts.Count == 0 ? FirstUid : Math.Max(FirstUid, _accounts.Max(a => a.Uid) + 1);

    // ---- packages ----------------------------------------------------------------------------------------------

    /// <summary>A snapshot of the package files, sorted by name (the implicit <c>default</c> is not included unless stored).</summary>
    public IReadOnlyList<SimulatedPackage> Packages
    {
        get { lock (_gate) { return _packages.Values.ToArray(); } }
    }

    /// <summary>
    /// Finds a package. <c>default</c> always exists for root, as on a real server, even without a stored file.
    /// </summary>
    public SimulatedPackage? FindPackage(string name)
    {
        lock (_gate)
        {
            if (_packages.TryGetValue(name, out var package))
            {
                return package;
            }

            return name == DefaultPackageName ? new SimulatedPackage { Name = DefaultPackageName } : null;
        }
    }

    /// <summary>Every package WHM lists for root: the stored ones plus the implicit <c>default</c>, sorted by name.</summary>
    internal IReadOnlyList<SimulatedPackage> ListedPackages()
    {
        lock (_gate)
        {
            var listed = new SortedDictionary<string, SimulatedPackage>(_packages, StringComparer.Ordinal);
            listed.TryAdd(DefaultPackageName, new SimulatedPackage { Name = DefaultPackageName });
            return listed.Values.ToArray();
        }
    }

    /// <summary>Adds or replaces a package file.</summary>
    public void PutPackage(SimulatedPackage package)
    {
        ArgumentNullException.ThrowIfNull(package);
        lock (_gate)
        {
            _packages[RequireText(package.Name, nameof(package))] = package;
        }
    }

    public bool RemovePackage(string name)
    {
        lock (_gate)
        {
            return _packages.Remove(name);
        }
    }

    // ---- IP pool -----------------------------------------------------------------------------------------------

    /// <summary>A snapshot of the bound IPs, main first.</summary>
    public IReadOnlyList<SimulatedIp> Ips
    {
        get { lock (_gate) { return _ips.ToArray(); } }
    }

    /// <summary>The shared main IP.</summary>
    public string MainIp
    {
        get { lock (_gate) { return _ips.First(ip => ip.IsMain).Address; } }
    }

    /// <summary>Dedicated IPs no account holds, in pool order.</summary>
    public IReadOnlyList<string> FreeIps
    {
        get
        {
            lock (_gate)
            {
                return _ips.Where(ip => !ip.IsMain && DedicatedIpHolder(ip.Address) is null).Select(ip => ip.Address).ToArray();
            }
        }
    }

    /// <summary>Adds a dedicated IP to the pool (free until an account takes it).</summary>
    public void AddIp(string address) => AddIp(new SimulatedIp { Address = address });

    /// <summary>Adds a dedicated IP to the pool, or replaces the details of a bound one. Use <see cref="SetMainIp"/>
    /// to change the main IP.</summary>
    public void AddIp(SimulatedIp ip)
    {
        ArgumentNullException.ThrowIfNull(ip);
        RequireIpv4(ip.Address);
        if (ip.IsMain)
        {
            throw new ArgumentException("Use SetMainIp to change the main IP.", nameof(ip));
        }

        lock (_gate)
        {
            var existing = _ips.FindIndex(i => i.Address == ip.Address);
            if (existing >= 0 && _ips[existing].IsMain)
            {
                throw new ArgumentException($"{ip.Address} is the main IP.", nameof(ip));
            }

            if (existing >= 0)
            {
                _ips[existing] = ip;
            }
            else
            {
                _ips.Add(ip);
            }
        }
    }

    /// <summary>Changes the shared main IP; accounts on the old main IP move with it.</summary>
    public void SetMainIp(string address)
    {
        RequireIpv4(address);
        lock (_gate)
        {
            var old = MainIp;
            if (old == address)
            {
                return;
            }

            if (IsHeld(address))
            {
                throw new ArgumentException($"{address} is dedicated to an account.", nameof(address));
            }

            _ips.RemoveAll(i => i.Address == address);
            _ips[0] = _ips[0] with { Address = address };
            for (var i = 0; i < _accounts.Count; i++)
            {
                if (_accounts[i].Ip == old)
                {
                    _accounts[i] = _accounts[i] with { Ip = address };
                }
            }
        }
    }

    private static void RequireIpv4(string address)
    {
        if (!System.Net.IPAddress.TryParse(address, out var parsed)
            || parsed.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork
            || parsed.ToString() != address)
        {
            throw new ArgumentException($"'{address}' is not an IPv4 address in dotted form.", nameof(address));
        }
    }

    /// <summary>The account that holds an address as its dedicated IP, or null (the main IP is never dedicated).</summary>
    internal string? DedicatedIpHolder(string address)
    {
        lock (_gate)
        {
            if (_ips.Any(ip => ip.IsMain && ip.Address == address))
            {
                return null;
            }

            return _accounts.Find(a => a.Ip == address)?.User;
        }
    }

    private bool IsHeld(string address) => _accounts.Any(a => a.Ip == address);

    // ---- bandwidth ---------------------------------------------------------------------------------------------

    /// <summary>
    /// Records bandwidth usage for an account in a month. <paramref name="domain"/> defaults to the account's main
    /// domain; usage of a removed account may be recorded too (showbw reports it as deleted).
    /// </summary>
    public void AddBandwidth(string user, int year, int month, long bytes, string? domain = null)
    {
        if (month is < 1 or > 12)
        {
            throw new ArgumentOutOfRangeException(nameof(month), month, "The month must be 1 to 12.");
        }

        if (bytes < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(bytes), bytes, "Usage cannot be negative.");
        }

        lock (_gate)
        {
            var owner = FindAccount(user) ?? (_removedAccounts.TryGetValue(user, out var removed) ? removed : null);
            domain ??= owner?.Domain ?? throw new KeyNotFoundException($"The simulated server has no account named '{user}'.");
            if (!_bandwidth.TryGetValue((user, year, month), out var byDomain))
            {
                byDomain = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
                _bandwidth[(user, year, month)] = byDomain;
            }

            byDomain[domain] = byDomain.GetValueOrDefault(domain) + bytes;
        }
    }

    /// <summary>
    /// Drops an account's usage of a month, as a reset bandwidth counter (or a re-created account) does: showbw
    /// counts from zero again, below what billing may have recorded.
    /// </summary>
    public void ResetBandwidth(string user, int year, int month)
    {
        lock (_gate)
        {
            _bandwidth.Remove((user, year, month));
        }
    }

    /// <summary>Total bytes recorded for an account in a month.</summary>
    public long GetBandwidth(string user, int year, int month)
    {
        lock (_gate)
        {
            return _bandwidth.TryGetValue((user, year, month), out var byDomain) ? byDomain.Values.Sum() : 0;
        }
    }

    /// <summary>Bytes per domain for an account in a month.</summary>
    public IReadOnlyDictionary<string, long> GetBandwidthByDomain(string user, int year, int month)
    {
        lock (_gate)
        {
            return _bandwidth.TryGetValue((user, year, month), out var byDomain)
                ? new Dictionary<string, long>(byDomain, StringComparer.OrdinalIgnoreCase)
                : new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        }
    }

    private static string RequireText(string? value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException("A value is required.", name) : value;
}
