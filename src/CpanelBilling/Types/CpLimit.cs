using System.Globalization;

namespace CpanelBilling.Types;

/// <summary>
/// A limit given to a cmdlet parameter: a whole number (megabytes for sizes), <c>unlimited</c>, or, for an account's
/// own limits, <c>package</c> (the package's value applies). PowerShell makes it while it binds the parameter, from a
/// number or text, and the parameter's attribute checks it against the module's rules right then: a bad value fails
/// before the cmdlet runs, with -WhatIf too, and Tab offers the words the parameter takes.
/// </summary>
public sealed class CpLimit
{
    internal CpLimit(string value) => Value = value;

    /// <summary>The limit as given, trimmed: digits, <c>unlimited</c> or <c>package</c>.</summary>
    public string Value { get; }

    /// <summary>The value of a limit that only takes numbers (the attribute has checked it is one).</summary>
    internal int ToInt32() => int.Parse(Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    public override string ToString() => Value;
}
