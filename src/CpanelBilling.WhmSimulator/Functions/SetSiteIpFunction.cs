using System.Linq;
using System.Net;
using System.Net.Sockets;
using CpanelBilling.WhmSimulator.Api;

namespace CpanelBilling.WhmSimulator.Functions;

/// <summary>
/// <c>setsiteip</c>: moves an account (by <c>user</c> or <c>domain</c>) to <c>ip</c>. Moving to a free dedicated IP
/// takes it; moving away frees the old one. This function does not use verify_account_access, so an unknown user is
/// <c>Invalid user: bob</c> without an XID. Moving to the current IP is result 1 with an explanatory reason.
/// </summary>
internal sealed class SetSiteIpFunction : WhmFunction
{
    public override string Name => "setsiteip";

    public override FunctionOutcome Invoke(FunctionContext context)
    {
        var args = context.Arguments;
        var state = context.State;
        var user = args.Get("user");
        if (args.Has("domain"))
        {
            var owner = state.FindAccountByDomain(args.Get("domain")!);
            if (owner is null)
            {
                return FunctionOutcome.Fail("Account does not exist.");
            }

            if (args.Has("user") && owner.User != user)
            {
                return FunctionOutcome.Fail("User does not own the domain provided.");
            }

            user = owner.User;
        }

        var account = state.FindAccount(user ?? "");
        if (account is null)
        {
            return FunctionOutcome.Fail("Invalid user: " + user);
        }

        var given = args.Get("ip") ?? "";
        if (!IPAddress.TryParse(given, out var parsed) || parsed.AddressFamily != AddressFamily.InterNetwork || parsed.ToString() != given)
        {
            return FunctionOutcome.Fail($"The specified IP address {CpanelText.Quote(given)} is invalid.");
        }

        // Public (NAT) addresses are translated to the local ones.
        var bound = state.Ips.FirstOrDefault(ip => ip.Address == given || ip.PublicIp == given);
        if (bound is null)
        {
            return FunctionOutcome.Fail("Unable to set to an unconfigured ip address");
        }

        if (bound.Address == account.Ip)
        {
            return FunctionOutcome.Ok(reason: $"{account.Domain} is already using ip {given}");
        }

        if (state.DedicatedIpHolder(bound.Address) is not null)
        {
            return FunctionOutcome.Fail($"Sorry, {given} is in use by another domain name and is not a shared ip.");
        }

        state.PutAccount(account with { Ip = bound.Address });
        return FunctionOutcome.Ok();
    }
}
