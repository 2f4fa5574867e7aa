using System;
using System.Globalization;
using System.Management.Automation;
using CpanelBilling.Core;
using CpanelBilling.Types;

namespace CpanelBilling.Infrastructure;

/// <summary>
/// Turns what a user gives a limit parameter (a number such as <c>500</c>, or text such as <c>unlimited</c>) into a
/// <see cref="CpLimit"/> while PowerShell binds it, after the core's rules for that limit accepted it. A refused
/// value stops the command at binding, with the core's message, before anything runs or -WhatIf reports.
/// Derived attributes only name the rule; the rules themselves stay in the core.
/// </summary>
public abstract class LimitTransformationAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        object? value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        if (value is null)
        {
            return null;
        }

        string text = value switch
        {
            CpLimit limit => limit.Value,
            IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? string.Empty,
        };
        text = text.Trim();
        try
        {
            Check(text);
        }
        catch (CpanelBillingException refused)
        {
            throw new ArgumentTransformationMetadataException(refused.Message, refused);
        }

        return new CpLimit(text);
    }

    /// <summary>Throws the core's InvalidArgument error when <paramref name="text"/> is not a value this limit takes.</summary>
    protected abstract void Check(string text);
}
