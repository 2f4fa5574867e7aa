using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text.RegularExpressions;
using Xunit;

namespace CpanelBilling.Module.Tests.Help;

/// <summary>
/// Scripts filter errors by the ids the help pages name (<c>$_.FullyQualifiedErrorId -like 'AccountLeaseLost*'</c>),
/// so every error id a page's NOTES name must be one the code can raise: a string literal somewhere under src.
/// </summary>
public sealed class ErrorIdDocumentationTests
{
    // The prefixes our error ids start with; a NOTES word of that shape is taken as an error id.
    private static readonly Regex ErrorIdShape = new(
        @"\b(?:Account|Server|Billing|Whm|Reconcile|Package|Bandwidth|Plan|Customer|Session|Invalid)[A-Z][A-Za-z]+\b",
        RegexOptions.CultureInvariant);

    private static readonly Regex NotesSection = new(@"^## NOTES\r?\n(.*?)(?=^## |\z)", RegexOptions.Singleline | RegexOptions.Multiline);

    [Fact]
    public void Every_error_id_a_help_page_names_is_raised_by_the_code()
    {
        HashSet<string> literals = SourceStringLiterals();
        var unknown = new List<string>();
        int named = 0;
        foreach (string page in Directory.GetFiles(RepoPaths.Docs, "*.md"))
        {
            Match notes = NotesSection.Match(File.ReadAllText(page));
            if (!notes.Success)
            {
                continue;
            }

            // Error categories (InvalidArgument, InvalidResult ...) share the shape and are named beside the ids.
            foreach (string id in ErrorIdShape.Matches(notes.Groups[1].Value).Select(m => m.Value).Distinct().Except(Enum.GetNames(typeof(ErrorCategory))))
            {
                named++;
                if (!literals.Contains(id))
                {
                    unknown.Add($"{Path.GetFileName(page)}: '{id}' is no error id the code raises.");
                }
            }
        }

        // The pages do name ids; a regex that matched nothing would pass vacuously.
        Assert.True(named >= 20, $"Only {named} error ids found in NOTES sections.");
        Assert.True(unknown.Count == 0, string.Join(Environment.NewLine, unknown));
    }

    private static HashSet<string> SourceStringLiterals()
    {
        var literal = new Regex("\"([A-Z][A-Za-z]+)\"", RegexOptions.CultureInvariant);
        return new HashSet<string>(
            Directory.EnumerateFiles(RepoPaths.InRepo("src"), "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                .SelectMany(f => literal.Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value)),
            StringComparer.Ordinal);
    }
}
