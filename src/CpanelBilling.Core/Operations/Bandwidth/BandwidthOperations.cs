using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations.Fanout;
using CpanelBilling.Core.Operations.Throttling;
using CpanelBilling.Core.Whm;

namespace CpanelBilling.Core.Operations.Bandwidth;

/// <summary>
/// Monthly bandwidth: measure (read each server's showbw once, set it against what billing recorded, per account)
/// and record (add the positive differences in one transaction per server reading). Accounts are matched by user
/// name, never by domain. A server total below what billing holds (a reset counter, a re-created account) is
/// reported and never recorded as a negative. Recording twice records nothing the second time, and concurrent
/// recorders never count a difference twice (the repository computes it inside its transaction).
/// </summary>
public sealed class BandwidthOperations
{
    private const int FirstYear = 1970;

    private readonly OperationContext context;
    private readonly Func<DateTime> utcNow;

    public BandwidthOperations(OperationContext context, Func<DateTime>? utcNow = null)
    {
        this.context = context ?? throw new ArgumentNullException(nameof(context));
        this.utcNow = utcNow ?? (() => DateTime.UtcNow);
    }

    /// <summary>
    /// The month meant by <paramref name="year"/> and <paramref name="month"/>: neither given, the previous
    /// calendar month (the one to bill); a month alone, the latest such month that has begun (in January, 12 means
    /// last December). A year needs a month; a month that has not begun is refused.
    /// </summary>
    public BillingMonth ResolveMonth(int? year, int? month)
    {
        DateTime now = utcNow();
        var current = BillingMonth.Of(now);
        if (month is null)
        {
            if (year is not null)
            {
                throw InvalidMonth($"A year ({year}) was given without a month; give the month (1–12) as well.", "Month");
            }

            return BillingMonth.Of(new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(-1));
        }

        if (month < 1 || month > 12)
        {
            throw InvalidMonth($"Month {month} does not exist; give 1 (January) to 12 (December).", "Month");
        }

        int resolvedYear = year ?? (month <= now.Month ? now.Year : now.Year - 1);
        if (resolvedYear < FirstYear || resolvedYear > now.Year)
        {
            throw InvalidMonth($"Year {resolvedYear} has no bandwidth to measure; give a year from {FirstYear} to {now.Year}.", "Year");
        }

        var resolved = new BillingMonth(resolvedYear, month.Value);
        if (resolved.CompareTo(current) > 0)
        {
            throw InvalidMonth($"{resolved} has not begun; the latest month with bandwidth is {current}.", "Month");
        }

        return resolved;
    }

    /// <summary>Reads each server once and compares with billing. Changes nothing.</summary>
    public async Task<BandwidthResult> MeasureAsync(BandwidthRequest request, IProgress<ServerProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        BillingMonth month = ResolveMonth(request.Year, request.Month);
        if (request.MaxParallelServers < 1)
        {
            throw new OperationArgumentException(
                OperationErrorIds.InvalidBandwidthRequest, $"MaxParallelServers is {request.MaxParallelServers}; give 1 or more.", null, "MaxParallelServers");
        }

        var (measured, failures) = await ServerFanOut.RunAsync(
            context.Billing, request.Servers, request.MaxParallelServers, (server, token) => MeasureServerAsync(server, month, token), progress, cancellationToken).ConfigureAwait(false);
        return new BandwidthResult(month, Sorted(measured.SelectMany(rows => rows)), failures, 0);
    }

    /// <summary>
    /// Records the rows of a measurement (e.g. piped back from Get-CpBandwidth): for every account whose server
    /// total exceeds what billing holds, the difference, in one transaction per server reading. A row whose account
    /// id is not that user's account on that server here (read from another billing database, or edited) is refused
    /// (<see cref="BandwidthResult.RowFailures"/>) and the others go on. Returns the rows judged again against billing
    /// afterwards (a server that failed keeps its rows as given). All rows must be of one month.
    /// </summary>
    public async Task<BandwidthResult> RecordAsync(IEnumerable<BandwidthRow> rows, CancellationToken cancellationToken = default)
    {
        List<BandwidthRow> all = (rows ?? throw new ArgumentNullException(nameof(rows))).Where(r => r is not null).ToList();
        if (all.Count == 0)
        {
            throw new OperationArgumentException(
                OperationErrorIds.InvalidBandwidthRequest, "There are no bandwidth rows to record; measure first (Get-CpBandwidth).", null, "InputObject");
        }

        BillingMonth[] months = all.Select(r => r.Month).Distinct().ToArray();
        if (months.Length > 1 || months[0].Month == 0)
        {
            throw InvalidMonth($"The rows are of {months.Length} months ({string.Join(", ", months)}); record one month at a time.", "Month");
        }

        ILookup<string, BandwidthRow> byServer = all.ToLookup(r => r.ServerName.Trim(), StringComparer.OrdinalIgnoreCase);

        // One server at a time: recording only writes billing, and one writer at a time keeps its transactions short.
        var (recorded, failures) = await ServerFanOut.RunAsync(
            context.Billing, byServer.Select(g => g.Key), 1, (server, token) => RecordServerAsync(server, months[0], byServer[server.Name].ToList(), token), null, cancellationToken).ConfigureAwait(false);
        IEnumerable<BandwidthRow> unrecorded = failures.SelectMany(f => byServer[f.ServerName]);
        return new BandwidthResult(
            months[0], Sorted(recorded.SelectMany(r => r.Rows).Concat(unrecorded)), failures, recorded.Sum(r => r.Written), recorded.SelectMany(r => r.Refused).ToList());
    }

