using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations.Accounts.Validation;
using CpanelBilling.Core.Operations.Journal;
using CpanelBilling.Core.Operations.Throttling;
using CpanelBilling.Core.Whm;

namespace CpanelBilling.Core.Operations.Accounts;

/// <summary>
/// Opens an account: records it in billing as New (taking a dedicated IP when the plan, its package or the
/// request asks for one), creates it on the server with createacct, applies its own limits, and marks it Active.
/// Running it again for an account billing holds as New continues it: the server is read first, and an account
/// an earlier attempt created (same user and domain) is adopted. createacct is never sent while the server may have
/// the account or may still be creating it: an opening whose createacct got no answer stays New with its IP, and is
/// neither undone nor created again until the server shows the account or the grace for a request in flight passed.
/// </summary>
internal sealed class OpenAccountOperation
{
    private readonly OperationContext context;
    private readonly AccountTargets targets;

    public OpenAccountOperation(OperationContext context)
    {
        this.context = context;
        targets = new AccountTargets(context.Billing);
    }

    private IBillingRepository Billing => context.Billing;

    /// <summary>
    /// The checks an opening's input must pass before anything is read, stored or sent (names, domain, user name,
    /// limits, contact address, a plan or package given); returns the input normalized. Throws
    /// <see cref="AccountOperationException"/> (InvalidArgument) naming the first problem.
    /// </summary>
    internal static (string ServerName, string CustomerLogin, string Domain, string? UserName, AccountLimits Limits, string? ContactEmail) CheckInput(OpenAccountRequest request)
    {
        string serverName = AccountInput.Name(request.ServerName, "server name");
        string customerLogin = AccountInput.Name(request.CustomerLogin, "customer login");
        string domain = AccountInput.Domain(request.Domain);
        string? userName = request.UserName == null ? null : AccountInput.UserName(request.UserName);
        AccountLimits limits = AccountInput.Limits(request.Limits);
        string? contactEmail = AccountInput.ContactEmail(request.ContactEmail);
        if (string.IsNullOrWhiteSpace(request.PlanName) && string.IsNullOrWhiteSpace(request.PackageName))
        {
            throw AccountOperationException.Invalid(AccountErrorIds.InvalidRequest, "Give the billing plan (-Plan) or the server's package (-Package) to open the account with.", "Plan");
        }

        return (serverName, customerLogin, domain, userName, limits, contactEmail);
    }

