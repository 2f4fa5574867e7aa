using System;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Security;

namespace CpanelBilling.Core.Whm;

/// <summary>
/// A password or API token. The clear text is kept in a read-only <see cref="SecureString"/> and has no public
/// accessor, so ToString, the debugger, PowerShell formatting and reflection-based serializers (which look at public
/// properties) never show it. The client materializes it only while building a request.
/// </summary>
[DebuggerDisplay(SecretMasking.Mask)]
public sealed class WhmSecret
{
    private readonly SecureString value;

    public WhmSecret(string clearText)
    {
        if (string.IsNullOrEmpty(clearText))
        {
            throw new ArgumentException("A secret must not be empty.", nameof(clearText));
        }

        value = new SecureString();
        foreach (char c in clearText)
        {
            value.AppendChar(c);
        }

        value.MakeReadOnly();
    }

    /// <summary>Copies <paramref name="secureText"/>, so the caller may dispose its instance (PSCredential does).</summary>
    public WhmSecret(SecureString secureText)
    {
        if (secureText is null)
        {
            throw new ArgumentNullException(nameof(secureText));
        }

        if (secureText.Length == 0)
        {
            throw new ArgumentException("A secret must not be empty.", nameof(secureText));
        }

        value = secureText.Copy();
        value.MakeReadOnly();
    }

    public override string ToString() => SecretMasking.Mask;

    /// <summary>The clear text. Call only where it must go on the wire, and never keep or log the result.</summary>
    internal string Reveal()
    {
        IntPtr unmanaged = Marshal.SecureStringToGlobalAllocUnicode(value);
        try
        {
            return Marshal.PtrToStringUni(unmanaged) ?? string.Empty;
        }
        finally
        {
            Marshal.ZeroFreeGlobalAllocUnicode(unmanaged);
        }
    }
}
