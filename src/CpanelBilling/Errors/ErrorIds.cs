namespace CpanelBilling.Errors;

/// <summary>
/// Every error id the cmdlet layer raises itself, in one place. PowerShell appends the cmdlet's class name to form
/// the FullyQualifiedErrorId users filter on, so an id never changes once released. Errors raised by the core carry
/// their own id (CpanelBillingException.ErrorId).
/// </summary>
public static class ErrorIds
{
    /// <summary>An exception the module did not raise on purpose (a defect, or an environment failure).</summary>
    public const string Unexpected = "CpUnexpectedError";

    /// <summary>-WhatIf on a first command found no billing database, and creating one would be a change.</summary>
    public const string NoBillingDatabase = "CpNoBillingDatabase";

    /// <summary>Connect-CpBilling got -Credential without -Server, or the other way round.</summary>
    public const string CredentialWithoutServer = "CpCredentialWithoutServer";

    /// <summary>-WhmUser and the user of -Credential name different WHM users.</summary>
    public const string WhmUserMismatch = "CpWhmUserMismatch";

    /// <summary>-Credential is not a usable WHM user and API token (e.g. the token has a space or line break).</summary>
    public const string InvalidCredential = "CpInvalidCredential";

    /// <summary>
    /// A piped account object names an account the current billing database does not hold under that server and user
    /// name (it came from another database, or was edited): nothing is changed for it.
    /// </summary>
    public const string AccountObjectMismatch = "CpAccountObjectMismatch";

    /// <summary>A piped object does not describe what the cmdlet needs (e.g. a bandwidth row with month 13).</summary>
    public const string InvalidInputObject = "CpInvalidInputObject";

    /// <summary>Accounts were named by user name without the server they are on (Compare-/Repair-/Get-CpOperation).</summary>
    public const string UserNameWithoutServer = "CpUserNameWithoutServer";
}
