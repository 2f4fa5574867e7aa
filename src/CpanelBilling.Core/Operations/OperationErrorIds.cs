namespace CpanelBilling.Core.Operations;

/// <summary>
/// Stable error ids of the operations layer. They become part of PowerShell's FullyQualifiedErrorId, so scripts
/// may match on them: never rename one.
/// </summary>
public static class OperationErrorIds
{
    public const string ServerCredentialMissing = "ServerCredentialMissing";
    public const string ServerDisabled = "ServerDisabled";
    public const string ServerNotFound = "ServerNotFound";
    public const string OutcomeUnknown = "ServerOutcomeUnknown";
}
