using System.Text.Json.Nodes;
using CpanelBilling.WhmSimulator.Api;

namespace CpanelBilling.WhmSimulator.Functions;

/// <summary>
/// <c>accountsummary</c>: one account by <c>user</c> or main <c>domain</c> (exact). Not found: result 0,
/// <c>Account does not exist.</c> and <c>data {"acct": null}</c>.
/// </summary>
internal sealed class AccountSummaryFunction : WhmFunction
{
    public override string Name => "accountsummary";

    public override FunctionOutcome Invoke(FunctionContext context)
    {
        var args = context.Arguments;
        if (!args.Has("user") && !args.Has("domain"))
        {
            // A plain die in Accounts.pm: no XID. The message ends with a newline in the source.
            throw new WhmApiException("You must specify a user or domain to get a summary of.\n");
        }

        var account = args.Has("user")
            ? context.State.FindAccount(args.Get("user")!)
            : FindByMainDomain(context.State.Accounts, args.Get("domain")!);

        if (account is null)
        {
            return FunctionOutcome.Fail("Account does not exist.", new JsonObject { ["acct"] = null });
        }

        return FunctionOutcome.Ok(new JsonObject { ["acct"] = new JsonArray(AccountView.Build(account, context.State)) });
    }

    // API 0: {"acct":[…]|null,"status":1|0,"statusmsg":"Ok"|"Account does not exist"}
    public override JsonObject RenderApi0(FunctionOutcome outcome, FunctionContext context) => new()
    {
        ["acct"] = outcome.Data?["acct"]?.DeepClone(),
        ["status"] = outcome.Success ? 1 : 0,
        ["statusmsg"] = outcome.Success ? "Ok" : outcome.Reason.TrimEnd('.', '\n').Replace("API failure: ", "", System.StringComparison.Ordinal),
    };

    private static SimulatedAccount? FindByMainDomain(System.Collections.Generic.IReadOnlyList<SimulatedAccount> accounts, string domain)
    {
        foreach (var account in accounts)
        {
            if (string.Equals(account.Domain, domain, System.StringComparison.OrdinalIgnoreCase))
            {
                return account;
            }
        }

        return null;
    }
}
