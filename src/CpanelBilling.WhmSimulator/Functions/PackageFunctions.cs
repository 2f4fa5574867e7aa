using System.Linq;
using System.Text.Json.Nodes;
using CpanelBilling.WhmSimulator.Api;
using CpanelBilling.WhmSimulator.Validation;

namespace CpanelBilling.WhmSimulator.Functions;

/// <summary><c>listpkgs</c>: every package as <c>{name, KEY: "value", …}</c>, sorted by name; all values strings.</summary>
internal sealed class ListPackagesFunction : WhmFunction
{
    public override string Name => "listpkgs";

    public override FunctionOutcome Invoke(FunctionContext context)
    {
        // want=all|creatable|editable|viewable: root may create, edit and view every package, so all are the same.
        var items = new JsonArray();
        foreach (var package in context.State.ListedPackages())
        {
            var element = new JsonObject { ["name"] = package.Name };
            foreach (var (key, value) in PackageFile.Present(PackageFile.WithLoadDefaults(package)))
            {
                element[key] = value;
            }

            items.Add(element);
        }

        return FunctionOutcome.Ok(new JsonObject { ["pkg"] = items });
    }

    // API 0: {"package":[…]}
    public override JsonObject RenderApi0(FunctionOutcome outcome, FunctionContext context) =>
        new() { ["package"] = outcome.Data!["pkg"]!.DeepClone() };
}

/// <summary>
/// <c>addpkg</c>: creates a package. Reason <c>OK</c> and <c>data {pkg}</c>; on failure result 0 and an empty
/// <c>data</c> object. API 0 answers with the long English sentence.
/// </summary>
internal sealed class AddPackageFunction : WhmFunction
{
    public override string Name => "addpkg";

    public override FunctionOutcome Invoke(FunctionContext context)
    {
        var name = PackageSettings.Name(context.Arguments);
        if (string.IsNullOrEmpty(name))
        {
            return FunctionOutcome.Fail(PackageSettings.MissingNameMessage, new JsonObject());
        }

        if (PackageNameRules.Check(name) is { } problem)
        {
            return FunctionOutcome.Fail(problem, new JsonObject());
        }

        if (context.State.Packages.Any(p => p.Name == name))
        {
            return FunctionOutcome.Fail(Xid.Prefix(
                $"The package {CpanelText.Quote(name)} already exists. If you wish to make changes, please edit the package."), new JsonObject());
        }

        var (package, errors) = PackageSettings.Build(name, context.Arguments, existing: null);
        if (package is null)
        {
            return FunctionOutcome.Fail(string.Join("\n", errors), new JsonObject());
        }

        context.State.PutPackage(package);
        return FunctionOutcome.Ok(new JsonObject { ["pkg"] = name });
    }

    // API 0: {"result":[{"status":1,"statusmsg":"You have successfully created the package “gold”.","pkg":"gold"}]}
    public override JsonObject RenderApi0(FunctionOutcome outcome, FunctionContext context) => outcome.Success
        ? StatusResult(outcome, $"You have successfully created the package {CpanelText.Quote((string)outcome.Data!["pkg"]!)}.",
            new JsonObject { ["pkg"] = outcome.Data!["pkg"]!.DeepClone() })
        : StatusResult(outcome);
}

/// <summary>
/// <c>editpkg</c>: changes a package (creating it if missing, as documented); arguments not given keep their old
/// values. WHM then re-applies the package to every account on it, resetting their limits; the simulator does that
/// at once rather than in a background task.
/// </summary>
internal sealed class EditPackageFunction : WhmFunction
{
    public override string Name => "editpkg";

    public override FunctionOutcome Invoke(FunctionContext context)
    {
        var name = PackageSettings.Name(context.Arguments);
        if (string.IsNullOrEmpty(name))
        {
            return FunctionOutcome.Fail(PackageSettings.MissingNameMessage, new JsonObject());
        }

        if (PackageNameRules.Check(name) is { } problem)
        {
            return FunctionOutcome.Fail(problem, new JsonObject());
        }

        var state = context.State;
        var existing = state.Packages.FirstOrDefault(p => p.Name == name);
        var (package, errors) = PackageSettings.Build(name, context.Arguments, existing);
        if (package is null)
        {
            return FunctionOutcome.Fail(string.Join("\n", errors), new JsonObject());
        }

        state.PutPackage(package);
        foreach (var account in state.Accounts.Where(a => a.Plan == name))
        {
            state.PutAccount(account with { Limits = package.ToAccountLimits(), FeatureList = package.FeatureList ?? account.FeatureList });
        }

        return FunctionOutcome.Ok(new JsonObject { ["pkg"] = name });
    }

    // API 0: {"result":[{"status":1,"statusmsg":"You have successfully modified the package “gold”.","pkg":"gold"}]}
    public override JsonObject RenderApi0(FunctionOutcome outcome, FunctionContext context) => outcome.Success
        ? StatusResult(outcome, $"You have successfully modified the package {CpanelText.Quote((string)outcome.Data!["pkg"]!)}.",
            new JsonObject { ["pkg"] = outcome.Data!["pkg"]!.DeepClone() })
        : StatusResult(outcome);
}

/// <summary>
/// <c>killpkg</c>: deletes a package (parameter <c>pkgname</c>). Refuses while accounts still use it. Reason
/// <c>OK</c>, no data.
/// </summary>
internal sealed class KillPackageFunction : WhmFunction
{
    public override string Name => "killpkg";

    public override FunctionOutcome Invoke(FunctionContext context)
    {
        var name = context.Arguments.Get("pkgname") ?? "";
        if (name.Length == 0)
        {
            return FunctionOutcome.Fail(
                $"There was an error when the system attempted to delete the package {CpanelText.Quote("")}: You must specify a package.");
        }

        var state = context.State;
        if (state.Packages.All(p => p.Name != name))
        {
            return FunctionOutcome.Fail($"The package {CpanelText.Quote(name)} does not exist.");
        }

        if (state.Accounts.Any(a => a.Plan == name))
        {
            return FunctionOutcome.Fail(Xid.Prefix(
                $"You must move all accounts using the package {CpanelText.Quote(name)} to another package before removing it."));
        }

        state.RemovePackage(name);
        return FunctionOutcome.Ok();
    }

    // API 0: {"result":[{"status":1,"statusmsg":"The system successfully deleted the package."}]}
    public override JsonObject RenderApi0(FunctionOutcome outcome, FunctionContext context) =>
        StatusResult(outcome, outcome.Success ? "The system successfully deleted the package." : outcome.Reason);
}
