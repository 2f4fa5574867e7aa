using System.Collections;
using System.Linq;
using System.Management.Automation;
using CpanelBilling.Module.Tests.Harness;
using CpanelBilling.Testing.Secrets;

namespace CpanelBilling.Module.Tests.Hardening;

/// <summary>Searches everything a script run showed or returned: output objects and every property, all streams, the host.</summary>
internal static class HarnessSecretSearch
{
    public static SecretSearch InRun(this SecretSearch search, string script, HarnessResult result)
    {
        foreach (PSObject output in result.Output)
        {
            search.InText($"output of '{script}'", Render(output));
        }

        foreach (ErrorRecord error in result.Errors.Concat(result.TerminatingError is null ? Enumerable.Empty<ErrorRecord>() : new[] { result.TerminatingError }))
        {
            string place = $"error {error.FullyQualifiedErrorId} of '{script}'";
            search.InException(place, error.Exception);
            search.InText(place, string.Join("\n", error.ToString(), error.CategoryInfo.ToString(), error.ErrorDetails?.Message, error.ErrorDetails?.RecommendedAction, error.TargetObject?.ToString()));
        }

        search.InText($"warnings of '{script}'", string.Join("\n", result.Warnings));
        search.InText($"verbose output of '{script}'", string.Join("\n", result.Verbose));
        search.InText($"information of '{script}'", string.Join("\n", result.Information.Select(i => i.MessageData?.ToString())));
        search.InText($"progress of '{script}'", string.Join("\n", result.Progress.Select(p => p.Activity + " " + p.StatusDescription + " " + p.CurrentOperation)));
        search.InText($"prompts of '{script}'", string.Join("\n", result.Prompts.Select(p => p.Caption + " " + p.Message)));
        return search.InText($"host output of '{script}'", string.Join("\n", result.HostLines));
    }

    /// <summary>An object as a person could see it: its text and each property's (arrays item by item).</summary>
    private static string Render(PSObject output) =>
        output.BaseObject is InformationalRecord record
            ? record.Message
            : string.Join("\n", new[] { output.ToString() }.Concat(output.Properties.Select(p => p.Name + "=" + Value(p))));

    private static string? Value(PSPropertyInfo property)
    {
        try
        {
            return property.Value is IEnumerable items and not string
                ? string.Join(", ", items.Cast<object?>().Select(i => i?.ToString()))
                : property.Value?.ToString();
        }
        catch (GetValueInvocationException)
        {
            return null;
        }
    }
}
