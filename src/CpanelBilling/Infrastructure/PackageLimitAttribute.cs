using System;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using CpanelBilling.Core.Operations.Packages;

namespace CpanelBilling.Infrastructure;

/// <summary>
/// A package limit (New-CpPackage, Set-CpPackage), checked by PackageRules for the PackageRequest setting named:
/// sizes in MB, counts, rates and percentages each in their own range, <c>unlimited</c> where cPanel takes it.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class PackageLimitAttribute : LimitTransformationAttribute
{
    /// <param name="setting">The PackageRequest property the parameter fills (use nameof).</param>
    public PackageLimitAttribute(string setting) => Setting = setting;

    public string Setting { get; }

    protected override void Check(string text)
    {
        PropertyInfo property = typeof(PackageRequest).GetProperty(Setting)
            ?? throw new InvalidOperationException($"PackageRequest has no setting '{Setting}'.");
        var request = new PackageRequest();
        if (property.PropertyType == typeof(int?))
        {
            // A setting billing keeps as a plain number (MAX_TEAM_USERS): the rules see the number. Only a sign and
            // ASCII digits count as one (.NET's parser would also take trailing NUL characters).
            if (!IsWholeNumber(text) || !int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int number))
            {
                throw new ArgumentTransformationMetadataException($"{Setting}: '{text}' is not a whole number.");
            }

            property.SetValue(request, number);
        }
        else
        {
            property.SetValue(request, text);
        }

        PackageRules.CheckSettings(request);
    }

    private static bool IsWholeNumber(string text)
    {
        string digits = text.StartsWith("-", StringComparison.Ordinal) ? text.Substring(1) : text;
        return digits.Length > 0 && digits.All(c => c >= '0' && c <= '9');
    }
}
