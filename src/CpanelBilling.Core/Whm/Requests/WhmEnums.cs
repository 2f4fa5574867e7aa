namespace CpanelBilling.Core.Whm;

/// <summary>What listaccts and showbw search in.</summary>
public enum AccountSearchType
{
    User,
    Domain,
    Owner,
    Ip,
    Package,
}

/// <summary>How listaccts matches <see cref="AccountQuery.Search"/>.</summary>
public enum AccountSearchMethod
{
    /// <summary>The search text is a case-insensitive regular expression (cPanel's default).</summary>
    Regex,

    /// <summary>The search text must match the whole value.</summary>
    Exact,
}

/// <summary>Which packages listpkgs returns. cPanel's default is <see cref="Creatable"/>.</summary>
public enum PackageVisibility
{
    Creatable,
    All,
    Editable,
    Viewable,
}

/// <summary>createacct's mxcheck: which mail exchanger role the server takes for the new domain.</summary>
public enum MailExchangerType
{
    Local,
    Secondary,
    Remote,
    Auto,
}

public enum MailboxFormat
{
    Maildir,
    Mdbox,
}

internal static class WhmEnumWireNames
{
    // The wire names are the lower-case member names.
    public static string? ToWire<TEnum>(this TEnum? value)
        where TEnum : struct => value?.ToString().ToLowerInvariant();
}
