using System;
using System.IO;
using System.Linq;
using CpanelBilling.Commands;
using CpanelBilling.Module.Tests.Contract;
using Xunit;

namespace CpanelBilling.Module.Tests.Help;

/// <summary>Every cmdlet of the module has a complete page in docs/en-US, and every page belongs to a cmdlet.</summary>
public sealed class HelpTests
{
    private static readonly System.Collections.Generic.IReadOnlyList<CmdletShape> Cmdlets = CmdletShape.AllIn(typeof(CpCmdlet).Assembly);

    [Fact]
    public void Every_cmdlet_has_a_complete_help_page()
    {
        var violations = Cmdlets.SelectMany(c =>
        {
            var page = Path.Combine(RepoPaths.Docs, c.Name + ".md");
            return File.Exists(page)
                ? HelpPage.Violations(c, File.ReadAllText(page))
                : new[] { $"{c.Name}: no help page docs/en-US/{c.Name}.md (New-MarkdownHelp writes a first draft)." };
        }).ToList();
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public void Every_page_documents_a_cmdlet_of_the_module_or_is_an_about_topic()
    {
        var orphans = Directory.GetFiles(RepoPaths.Docs, "*.md")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(n => !n!.StartsWith("about_", StringComparison.Ordinal) && Cmdlets.All(c => c.Name != n))
            .ToList();
        Assert.True(orphans.Count == 0, "Pages without a cmdlet: " + string.Join(", ", orphans));
    }

    [Fact]
    public void The_about_topic_has_the_sections_Get_Help_shows()
    {
        var about = File.ReadAllText(Path.Combine(RepoPaths.Docs, "about_CpanelBilling.md"));
        foreach (var section in new[] { "# about_CpanelBilling", "## SHORT DESCRIPTION", "## LONG DESCRIPTION", "## SEE ALSO" })
        {
            Assert.Contains(section, about);
        }
    }
}
