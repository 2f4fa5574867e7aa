using System.Linq;
using CpanelBilling.Module.Tests.Contract;
using CpanelBilling.Module.Tests.Contract.Violating;
using Xunit;

namespace CpanelBilling.Module.Tests.Help;

/// <summary>The help checker accepts a complete platyPS page and catches each way a page can drift or fall short.</summary>
public sealed class HelpPageCheckerTests
{
    private static readonly CmdletShape Cmdlet = CmdletShape.Of(typeof(SuspendCpWidgetCommand));

    private const string Good = """
        ---
        external help file: CpanelBilling.dll-Help.xml
        Module Name: CpanelBilling
        online version:
        schema: 2.0.0
        ---

        # Suspend-CpWidget

        ## SYNOPSIS
        Suspends widgets on their server.

        ## SYNTAX

        ### ByName (Default)
        ```
        Suspend-CpWidget -Name <String[]> [-Server <String>] [-PassThru] [-WhatIf] [-Confirm] [<CommonParameters>]
        ```

        ## DESCRIPTION
        Suspends each named widget and records the suspension in billing.

        ## EXAMPLES

        ### Example 1: Suspend one widget
        ```powershell
        Suspend-CpWidget -Name w1
        ```

        Suspends w1.

        ### Example 2: Suspend what Get-CpWidget finds
        ```powershell
        Get-CpWidget | Suspend-CpWidget -WhatIf
        ```

        Shows what would be suspended.

        ## PARAMETERS

        ### -InputObject
        Widgets from Get-CpWidget.

        ```yaml
        Type: Widget[]
        ```

        ### -Name
        Widget names.

        ```yaml
        Type: String[]
        ```

        ### -PassThru
        Writes the widget.

        ```yaml
        Type: SwitchParameter
        ```

        ### -Server
        The server.

        ```yaml
        Type: String
        ```

        ### -WhatIf
        Shows what would happen.

        ```yaml
        Type: SwitchParameter
        ```

        ### -Confirm
        Asks first.

        ```yaml
        Type: SwitchParameter
        ```

        ### CommonParameters
        This cmdlet supports the common parameters.

        ## INPUTS

        ### Widget

        ## OUTPUTS

        ### Widget

        ## NOTES

        ## RELATED LINKS
        """;

    [Fact]
    public void A_complete_page_passes() => Assert.Empty(HelpPage.Violations(Cmdlet, Good + "\n"));

    [Theory]
    [InlineData("external help file: CpanelBilling.dll-Help.xml", "external help file: Other.dll-Help.xml", "front matter")]
    [InlineData("# Suspend-CpWidget\n", "# Suspend-Widget\n", "page title")]
    [InlineData("Suspends widgets on their server.", "{{ Fill in the Synopsis }}", "placeholder")]
    [InlineData("Suspends each named widget and records the suspension in billing.", "", "'## DESCRIPTION' needs real text")]
    [InlineData("### Example 2: Suspend what Get-CpWidget finds\n```powershell\nGet-CpWidget | Suspend-CpWidget -WhatIf\n```", "### Example 2: prose only", "at least two '### Example'")]
    [InlineData("### -Server\n", "### -ServerName\n", "'### -Server' section (found 0)")]
    [InlineData("Type: String\n", "Type: Int32\n", "'Type: String'")]
    [InlineData("### -Confirm\n", "### -Force\n", "does not have")]
    [InlineData("## OUTPUTS", "## RESULTS", "missing '## OUTPUTS'")]
    [InlineData("### CommonParameters", "### Common", "CommonParameters")]
    public void A_page_that_drifts_is_caught(string original, string replacement, string expected)
    {
        Assert.Contains(original, Good);
        var violations = HelpPage.Violations(Cmdlet, Good.Replace(original, replacement)).ToList();
        Assert.Contains(violations, v => v.Contains(expected));
    }

    [Fact]
    public void WhatIf_and_Confirm_are_documented_only_for_ShouldProcess_cmdlets()
    {
        var names = HelpPage.DocumentedParameters(CmdletShape.Of(typeof(GetCpWidgetCommand))).Select(p => p.Name);
        Assert.Equal(new[] { "Name" }, names);
    }
}
