using System.Linq;
using System.Text.Json.Nodes;
using CpanelBilling.WhmSimulator.Api;
using CpanelBilling.WhmSimulator.Validation;

namespace CpanelBilling.WhmSimulator.Functions;

/// <summary>
/// <c>passwd</c>: <c>user</c> and <c>password</c> (API 0: <c>pass</c>). Reason <c>Password changed for user “bob”.</c>,
/// data <c>{app: [services]}</c>. Refuses weak passwords and suspended accounts with cPanel's wording.
/// </summary>
internal sealed class PasswdFunction : WhmFunction
{
    private static readonly string[] Services = { "system", "ftp", "mail", "MySQL" };

    public override string Name => "passwd";

    public override FunctionOutcome Invoke(FunctionContext context)
    {
        var user = context.Arguments.Get("user");
        var password = context.Arguments.Get(context.ApiVersion == 1 ? "password" : "pass");
        if (string.IsNullOrEmpty(user))
        {
            return FunctionOutcome.Fail($"No user name supplied: {CpanelText.Quote("user")} is a required argument.");
        }

        if (string.IsNullOrEmpty(password))
        {
            return FunctionOutcome.Fail($"No password supplied: {CpanelText.Quote("password")} is a required argument.");
        }

        var account = AccountAccess.Require(context, user);
        if (account.Suspended)
        {
            return FunctionOutcome.Fail($"Sorry, the user {CpanelText.Quote(user)} is currently suspended. "
                                        + "Changing the user\u2019s password would unsuspend the account.");
        }

        if (!PasswordStrength.IsStrongEnough(password))
        {
            return FunctionOutcome.Fail(PasswordStrength.WeakMessage);
        }

        context.State.PutAccount(account with { Password = password });
        var services = new JsonArray(Services.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray());
        return FunctionOutcome.Ok(new JsonObject { ["app"] = services }, $"Password changed for user {CpanelText.Quote(user)}.")
            with { Raw = "Password for " + user + " has been changed.\n" };
    }

    // API 0: {"passwd":[{"status":1,"statusmsg":"…","rawout":"…","services":[{"app":"system"},…]}]}
    public override JsonObject RenderApi0(FunctionOutcome outcome, FunctionContext context)
    {
        var services = new JsonArray();
        if (outcome.Success)
        {
            foreach (var service in Services)
            {
                services.Add(new JsonObject { ["app"] = service });
            }
        }

        return new JsonObject
        {
            ["passwd"] = new JsonArray(new JsonObject
            {
                ["status"] = outcome.Success ? 1 : 0,
                ["statusmsg"] = outcome.Reason,
                ["rawout"] = outcome.Raw ?? "",
                ["services"] = services,
            }),
        };
    }
}
