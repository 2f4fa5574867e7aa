using System.Text;
using System.Text.Json.Nodes;
using CpanelBilling.WhmSimulator.Api;

namespace CpanelBilling.WhmSimulator.Functions;

/// <summary>
/// <c>changepackage</c>: <c>user</c>, <c>pkg</c>. Moves the account to the package and, as cPanel's upacct does, resets
/// every per-account limit to the package's values (overrides made with modifyacct/limitbw/editquota are lost).
/// A package with <c>IP=y</c> gives an account on the shared IP a free dedicated one. Failures are thrown, so reasons
/// read <c>API failure: (XID …) …</c>.
/// </summary>
internal sealed class ChangePackageFunction : WhmFunction
{
    public override string Name => "changepackage";

    public override FunctionOutcome Invoke(FunctionContext context)
    {
        var user = context.Arguments.GetLengthRequired("user");
        var packageName = context.Arguments.GetLengthRequired("pkg");
        var state = context.State;
        var account = state.FindAccount(user) ?? throw WhmApiException.UserNotFound(user);
        var package = state.FindPackage(packageName) ?? throw new WhmApiException(Xid.Prefix("Specified package does not exist."));

        var limits = package.ToAccountLimits();
        var raw = new StringBuilder("<pre>\n");
        raw.Append("Changing the account bandwidth limit from ").Append(CpanelText.Quote(account.Limits.BwLimit))
            .Append(" to ").Append(CpanelText.Quote(limits.BwLimit)).Append(".\n");
        raw.Append("Changing the disk quota from ").Append(CpanelText.Quote(account.Limits.Quota))
            .Append(" to ").Append(CpanelText.Quote(limits.Quota)).Append(".\n");

        var ip = account.Ip;
        if (package.WantsDedicatedIp && ip == state.MainIp)
        {
            if (state.FreeIps is [var free, ..])
            {
                ip = free;
                raw.Append("Changing the IP address from ").Append(account.Ip).Append(" to ").Append(ip).Append(".\n");
            }
            else
            {
                raw.Append("Warning: the package requires a dedicated IP address, but none is available.\n");
            }
        }

        raw.Append("Changing plan from ").Append(account.Plan).Append(" to ").Append(package.Name).Append("\n...\n</pre>");
        state.PutAccount(account with
        {
            Plan = package.Name,
            Limits = limits,
            Ip = ip,
            FeatureList = package.FeatureList ?? "default",
            HasCgi = package.Cgi != "n",
            Shell = package.HasShell == "y" ? SimulatedAccount.DefaultShell : package.HasShell == "n" ? SimulatedAccount.NoShell : account.Shell,
        });

        return FunctionOutcome.Ok() with { Raw = raw.ToString() };
    }

    // API 0: {"result":[{"status":1,"statusmsg":"Account Upgrade/Downgrade Complete for bob","rawout":"…"}]}
    public override JsonObject RenderApi0(FunctionOutcome outcome, FunctionContext context) => StatusResult(outcome,
        outcome.Success ? "Account Upgrade/Downgrade Complete for " + context.Arguments.Get("user") : outcome.Reason,
        new JsonObject { ["rawout"] = outcome.Raw });
}
