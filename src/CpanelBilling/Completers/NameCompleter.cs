using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace CpanelBilling.Completers;

/// <summary>
/// Base of Tab completion for names (servers, packages, user names). A derived completer only lists candidate
/// names, from billing and never over the network (Tab must answer at once); this class filters them by what the
/// user typed (case-insensitive prefix, quotes ignored), sorts them and quotes any name PowerShell would otherwise
/// split. <c>fakeBoundParameters</c> lets a completer narrow by another parameter (e.g. -Server).
/// </summary>
public abstract class NameCompleter : IArgumentCompleter
{
    protected abstract IEnumerable<string> GetNames(string commandName, string parameterName, IDictionary fakeBoundParameters);

    /// <summary>
    /// The candidates for what the user typed so far (<paramref name="typed"/>, quotes removed); by default every
    /// name, filtered here. A completer over a table that can be large overrides this to let the database filter by
    /// the prefix and bound the answer.
    /// </summary>
    protected virtual IEnumerable<string> GetNames(string commandName, string parameterName, string typed, IDictionary fakeBoundParameters) =>
        GetNames(commandName, parameterName, fakeBoundParameters);

    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var typed = (wordToComplete ?? string.Empty).Trim('\'', '"');
        return GetNames(commandName, parameterName, typed, fakeBoundParameters)
            .Where(name => !string.IsNullOrEmpty(name) && name.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderBy(name => name, StringComparer.OrdinalIgnoreCase)
            .Select(name => new CompletionResult(Quote(name), name, CompletionResultType.ParameterValue, name))
            .ToList();
    }

    internal static string Quote(string name) =>
        name.Any(c => char.IsWhiteSpace(c) || "'\"`$;,(){}[]@#&|<>".IndexOf(c) >= 0)
            ? "'" + name.Replace("'", "''") + "'"
            : name;
}
