using System.Text.Json.Nodes;
using CpanelBilling.WhmSimulator.Api;

namespace CpanelBilling.WhmSimulator.Functions;

/// <summary>
/// <c>suspendacct</c>: <c>user</c>, optional <c>reason</c> and <c>disallowun</c>. Reason <c>OK</c> with the script's log
/// in <c>output.raw</c>. Suspending an already suspended account is still result 1 (the script's refusal only shows in
/// the raw output), as on a real server.
/// </summary>
internal sealed class SuspendAccountFunction : WhmFunction
{
    public override string Name => "suspendacct";

    public override FunctionOutcome Invoke(FunctionContext context)
    {
        var user = context.Arguments.Get("user");
        if (user == "root")
        {
            return FunctionOutcome.Fail("Failed to suspend account.") with { Raw = "Root user may not be suspended." };
        }

        var account = AccountAccess.Require(context, user);
        if (account.Suspended)
        {
            return FunctionOutcome.Ok() with
            {
                Raw = $"User '{account.User}' is already suspended. Provide '--force' argument if you wish to do this.\n",
            };
        }

        var reason = context.Arguments.Get("reason");
        context.State.PutAccount(account with
        {
            Suspended = true,
            SuspendReason = string.IsNullOrEmpty(reason) ? null : reason,
            SuspendTime = context.Now,
            IsLocked = context.Arguments.Flag("disallowun"),
        });

        return FunctionOutcome.Ok() with
        {
            Raw = "Changing Shell to /bin/false...Done\nLocking Password...Done\nSuspending mysql users\n"
                  + $"Notification => root via EMAIL [level => 3]\nUsing Quota v3 Support\nSuspended document root /home/{account.User}/public_html\n"
                  + $"Suspending FTP accounts...\n{account.User}'s account has been suspended\n",
        };
    }

    // API 0: {"result":[{"status":1,"statusmsg":"<the script output>"}]}
    public override JsonObject RenderApi0(FunctionOutcome outcome, FunctionContext context) => StatusResult(outcome, outcome.Raw ?? outcome.Reason);
}

/// <summary>
/// <c>unsuspendacct</c>: <c>user</c>. Reason <c>OK</c> with the log in <c>output.raw</c>; unsuspending an account that is
/// not suspended is still result 1, with the refusal in the raw output.
/// </summary>
internal sealed class UnsuspendAccountFunction : WhmFunction
{
    public override string Name => "unsuspendacct";

    public override FunctionOutcome Invoke(FunctionContext context)
    {
        var account = AccountAccess.Require(context, context.Arguments.Get("user"));
        if (!account.Suspended)
        {
            return FunctionOutcome.Ok() with
            {
                Raw = $"An error occurred while attempting to unsuspend {CpanelText.Quote(account.User)}. "
                      + $"The user {CpanelText.Quote(account.User)} is not in a suspended state.\n",
            };
        }

        context.State.PutAccount(account with { Suspended = false, SuspendReason = null, SuspendTime = null, IsLocked = false });
        return FunctionOutcome.Ok() with
        {
            Raw = "Changing shell for " + account.User + " to /bin/bash...Done\nUnlocking password...Done\nUnsuspending mysql users\n"
                  + $"Unsuspending FTP accounts...\n{account.User}'s account has been unsuspended\n",
        };
    }

    // API 0: {"result":[{"status":1,"statusmsg":"<the script output>"}]}
    public override JsonObject RenderApi0(FunctionOutcome outcome, FunctionContext context) => StatusResult(outcome, outcome.Raw ?? outcome.Reason);
}
