namespace CpanelBilling.Core.Whm;

/// <summary>One function call to make: the function, its arguments and what it is about (for errors).</summary>
internal sealed class WhmCall
{
    public WhmCall(string function, WhmParameters parameters, string? target = null)
    {
        Function = function;
        Parameters = parameters;
        Target = target;
    }

    public string Function { get; }

    public WhmParameters Parameters { get; }

    /// <summary>The account, package or other subject of the call; null for server-wide calls.</summary>
    public string? Target { get; }

    public bool IsReadOnly => WhmFunctions.IsReadOnly(Function);
}
