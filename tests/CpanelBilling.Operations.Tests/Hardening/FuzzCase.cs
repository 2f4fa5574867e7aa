using System;
using System.Linq;
using System.Threading.Tasks;
using CpanelBilling.Core;
using CpanelBilling.Testing.Fuzzing;

namespace CpanelBilling.Operations.Tests.Hardening;

/// <summary>One generated call of an operation's entry point, with the outcome its input calls for.</summary>
internal sealed class FuzzCase
{
    public FuzzCase(string entryPoint, string input, Expectation expect, Func<Task<object?>> run)
    {
        EntryPoint = entryPoint;
        Input = input;
        Expect = expect;
        Run = run;
    }

    public string EntryPoint { get; }

    /// <summary>The inputs, printable (control characters and non-ASCII escaped, long text shortened).</summary>
    public string Input { get; }

    public Expectation Expect { get; }

    public Func<Task<object?>> Run { get; }
}

/// <summary>What a fuzz case must end with; any other ending is a defect.</summary>
internal sealed class Expectation
{
    private readonly FailureKind? kind;
    private readonly string[] errorIds;
    private readonly Func<object?, string?>? check;

    private Expectation(FailureKind? kind, string[] errorIds, Func<object?, string?>? check)
    {
        this.kind = kind;
        this.errorIds = errorIds;
        this.check = check;
    }

    /// <summary>A typed error of this kind, with one of these ids (any id when none is given).</summary>
    public static Expectation Refused(FailureKind kind, params string[] errorIds) => new(kind, errorIds.Distinct().ToArray(), null);

    /// <summary>No error; <paramref name="check"/> returns what is wrong with the result, or null.</summary>
    public static Expectation Completes(Func<object?, string?>? check = null) => new(null, Array.Empty<string>(), check);

    public bool IsRefusal => kind is not null;

    public FailureKind? Kind => kind;

    public override string ToString() => kind is null
        ? "completes"
        : $"{kind} error" + (errorIds.Length == 0 ? "" : " (" + string.Join(" or ", errorIds) + ")");

    /// <summary>Null when the case ended as expected, else what happened instead.</summary>
    public string? Judge(object? result, Exception? thrown)
    {
        if (kind is null)
        {
            return thrown is not null ? "threw " + Describe(thrown) : check?.Invoke(result);
        }

        if (thrown is not CpanelBillingException typed)
        {
            return thrown is null ? "completed without an error" : "threw an untyped " + Describe(thrown);
        }

        if (typed.Kind != kind || (errorIds.Length > 0 && !errorIds.Contains(typed.ErrorId)))
        {
            return "threw " + Describe(thrown);
        }

        return string.IsNullOrWhiteSpace(typed.Message) ? "threw a typed error without a message" : null;
    }

    public static string Describe(Exception thrown) => thrown is CpanelBillingException typed
        ? $"{thrown.GetType().Name} {typed.Kind}/{typed.ErrorId}: {FuzzText.Show(thrown.Message)}"
        : $"{thrown.GetType().FullName}: {FuzzText.Show(thrown.Message)}";
}