    /// <summary>Measures, then records what the measurement found.</summary>
    public async Task<BandwidthResult> MeasureAndRecordAsync(BandwidthRequest request, IProgress<ServerProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        BandwidthResult measured = await MeasureAsync(request, progress, cancellationToken).ConfigureAwait(false);
        if (measured.Rows.Count == 0)
        {
            return measured;
        }

        BandwidthResult recorded = await RecordAsync(measured.Rows, cancellationToken).ConfigureAwait(false);
        return new BandwidthResult(measured.Month, recorded.Rows, measured.Failures.Concat(recorded.Failures).ToList(), recorded.RecordedAccounts, recorded.RowFailures);
    }

    private async Task<IReadOnlyList<BandwidthRow>> MeasureServerAsync(BillingServer server, BillingMonth month, CancellationToken cancellationToken)
    {
        IWhmClient client = context.Servers.Connect(server);
        DateTime readUtc = utcNow();
        BandwidthReport report;
        using (await context.Throttle.EnterAsync(server, ThrottleLane.Requests, cancellationToken).ConfigureAwait(false))
        {
            report = await client.GetBandwidthAsync(new Whm.BandwidthQuery { Year = month.Year, Month = month.Month }, cancellationToken).ConfigureAwait(false);
        }

        if (report.Year != month.Year || report.Month != month.Month)
        {
            throw new UnexpectedBandwidthReportException(server.Name, month, report.Year, report.Month);
        }

        IReadOnlyDictionary<long, long> recorded = await context.Billing.GetRecordedBandwidthAsync(server.Id, month, cancellationToken).ConfigureAwait(false);
        (Dictionary<string, Account> live, Dictionary<string, Account> deleted) = ByUser(await AccountsOfAsync(server, cancellationToken).ConfigureAwait(false));

        var rows = new List<BandwidthRow>();
        var listed = new HashSet<long>();
        foreach (AccountBandwidth usage in report.Accounts)
        {
            // A deleted row is usage of an account removed this month: it belongs to billing's deleted account.
            Account? account = (usage.IsDeleted ? deleted : live).TryGetValue(usage.User, out Account? found) ? found : null;
            if (account is not null)
            {
                listed.Add(account.Id);
            }

            rows.Add(BandwidthRow.Measured(
                server.Name, month, readUtc, usage.User, account, usage.MainDomain, usage.IsDeleted, usage.TotalBytes, RecordedOf(recorded, account?.Id)));
        }

        // An account billing only ordered (New) is not on the server yet, so its absence is no news.
        foreach (Account missing in live.Values.Where(a => !listed.Contains(a.Id) && a.Status != AccountStatus.New))
        {
            rows.Add(BandwidthRow.Measured(server.Name, month, readUtc, missing.UserName, missing, null, false, null, RecordedOf(recorded, missing.Id)));
        }

        return rows;
    }