    public async Task<AccountChangeResult> OpenAsync(OpenAccountRequest request, CancellationToken cancellationToken)
    {
        (string serverName, string customerLogin, string domain, string? userName, AccountLimits limits, string? contactEmail) = CheckInput(request);
        BillingServer server = await targets.ServerAsync(serverName, cancellationToken).ConfigureAwait(false);
        Customer customer = await targets.CustomerAsync(customerLogin, cancellationToken).ConfigureAwait(false);
        BillingPlan plan = await targets.PlanAsync(request.PlanName, request.PackageName, server, cancellationToken).ConfigureAwait(false);
        (string package, _) = await targets.PackageAsync(plan, server, cancellationToken).ConfigureAwait(false);
        var settings = new Provisioning(request.Password, request.ReturnPassword, contactEmail ?? customer.Email);

        Account? existing = await ExistingOpeningAsync(server, customer, domain, cancellationToken).ConfigureAwait(false);
        if (existing != null)
        {
            RequireSameOpening(existing, userName, plan);
            return existing.Status == AccountStatus.New
                ? await ProvisionAsync(existing, createdHere: false, settings, cancellationToken).ConfigureAwait(false)
                : AlreadyOpen(existing);
        }

        var opening = new AccountOpening
        {
            CustomerId = customer.Id,
            ServerId = server.Id,
            PlanId = plan.Id,
            DomainName = domain,
            WantsDedicatedIp = request.DedicatedIp,
            Status = AccountStatus.New,
            Limits = limits,
        };
        Account account = await RecordOpeningAsync(server, opening, userName, package, cancellationToken).ConfigureAwait(false);
        return await ProvisionAsync(account, createdHere: true, settings, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Records the opening in billing as New, under the given user name or one derived from the domain. A derived
    /// name another opening took between the choice and billing's insert (a bulk run opening shop.a.com and
    /// shop.b.com at once) is not the caller's error: the next free candidate is taken instead, a few times at most.
    /// </summary>
    private async Task<Account> RecordOpeningAsync(BillingServer server, AccountOpening opening, string? givenUserName, string package, CancellationToken cancellationToken)
    {
        const int NameRaces = 10;
        IWhmClient client = context.Servers.Connect(server);
        for (int attempt = 1; ; attempt++)
        {
            opening.UserName = givenUserName == null
                ? await ChooseUserNameAsync(server, client, opening.DomainName, cancellationToken).ConfigureAwait(false)
                : await RequireFreeOnServerAsync(server, client, givenUserName, cancellationToken).ConfigureAwait(false);
            try
            {
                return await Billing.OpenAccountAsync(opening, cancellationToken).ConfigureAwait(false);
            }
            catch (BillingAlreadyExistsException taken)
                when (givenUserName == null && taken.ErrorId == BillingErrorIds.AccountUserNameTaken && attempt < NameRaces)
            {
                // Another opening recorded this name first; the next choice sees it in billing and moves on.
            }
            catch (NoFreeIpException failure)
            {
                await JournalRefusedCreateAsync(server, opening.UserName, opening.DomainName, package, failure).ConfigureAwait(false);
                throw;
            }
        }
    }

    public async Task<AccountChangeResult> ContinueAsync(AccountReference reference, ContinueOpeningOptions options, CancellationToken cancellationToken)
    {
        string? contactEmail = AccountInput.ContactEmail(options.ContactEmail);
        Account account = await targets.AccountAsync(reference, orDeleted: false, cancellationToken).ConfigureAwait(false);
        if (account.Status != AccountStatus.New)
        {
            return AlreadyOpen(account);
        }

        Customer customer = await Billing.GetCustomerAsync(account.CustomerId, cancellationToken).ConfigureAwait(false);
        var settings = new Provisioning(options.Password, options.ReturnPassword, contactEmail ?? customer.Email);
        return await ProvisionAsync(account, createdHere: false, settings, cancellationToken).ConfigureAwait(false);
    }

    private async Task<AccountChangeResult> ProvisionAsync(Account pending, bool createdHere, Provisioning settings, CancellationToken cancellationToken)
    {
        await using AccountWork work = await AccountWork.BeginAsync(context, pending, cancellationToken).ConfigureAwait(false);
        if (work.Account.Status != AccountStatus.New)
        {
            // Another actor finished (or gave up) the opening while this one waited for the lease.
            return AlreadyOpen(work.Account);
        }

        BillingPlan plan = await Billing.GetPlanAsync(work.Account.PlanId, cancellationToken).ConfigureAwait(false);
        (string package, PackageSettings? packageSettings) = await targets.PackageAsync(plan, work.Server, cancellationToken).ConfigureAwait(false);
        if ((plan.IncludesDedicatedIp || packageSettings?.DedicatedIp == true || work.Account.WantsDedicatedIp) && work.Account.DedicatedIp == null)
        {
            await Billing.AssignDedicatedIpAsync(work.Account.Id, cancellationToken).ConfigureAwait(false);
            await work.RefreshAsync(cancellationToken).ConfigureAwait(false);
        }

        SecureString? generated = settings.Password == null ? PasswordGenerator.Generate() : null;
        try
        {
            WhmSecret password = settings.Password ?? new WhmSecret(generated!);
            bool passwordKnownToCaller = settings.Password != null || settings.ReturnPassword;
            string? serverIp = await CreateOrAdoptAsync(work, package, password, passwordKnownToCaller, createdHere, settings.ContactEmail, cancellationToken).ConfigureAwait(false);
            await RecordIpAsync(work, serverIp, cancellationToken).ConfigureAwait(false);
            await ApplyDetailsAsync(work, cancellationToken).ConfigureAwait(false);

            await work.UpdateBillingAsync(
                "mark the account Active",
                (account, ct) => Billing.SetAccountStatusAsync(account.Id, account.RowVersion, AccountStatus.Active, null, ct),
                account => account.Status == AccountStatus.Active,
                cancellationToken).ConfigureAwait(false);
            await work.CompleteAsync().ConfigureAwait(false);
            await SettleEarlierAttemptsAsync(work, OperationStatus.Succeeded).ConfigureAwait(false);

            AccountChangeResult result = work.Result(changed: true, password: settings.ReturnPassword ? generated : null);
            if (settings.ReturnPassword)
            {
                generated = null;
            }

            return result;
        }
        finally
        {
            generated?.Dispose();
        }
    }

    /// <summary>
    /// Makes sure the server has the account: adopts one an earlier attempt created, else sends createacct once.
    /// Returns the address the server gave the account, when it said.
    /// </summary>
    private async Task<string?> CreateOrAdoptAsync(
        AccountWork work, string package, WhmSecret password, bool passwordKnownToCaller, bool createdHere, string? contactEmail, CancellationToken cancellationToken)
    {
        Account account = work.Account;
        WhmAccount? onServer;
        try
        {
            onServer = await work.ReadSummaryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (CpanelBillingException failure) when (createdHere)
        {
            // Nothing was sent yet, so nothing can exist on the server from this opening.
            string undone = await AbandonAsync(work).ConfigureAwait(false);
            throw new AccountOperationException(
                AccountErrorIds.CreateFailed,
                failure.Kind,
                $"Reading '{work.Server.Name}' before creating '{account.UserName}' failed, so nothing was sent: {failure.Message} {undone}",
                account.UserName,
                failure);
        }

        if (onServer != null)
        {
            if (!ServerAccountChanges.IsSameAccount(onServer, account.DomainName))
            {
                string undone = createdHere ? await AbandonAsync(work).ConfigureAwait(false) : "Billing keeps the account as New.";
                throw new AccountOperationException(
                    AccountErrorIds.BelongsToOther,
                    FailureKind.AlreadyExists,
                    $"Server '{work.Server.Name}' already has an account '{account.UserName}' with domain '{onServer.Domain}', not '{account.DomainName}': it is someone else's. Nothing was sent to the server. {undone}",
                    account.UserName);
            }

            work.Warn($"'{account.UserName}' ({account.DomainName}) already exists on '{work.Server.Name}' (created by an earlier attempt); it was adopted, not created again.");
            if (passwordKnownToCaller)
            {
                // The earlier attempt set a password nobody has; set the one the caller knows.
                await FinishingStepAsync(work, "setting its password", () => work.ChangeAsync(ServerAccountChanges.SetPassword(account.UserName, password), ThrottleLane.Requests, cancellationToken)).ConfigureAwait(false);
            }

            return onServer.Ip;
        }

        await RequireNoCreateInFlightAsync(work, cancellationToken).ConfigureAwait(false);
        await SettleEarlierAttemptsAsync(work, OperationStatus.Failed).ConfigureAwait(false);
        var request = new CreateAccountRequest(account.UserName, account.DomainName)
        {
            Plan = package,
            Password = password,
            ContactEmail = contactEmail,
            DedicatedIp = account.DedicatedIp != null ? true : null,
            CustomIp = account.DedicatedIp,
        };

        ServerChangeOutcome<CreateAccountResult> outcome;
        try
        {
            outcome = await work.ChangeAsync(ServerAccountChanges.Create(request), ThrottleLane.AccountLifecycle, cancellationToken).ConfigureAwait(false);
        }
        catch (CpanelBillingException failure) when (failure is not ServerOutcomeUnknownException)
        {
            // The server said no (or was never reached): nothing exists there from this opening. An unknown outcome
            // is not caught: the server may still be creating the account, so billing keeps it New with its IP.
            string undone = createdHere ? await AbandonAsync(work).ConfigureAwait(false) : "Billing keeps the account as New.";
            throw new AccountOperationException(
                AccountErrorIds.CreateFailed,
                failure.Kind,
                $"Creating '{account.UserName}' ({account.DomainName}) on '{work.Server.Name}' failed: {failure.Message} {undone}",
                account.UserName,
                failure);
        }

        if (outcome.Adopted)
        {
            work.Warn($"createacct for '{account.UserName}' answered with a failure ({outcome.ResolvedFailure?.GetType().Name}), but the server shows the account created; it was adopted.");
        }

        return outcome.Response?.Ip;
    }

    /// <summary>Undoes an opening this run recorded: the account is marked Deleted, which releases its IPs, user name and domain.</summary>
    private async Task<string> AbandonAsync(AccountWork work)
    {
        try
        {
            await work.RequireLeaseAsync(CancellationToken.None).ConfigureAwait(false);
            await Billing.SetAccountStatusAsync(work.Account.Id, work.Account.RowVersion, AccountStatus.Deleted, null, CancellationToken.None).ConfigureAwait(false);
            return $"The opening was undone in billing: account {work.Account.Id} is marked Deleted and its IP address released.";
        }
        catch (CpanelBillingException failure)
        {
            return $"Undoing the opening in billing failed as well ({failure.Message}); account {work.Account.Id} stays New: remove it with Remove-CpAccount.";
        }
    }

    private async Task RecordIpAsync(AccountWork work, string? serverIp, CancellationToken cancellationToken)
    {
        serverIp ??= (await work.ReadSummaryAsync(cancellationToken).ConfigureAwait(false))?.Ip;
        Account account = work.Account;
        if (serverIp == null)
        {
            return;
        }

        if (account.DedicatedIp != null)
        {
            if (serverIp != account.DedicatedIp)
            {
                work.Warn($"The server gave '{account.UserName}' the address {serverIp}, not its dedicated IP {account.DedicatedIp} in billing; check with Repair-CpAccount.");
            }

            return;
        }

        await work.UpdateBillingAsync(
            "record the account's IP address",
            async (current, ct) =>
            {
                await Billing.RecordAccountIpAsync(current.Id, serverIp, ct).ConfigureAwait(false);
                return await Billing.GetAccountAsync(current.Id, ct).ConfigureAwait(false);
            },
            _ => true,
            cancellationToken).ConfigureAwait(false);
    }

    private static Task ApplyDetailsAsync(AccountWork work, CancellationToken cancellationToken) =>
        FinishingStepAsync(work, "applying its own limits", () => AccountDetails.ApplyAsync(work, work.Account.Limits, cancellationToken));

    /// <summary>A step after the account exists on the server; its failure leaves the opening for the next run.</summary>
    private static async Task FinishingStepAsync(AccountWork work, string step, Func<Task> run)
    {
        try
        {
            await run().ConfigureAwait(false);
        }
        catch (CpanelBillingException failure)
        {
            throw new AccountOperationException(
                AccountErrorIds.OpenIncomplete,
                failure.Kind,
                $"'{work.UserName}' exists on '{work.Server.Name}', but {step} failed: {failure.Message} Billing keeps the account as New; open it again to finish.",
                work.UserName,
                failure);
        }
    }

    /// <summary>The live account of the customer for this domain on this server, if billing has one.</summary>
    private async Task<Account?> ExistingOpeningAsync(BillingServer server, Customer customer, string domain, CancellationToken cancellationToken)
    {
        Domain? known = await Billing.FindDomainAsync(domain, cancellationToken).ConfigureAwait(false);
        if (known == null)
        {
            return null;
        }

        if (known.CustomerId != customer.Id)
        {
            throw new AccountOperationException(
                BillingErrorIds.DomainOwnedByOtherCustomer,
                FailureKind.AlreadyExists,
                $"Domain '{domain}' belongs to another customer in billing, not to '{customer.Login}'.",
                domain);
        }

        return await targets.LiveAccountForDomainAsync(server, known, cancellationToken).ConfigureAwait(false);
    }

    private static void RequireSameOpening(Account existing, string? userName, BillingPlan plan)
    {
        if (userName != null && userName != existing.UserName)
        {
            throw Mismatch(existing, $"its user name is '{existing.UserName}', not '{userName}'. Give -UserName '{existing.UserName}' or none");
        }

        if (existing.PlanId != plan.Id)
        {
            throw Mismatch(existing, $"its plan is '{existing.PlanName}', not '{plan.Name}'. Change the plan with Set-CpAccountPackage");
        }
    }

    private static AccountOperationException Mismatch(Account existing, string detail) => new(
        AccountErrorIds.OpeningMismatch,
        FailureKind.AlreadyExists,
        $"Billing already has the account for '{existing.DomainName}' on '{existing.ServerName}' ({existing.Status}), but {detail}.",
        existing.UserName);

    private static AccountChangeResult AlreadyOpen(Account account)
    {
        if (account.Status == AccountStatus.Deleted)
        {
            throw new AccountOperationException(
                AccountErrorIds.WrongState,
                FailureKind.InvalidArgument,
                $"Account {account.Id} ('{account.UserName}') is deleted; open a new one instead.",
                account.UserName);
        }

        return AccountChangeResult.Unchanged(account, $"'{account.UserName}' ({account.DomainName}) is already open on '{account.ServerName}' ({account.Status}).");
    }

    private async Task<string> ChooseUserNameAsync(BillingServer server, IWhmClient client, string domain, CancellationToken cancellationToken)
    {
        var candidates = new UserNameCandidates(domain);
        IReadOnlyList<string> taken = await UsersStartingWithAsync(server, client, candidates.SharedStart, cancellationToken).ConfigureAwait(false);
        foreach (string candidate in candidates.All())
        {
            if (!taken.Any(user => CpanelUserName.Collide(candidate, user))
                && await Billing.FindAccountAsync(server.Id, candidate, cancellationToken).ConfigureAwait(false) == null)
            {
                return candidate;
            }
        }

        throw new AccountOperationException(
            AccountErrorIds.NoUserNameAvailable,
            FailureKind.AlreadyExists,
            $"No free user name starting with '{candidates.SharedStart}' was found for '{domain}' on '{server.Name}'. Give one with -UserName.",
            domain);
    }

    private async Task<string> RequireFreeOnServerAsync(BillingServer server, IWhmClient client, string userName, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> users = await UsersStartingWithAsync(server, client, CpanelUserName.UniquePrefix(userName), cancellationToken).ConfigureAwait(false);
        string? clash = users.FirstOrDefault(user => CpanelUserName.Collide(userName, user));
        if (clash == null)
        {
            return userName;
        }

        string why = clash == userName
            ? $"Server '{server.Name}' already has an account '{userName}' that billing does not know as this opening."
            : $"Server '{server.Name}' has the account '{clash}', whose first {CpanelUserName.UniquePrefixLength} characters are those of '{userName}'; cPanel needs them to differ.";
        throw new AccountOperationException(AccountErrorIds.UserNameTakenOnServer, FailureKind.AlreadyExists, why + " Choose another user name.", userName);
    }

    private async Task<IReadOnlyList<string>> UsersStartingWithAsync(BillingServer server, IWhmClient client, string start, CancellationToken cancellationToken)
    {
        var query = new Whm.AccountQuery { Search = "^" + Regex.Escape(start), SearchType = AccountSearchType.User, SearchMethod = AccountSearchMethod.Regex };
        query.Fields.Add("user");
        using (await context.Throttle.EnterAsync(server, ThrottleLane.Requests, cancellationToken).ConfigureAwait(false))
        {
            IReadOnlyList<WhmAccount> accounts = await client.ListAccountsAsync(query, cancellationToken).ConfigureAwait(false);
            return accounts.Select(a => a.User.ToLowerInvariant()).ToList();
        }
    }

    /// <summary>
    /// Refuses to send createacct while an earlier one for this account got no answer recently: the server does not
    /// show the account, but it may still be creating it, and a second createacct must not race the first. "Recently"
    /// is by the database's clock, which stamped the entry: another host may have written it.
    /// </summary>
    private async Task RequireNoCreateInFlightAsync(AccountWork work, CancellationToken cancellationToken)
    {
        List<OperationJournalEntry> open = await OpenEntriesAsync(work).ConfigureAwait(false);
        DateTime now = await Billing.GetDatabaseUtcNowAsync(cancellationToken).ConfigureAwait(false);
        OperationJournalEntry? unanswered = open
            .LastOrDefault(entry => entry.Function == WhmFunctions.CreateAccount && now - entry.ChangedUtc < context.UnansweredCallGrace);
        if (unanswered == null)
        {
            return;
        }

        DateTime after = unanswered.ChangedUtc + context.UnansweredCallGrace;
        throw new AccountOperationException(
            AccountErrorIds.CreateMayBeRunning,
            FailureKind.Busy,
            $"createacct for '{work.UserName}' ({work.Account.DomainName}) on '{work.Server.Name}' was sent before and got no answer (journal entry "
            + $"{unanswered.Id.ToString(CultureInfo.InvariantCulture)}, {unanswered.Status}); the server does not show the account yet, but it may still be creating it. "
            + "Nothing was sent, so the account is not created twice; billing keeps it as New with its IP address. "
            + $"Run the opening again after {after.ToString("u", CultureInfo.InvariantCulture)} by the billing database's clock, or Repair-CpAccount then, which settles the entry from the server's state.",
            work.UserName);
    }

    /// <summary>
    /// Settles what earlier attempts of this opening left open (Pending or Unknown), now that this run knows:
    /// their createacct by the server's state (<paramref name="outcome"/>), and, once the opening succeeded, the
    /// limit and password calls this run made again, which supersede the earlier ones.
    /// </summary>
    private async Task SettleEarlierAttemptsAsync(AccountWork work, OperationStatus outcome)
    {
        var settled = new HashSet<string>(StringComparer.Ordinal) { WhmFunctions.CreateAccount };
        if (outcome == OperationStatus.Succeeded)
        {
            settled.UnionWith(work.FunctionsCalled);
        }

        string? why = outcome == OperationStatus.Failed ? "Settled by a later attempt: the server shows no account." : null;
        foreach (OperationJournalEntry entry in (await OpenEntriesAsync(work).ConfigureAwait(false)).Where(e => settled.Contains(e.Function)))
        {
            await Billing.CompleteOperationAsync(entry.Id, outcome, why, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>The account's journal entries nobody settled yet (Pending or Unknown), oldest first.</summary>
    private async Task<List<OperationJournalEntry>> OpenEntriesAsync(AccountWork work)
    {
        var open = new List<OperationJournalEntry>();
        await foreach (OperationJournalEntry entry in Billing.ListOperationsAsync(new OperationJournalQuery { AccountId = work.Account.Id }, CancellationToken.None).ConfigureAwait(false))
        {
            if (entry.Status is OperationStatus.Pending or OperationStatus.Unknown)
            {
                open.Add(entry);
            }
        }

        return open;
    }

    /// <summary>Writes a createacct that billing stopped before it was sent (no free IP) to the journal, as Failed.</summary>
    private async Task JournalRefusedCreateAsync(BillingServer server, string userName, string domain, string package, CpanelBillingException failure)
    {
        OperationJournalEntry entry = await Billing.BeginOperationAsync(
            new OperationIntent
            {
                ServerId = server.Id,
                UserName = userName,
                Function = WhmFunctions.CreateAccount,
                Parameters = new Dictionary<string, string?> { ["username"] = userName, ["domain"] = domain, ["plan"] = package, ["ip"] = "y" },
                Actor = context.Actor,
            },
            CancellationToken.None).ConfigureAwait(false);
        await Billing.CompleteOperationAsync(entry.Id, OperationStatus.Failed, "Not sent: " + failure.Message, CancellationToken.None).ConfigureAwait(false);
    }

    private sealed class Provisioning
    {
        public Provisioning(WhmSecret? password, bool returnPassword, string? contactEmail)
        {
            Password = password;
            ReturnPassword = returnPassword && password == null;
            ContactEmail = contactEmail;
        }

        public WhmSecret? Password { get; }

        public bool ReturnPassword { get; }

        public string? ContactEmail { get; }
    }
}
