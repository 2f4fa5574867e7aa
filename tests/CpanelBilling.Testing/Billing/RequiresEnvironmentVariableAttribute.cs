using System;

namespace CpanelBilling.Testing.Billing;

/// <summary>
/// On a test class: its <see cref="BillingFactAttribute"/> tests run only when the environment variable is set,
/// and are reported as skipped (saying why) otherwise.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class RequiresEnvironmentVariableAttribute : Attribute
{
    public RequiresEnvironmentVariableAttribute(string name, string purpose)
    {
        Name = name;
        Purpose = purpose;
    }

    public string Name { get; }

    public string Purpose { get; }
}