    private async Task<(int Written, IReadOnlyList<BandwidthRow> Rows, IReadOnlyList<BandwidthRowFailure> Refused)> RecordServerAsync(
        BillingServer server, BillingMonth month, IReadOnlyList<BandwidthRow> given, CancellationToken cancellationToken)
    {
        Dictionary<long, Account> accounts = (await AccountsOfAsync(server, cancellationToken).ConfigureAwait(false)).ToDictionary(a => a.Id);
        (List<BandwidthRow> rows, List<BandwidthRowFailure> refused) = RefuseMismatchedIds(given, accounts);
        IReadOnlyDictionary<long, long> before = await context.Billing.GetRecordedBandwidthAsync(server.Id, month, cancellationToken).ConfigureAwait(false);
        int written = 0;
        foreach (IGrouping<DateTime, BandwidthRow> reading in rows.GroupBy(r => r.ReadUtc))
        {
            List<BandwidthObservation> observations = reading
                .Where(r => r.AccountId is { } id && r.ServerBytes > RecordedOf(before, id))
                .Select(r => new BandwidthObservation(r.AccountId!.Value, r.ServerBytes!.Value))
                .ToList();
            if (observations.Count > 0)
            {
                written += await context.Billing.RecordBandwidthAsync(
                    new BandwidthReading { ServerId = server.Id, Month = month, ReadUtc = reading.Key, Observations = observations },
                    cancellationToken).ConfigureAwait(false);
            }
        }

        IReadOnlyDictionary<long, long> after = written == 0
            ? before
            : await context.Billing.GetRecordedBandwidthAsync(server.Id, month, cancellationToken).ConfigureAwait(false);
        return (written, rows.Select(r => r.WithRecorded(RecordedOf(after, r.AccountId), RecordedOf(before, r.AccountId))).ToList(), refused);
    }

    /// <summary>
    /// Splits off the rows whose account id is not their user's (compared case-insensitively) among the server's
    /// accounts: the insert checks only that an id is an account of the server, so a row read from another billing
    /// database, or edited, would otherwise add its bytes to a stranger's account. Rows without an id are kept;
    /// they are never recorded.
    /// </summary>
    private static (List<BandwidthRow> Kept, List<BandwidthRowFailure> Refused) RefuseMismatchedIds(IEnumerable<BandwidthRow> rows, IReadOnlyDictionary<long, Account> serverAccounts)
    {
        var kept = new List<BandwidthRow>();
        var refused = new List<BandwidthRowFailure>();
        foreach (BandwidthRow row in rows)
        {
            Account? account = row.AccountId is { } id && serverAccounts.TryGetValue(id, out Account? found) ? found : null;
            if (row.AccountId is { } claimed && !string.Equals(account?.UserName, row.UserName, StringComparison.OrdinalIgnoreCase))
            {
                refused.Add(new BandwidthRowFailure(row, new BandwidthRowMismatchException(row, claimed, account)));
            }
            else
            {
                kept.Add(row);
            }
        }

        return (kept, refused);
    }

    /// <summary>Every account billing has on the server, deleted ones included, in id order.</summary>
    private async Task<List<Account>> AccountsOfAsync(BillingServer server, CancellationToken cancellationToken)
    {
        var accounts = new List<Account>();
        var query = new Billing.AccountQuery { ServerId = server.Id, IncludeDeleted = true };
        await foreach (Account account in context.Billing.ListAccountsAsync(query, cancellationToken).ConfigureAwait(false))
        {
            accounts.Add(account);
        }

        return accounts;
    }

    private static (Dictionary<string, Account> Live, Dictionary<string, Account> Deleted) ByUser(IEnumerable<Account> accountsInIdOrder)
    {
        var live = new Dictionary<string, Account>(StringComparer.OrdinalIgnoreCase);
        var deleted = new Dictionary<string, Account>(StringComparer.OrdinalIgnoreCase);
        foreach (Account account in accountsInIdOrder)
        {
            // A later deleted account of the same name (the newest) wins.
            (account.Status == AccountStatus.Deleted ? deleted : live)[account.UserName] = account;
        }

        return (live, deleted);
    }

    private static long RecordedOf(IReadOnlyDictionary<long, long> recorded, long? accountId) =>
        accountId is { } id && recorded.TryGetValue(id, out long bytes) ? bytes : 0;

    private static IReadOnlyList<BandwidthRow> Sorted(IEnumerable<BandwidthRow> rows) =>
        rows.OrderBy(r => r.ServerName, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.UserName, StringComparer.Ordinal).ThenBy(r => r.DeletedOnServer).ToList();

    private static OperationArgumentException InvalidMonth(string message, string parameter) =>
        new(OperationErrorIds.InvalidBandwidthMonth, message, null, parameter);
}

/// <summary>The server reported another month than the one asked for; nothing was recorded from it.</summary>
public sealed class UnexpectedBandwidthReportException : CpanelBillingException
{
    public UnexpectedBandwidthReportException(string serverName, BillingMonth asked, int reportedYear, int reportedMonth)
        : base(
            OperationErrorIds.UnexpectedBandwidthReport,
            FailureKind.Transport,
            $"Server '{serverName}' answered showbw for {reportedYear.ToString("0000", CultureInfo.InvariantCulture)}-{reportedMonth.ToString("00", CultureInfo.InvariantCulture)} instead of {asked}; nothing of it was used.",
            serverName)
    {
    }
}
