using System;
using System.IO;
using System.Linq;
using CpanelBilling.Commands;
using Xunit;

namespace CpanelBilling.Module.Tests.Contract;

/// <summary>
/// Holds every cmdlet of the module to <see cref="CmdletContract"/> and to its pinned parameters. Data-driven over
/// the assembly: a new cmdlet is covered the moment it exists. <see cref="ContractCheckerTests"/> proves each rule
/// fails on a cmdlet that breaks it.
/// </summary>
public sealed class ContractTests
{
    /// <summary>
    /// Fewer cmdlets than the module had at its first release means discovery broke (or cmdlets were lost), and the
    /// data-driven tests would pass over what they no longer see.
    /// </summary>
    private const int CmdletsAtFirstRelease = 27;

    private static readonly System.Collections.Generic.IReadOnlyList<CmdletShape> Cmdlets = CmdletShape.AllIn(typeof(CpCmdlet).Assembly);

    [Fact]
    public void The_cmdlets_are_discovered()
    {
        Assert.NotEmpty(Cmdlets);
        Assert.True(
            Cmdlets.Count >= CmdletsAtFirstRelease,
            $"Found {Cmdlets.Count} cmdlets, fewer than the {CmdletsAtFirstRelease} of the first release: {string.Join(", ", Cmdlets.Select(c => c.Name))}.");
    }

    [Fact]
    public void Every_cmdlet_keeps_the_contract()
    {
        var violations = Cmdlets.SelectMany(c => CmdletContract.Violations(c, Cmdlets)).ToList();
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public void Every_cmdlet_has_exactly_its_pinned_parameters()
    {
        var pinned = ParameterPins.Parse(File.ReadAllLines(ParameterPins.PinFile));
        var violations = Cmdlets.SelectMany(c => ParameterPins.Violations(c, pinned)).ToList();
        violations.AddRange(pinned.Keys
            .Where(name => Cmdlets.All(c => !string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase)))
            .Select(name => $"Contract/parameters.txt pins '{name}', which is not a cmdlet of the module (renamed or removed?)."));
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public void Cmdlet_classes_follow_the_naming_convention()
    {
        var wrong = Cmdlets.Where(c => c.Type.Name != c.Verb + c.Noun + "Command" || !c.Type.IsSealed || !typeof(CpCmdlet).IsAssignableFrom(c.Type))
            .Select(c => $"{c.Name}: expected 'public sealed class {c.Verb}{c.Noun}Command : CpCmdlet', found {c.Type.Name}")
            .ToList();
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }
}
