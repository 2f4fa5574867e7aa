using System.Text.Json.Nodes;
using CpanelBilling.WhmSimulator.Api;

namespace CpanelBilling.WhmSimulator.Functions;

/// <summary>
/// <c>removeacct</c>: <c>user</c> (or <c>username</c>; <c>user</c> wins). Frees a dedicated IP; the account's bandwidth
/// history stays and showbw lists it as deleted. Success reason <c>USER account removed</c>, no data.
/// </summary>
internal sealed class RemoveAccountFunction : WhmFunction
{
    public override string Name => "removeacct";

    public override FunctionOutcome Invoke(FunctionContext context)
    {
        var user = context.Arguments.GetOrDefault("user", context.Arguments.Get("username") ?? "");
        if (user == context.ApiUser)
        {
            return FunctionOutcome.Fail("You cannot remove yourself!");
        }

        var account = AccountAccess.Require(context, user);
        context.State.RemoveAccount(account.User);

        var raw = $"Running pre removal script (/usr/local/cpanel/scripts/prekillacct)......Done\n"
                  + $"Collecting Domain Name and IP...Done\nRemoving Databases...Done\nRemoving {account.Domain} from the DNS...Done\n"
                  + $"Removing the user {user}...Done\n"
                  + (account.Ip != context.State.MainIp ? $"Returning IP {account.Ip} to the pool...Done\n" : "")
                  + $"Account Removal Complete!!!...{user} account removed...Done\n";
        return FunctionOutcome.Ok(reason: $"{user} account removed") with { Raw = raw };
    }

    // API 0: {"result":[{"status":1,"statusmsg":"bob account removed","rawout":"…"}]}
    public override JsonObject RenderApi0(FunctionOutcome outcome, FunctionContext context) =>
        StatusResult(outcome, extra: new JsonObject { ["rawout"] = outcome.Raw });
}
