using System;
using System.Collections.Generic;
using System.Linq;
using CpanelBilling.Module.Tests.Contract.Violating;
using Xunit;

namespace CpanelBilling.Module.Tests.Contract;

/// <summary>Each contract rule, proven to catch a purpose-built violation and to accept a cmdlet that keeps it.</summary>
public sealed class ContractCheckerTests
{
    // The world the identity rule looks at: one Get cmdlet and its output type.
    private static readonly IReadOnlyList<CmdletShape> World = new[] { typeof(GetCpWidgetCommand) }.Select(CmdletShape.Of).ToList();

    [Theory]
    [InlineData(typeof(GetCpWidgetCommand))]
    [InlineData(typeof(SuspendCpWidgetCommand))]
    [InlineData(typeof(RemoveCpWidgetCommand))]
    public void A_cmdlet_that_keeps_the_contract_has_no_violation(Type cmdlet)
    {
        Assert.Empty(CmdletContract.Violations(CmdletShape.Of(cmdlet), World));
    }

    [Fact]
    public void Unapproved_verb() =>
        AssertSingle(CmdletContract.Verb, typeof(FrobnicateCpWidgetCommand), "not an approved verb");

    [Theory]
    [InlineData(typeof(GetWidgetCommand))]
    [InlineData(typeof(GetLowercaseCpwidgetCommand))]
    public void Missing_noun_prefix(Type cmdlet) => AssertSingle(CmdletContract.NounPrefix, cmdlet, "'Cp' prefix");

    [Fact]
    public void State_change_without_ShouldProcess() =>
        AssertSingle(CmdletContract.ShouldProcess, typeof(ResumeCpWidgetWithoutShouldProcessCommand), "SupportsShouldProcess");

    [Fact]
    public void Removal_without_high_impact() =>
        AssertSingle(CmdletContract.RemovalImpact, typeof(RemoveCpGadgetMediumImpactCommand), "ConfirmImpact.High");

    [Theory]
    [InlineData(typeof(GetCpGadgetWithoutOutputTypeCommand), "declare [OutputType")]
    [InlineData(typeof(GetCpGadgetPSObjectCommand), "not a concrete output type")]
    [InlineData(typeof(GetCpGadgetStringCommand), "not a concrete output type")]
    public void Missing_or_vague_output_type(Type cmdlet, string expected) => AssertSingle(CmdletContract.OutputType, cmdlet, expected);

    [Fact]
    public void Core_types_in_the_PowerShell_surface()
    {
        var violations = CmdletContract.PowerShellFacingTypes(CmdletShape.Of(typeof(GetCpGadgetCoreOutputCommand))).ToList();
        Assert.Equal(3, violations.Count);
        Assert.Contains(violations, v => v.Contains("field <Kind>k__BackingField holds CpanelBilling.Core.FailureKind"));
        Assert.Contains(violations, v => v.Contains("output type CpanelBilling.Core.FailureKind"));
        Assert.Contains(violations, v => v.Contains("-Kind has type CpanelBilling.Core.FailureKind"));
    }

    [Fact]
    public void A_dependency_value_type_held_in_a_field()
    {
        var violation = Assert.Single(CmdletContract.PowerShellFacingTypes(CmdletShape.Of(typeof(GetCpGadgetCoreFieldCommand))));
        Assert.Contains("field lastFailure holds CpanelBilling.Core.FailureKind", violation);
    }

    [Fact]
    public void Reserved_parameter_names_and_aliases()
    {
        var violations = CmdletContract.ReservedParameterNames(CmdletShape.Of(typeof(GetCpGadgetReservedNamesCommand))).ToList();
        Assert.Equal(2, violations.Count);
        Assert.Contains(violations, v => v.Contains("'Verbose'"));
        Assert.Contains(violations, v => v.Contains("'ea'"));
        Assert.Contains("WhatIf", CmdletContract.ReservedNames);
        Assert.Contains("Confirm", CmdletContract.ReservedNames);
    }

    [Fact]
    public void Bool_instead_of_switch() =>
        AssertSingle(CmdletContract.Switches, typeof(GetCpGadgetBoolSwitchCommand), "SwitchParameter");

    [Theory]
    [InlineData(typeof(SuspendCpGadgetNotByPropertyNameCommand), "ValueFromPipelineByPropertyName")]
    [InlineData(typeof(SuspendCpGadgetUnknownIdentityCommand), "no Get-Cp* cmdlet outputs a type with a property named UserName")]
    [InlineData(typeof(SuspendCpGadgetForeignInputObjectCommand), "-InputObject must be ValueFromPipeline and have the output type")]
    public void Identity_parameters_that_cannot_bind_from_a_Get_cmdlet(Type cmdlet, string expected) =>
        AssertSingle(c => CmdletContract.IdentityBinding(c, World), cmdlet, expected);

    [Fact]
    public void Identity_binding_needs_some_Get_cmdlet()
    {
        var violations = CmdletContract.IdentityBinding(CmdletShape.Of(typeof(SuspendCpWidgetCommand)), Array.Empty<CmdletShape>()).ToList();
        Assert.Equal(3, violations.Count);
    }

    [Fact]
    public void Pinned_parameters_match_and_a_drift_is_reported_with_the_lines_to_paste()
    {
        var cmdlet = CmdletShape.Of(typeof(SuspendCpWidgetCommand));
        var lines = ParameterPins.Describe(cmdlet);
        Assert.Equal(
            new[]
            {
                "Suspend-CpWidget -InputObject Widget[] {ByObject: Mandatory Pipeline}",
                "Suspend-CpWidget -Name String[] {ByName: Mandatory ByPropertyName}",
                "Suspend-CpWidget -PassThru SwitchParameter {All:}",
                "Suspend-CpWidget -Server String {ByName: ByPropertyName}",
            },
            lines);
        Assert.Empty(ParameterPins.Violations(cmdlet, ParameterPins.Parse(lines)));

        var drifted = lines.Select(l => l.Replace("-Name String[]", "-Name String")).ToList();
        var violation = Assert.Single(ParameterPins.Violations(cmdlet, ParameterPins.Parse(drifted)));
        Assert.Contains("Suspend-CpWidget -Name String[] {ByName: Mandatory ByPropertyName}", violation);

        Assert.Single(ParameterPins.Violations(cmdlet, ParameterPins.Parse(lines.Take(3))));
    }

    private static void AssertSingle(Func<CmdletShape, IEnumerable<string>> rule, Type cmdlet, string expected)
    {
        var violation = Assert.Single(rule(CmdletShape.Of(cmdlet)));
        Assert.Contains(expected, violation);
        Assert.Empty(rule(CmdletShape.Of(typeof(GetCpWidgetCommand))));
    }
}
