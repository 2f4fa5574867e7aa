namespace CpanelBilling.Core.Operations.Reconcile;

/// <summary>What the server's state says about a journaled change whose end billing never recorded.</summary>
internal enum ChangeEffect
{
    /// <summary>The server shows the change in effect.</summary>
    Made,

    /// <summary>The server shows the change not in effect.</summary>
    NotMade,

    /// <summary>The server's state cannot tell (a password cannot be read back; the value is not one the server reports).</summary>
    Unreadable,
}
