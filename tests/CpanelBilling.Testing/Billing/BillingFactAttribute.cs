using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace CpanelBilling.Testing.Billing;

/// <summary>
/// A fact of a test suite that runs against several backends (an abstract class with one subclass per backend).
/// When the running subclass carries <see cref="RequiresEnvironmentVariableAttribute"/> and the variable is not
/// set, the test is reported as skipped with the reason, instead of failing or silently passing.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer("CpanelBilling.Testing.Billing.BillingFactDiscoverer", "CpanelBilling.Testing")]
public sealed class BillingFactAttribute : FactAttribute
{
}

/// <summary>Discovers <see cref="BillingFactAttribute"/> tests; see there.</summary>
public sealed class BillingFactDiscoverer : IXunitTestCaseDiscoverer
{
    private readonly IMessageSink _diagnosticMessageSink;

    public BillingFactDiscoverer(IMessageSink diagnosticMessageSink)
    {
        _diagnosticMessageSink = diagnosticMessageSink;
    }

    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        TestMethodDisplay display = discoveryOptions.MethodDisplayOrDefault();
        TestMethodDisplayOptions displayOptions = discoveryOptions.MethodDisplayOptionsOrDefault();
        string? skipReason = MissingRequirement(testMethod.TestClass.Class);
        yield return skipReason == null
            ? new XunitTestCase(_diagnosticMessageSink, display, displayOptions, testMethod)
            : new XunitSkippedDataRowTestCase(_diagnosticMessageSink, display, displayOptions, testMethod, skipReason);
    }

    internal static string? MissingRequirement(ITypeInfo testClass)
    {
        IAttributeInfo? requirement = testClass.GetCustomAttributes(typeof(RequiresEnvironmentVariableAttribute)).FirstOrDefault();
        if (requirement == null)
        {
            return null;
        }

        object?[] arguments = requirement.GetConstructorArguments().ToArray();
        string name = (string)arguments[0]!;
        string purpose = (string)arguments[1]!;
        return string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(name))
            ? $"{name} is not set, so these tests did not run: {purpose}"
            : null;
    }
}
