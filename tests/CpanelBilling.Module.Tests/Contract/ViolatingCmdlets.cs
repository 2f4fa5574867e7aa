using System;
using System.Management.Automation;
using CpanelBilling.Core;

// Purpose-built cmdlet types for ContractCheckerTests: each breaks (or, for the Widget family, keeps) the contract.
// They are never registered with PowerShell; the checker reads them by reflection as it reads the module.
namespace CpanelBilling.Module.Tests.Contract.Violating;

public sealed class Widget
{
    public string Name { get; set; } = string.Empty;

    public string Server { get; set; } = string.Empty;
}

public sealed class Gadget
{
    public string Label { get; set; } = string.Empty;
}

[Cmdlet(VerbsCommon.Get, "CpWidget")]
[OutputType(typeof(Widget))]
public sealed class GetCpWidgetCommand : PSCmdlet
{
    [Parameter(Position = 0)]
    public string[]? Name { get; set; }
}

[Cmdlet(VerbsLifecycle.Suspend, "CpWidget", SupportsShouldProcess = true, DefaultParameterSetName = "ByName")]
[OutputType(typeof(Widget))]
public sealed class SuspendCpWidgetCommand : PSCmdlet
{
    [Parameter(Mandatory = true, ParameterSetName = "ByName", ValueFromPipelineByPropertyName = true)]
    public string[] Name { get; set; } = Array.Empty<string>();

    [Parameter(ParameterSetName = "ByName", ValueFromPipelineByPropertyName = true)]
    public string? Server { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = "ByObject", ValueFromPipeline = true)]
    public Widget[] InputObject { get; set; } = Array.Empty<Widget>();

    [Parameter]
    public SwitchParameter PassThru { get; set; }
}

[Cmdlet(VerbsCommon.Remove, "CpWidget", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(Widget))]
public sealed class RemoveCpWidgetCommand : PSCmdlet
{
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    public string Name { get; set; } = string.Empty;
}

[Cmdlet("Frobnicate", "CpWidget")]
[OutputType(typeof(Widget))]
public sealed class FrobnicateCpWidgetCommand : PSCmdlet
{
}

[Cmdlet(VerbsCommon.Get, "Widget")]
[OutputType(typeof(Widget))]
public sealed class GetWidgetCommand : PSCmdlet
{
}

[Cmdlet(VerbsCommon.Get, "Cpwidget")]
[OutputType(typeof(Widget))]
public sealed class GetLowercaseCpwidgetCommand : PSCmdlet
{
}

[Cmdlet(VerbsLifecycle.Resume, "CpWidget")]
[OutputType(typeof(Widget))]
public sealed class ResumeCpWidgetWithoutShouldProcessCommand : PSCmdlet
{
}

[Cmdlet(VerbsCommon.Remove, "CpGadget", SupportsShouldProcess = true)]
[OutputType(typeof(Gadget))]
public sealed class RemoveCpGadgetMediumImpactCommand : PSCmdlet
{
}

[Cmdlet(VerbsCommon.Get, "CpGadget")]
public sealed class GetCpGadgetWithoutOutputTypeCommand : PSCmdlet
{
}

[Cmdlet(VerbsCommon.Get, "CpGadget")]
[OutputType(typeof(PSObject))]
public sealed class GetCpGadgetPSObjectCommand : PSCmdlet
{
}

[Cmdlet(VerbsCommon.Get, "CpGadget")]
[OutputType(typeof(string))]
public sealed class GetCpGadgetStringCommand : PSCmdlet
{
}

[Cmdlet(VerbsCommon.Get, "CpGadget")]
[OutputType(typeof(FailureKind))]
public sealed class GetCpGadgetCoreOutputCommand : PSCmdlet
{
    [Parameter]
    public FailureKind Kind { get; set; }
}

[Cmdlet(VerbsCommon.Get, "CpGadget")]
[OutputType(typeof(Gadget))]
public sealed class GetCpGadgetReservedNamesCommand : PSCmdlet
{
    [Parameter]
    public SwitchParameter Verbose { get; set; }

    [Parameter]
    [Alias("ea")]
    public string? Mode { get; set; }
}

[Cmdlet(VerbsCommon.Get, "CpGadget")]
[OutputType(typeof(Gadget))]
public sealed class GetCpGadgetBoolSwitchCommand : PSCmdlet
{
    [Parameter]
    public bool Detailed { get; set; }
}

[Cmdlet(VerbsLifecycle.Suspend, "CpGadget", SupportsShouldProcess = true)]
[OutputType(typeof(Gadget))]
public sealed class SuspendCpGadgetNotByPropertyNameCommand : PSCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    public string Name { get; set; } = string.Empty;
}

[Cmdlet(VerbsLifecycle.Suspend, "CpGadget", SupportsShouldProcess = true)]
[OutputType(typeof(Gadget))]
public sealed class SuspendCpGadgetUnknownIdentityCommand : PSCmdlet
{
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    public string UserName { get; set; } = string.Empty;
}

[Cmdlet(VerbsLifecycle.Suspend, "CpGadget", SupportsShouldProcess = true)]
[OutputType(typeof(Gadget))]
public sealed class SuspendCpGadgetForeignInputObjectCommand : PSCmdlet
{
    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    public Gadget? InputObject { get; set; }
}

[Cmdlet(VerbsCommon.Get, "CpGadget")]
[OutputType(typeof(Gadget))]
public sealed class GetCpGadgetCoreFieldCommand : PSCmdlet
{
    private FailureKind lastFailure = FailureKind.Other;

    protected override void ProcessRecord() => WriteVerbose(lastFailure.ToString());
}
