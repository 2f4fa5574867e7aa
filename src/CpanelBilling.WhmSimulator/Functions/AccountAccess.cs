using CpanelBilling.WhmSimulator.Api;

namespace CpanelBilling.WhmSimulator.Functions;

/// <summary>Whostmgr::Authz::verify_account_access for a root caller: the account must exist, or the call throws.</summary>
internal static class AccountAccess
{
    public static SimulatedAccount Require(FunctionContext context, string? user) =>
        context.State.FindAccount(user ?? "") ?? throw WhmApiException.UserNotFound(user ?? "");

    /// <summary>Nameservers a fresh server hands out: ns1/ns2 under the hostname's parent domain.</summary>
    public static (string First, string Second) Nameservers(SimulatorState state)
    {
        var hostname = state.Hostname;
        var dot = hostname.IndexOf('.', System.StringComparison.Ordinal);
        var parent = dot > 0 && hostname.IndexOf('.', dot + 1) > 0 ? hostname[(dot + 1)..] : hostname;
        return ("ns1." + parent, "ns2." + parent);
    }
}
