using System.Security.Cryptography;

namespace CpanelBilling.WhmSimulator.Api;

/// <summary>cPanel's error ids: six lowercase letters and digits, new on every error, written <c>(XID abc123) </c>.</summary>
internal static class Xid
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    public static string New() => RandomNumberGenerator.GetString(Alphabet, 6);

    /// <summary>The message as a cPanel exception renders it: <c>(XID abc123) message</c>.</summary>
    public static string Prefix(string message) => $"(XID {New()}) {message}";
}
