using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace CpanelBilling.Core.Whm;

/// <summary>
/// Masks secrets in text that came back from the server. createacct echoes the new password in its raw output
/// ("| PassWord: …"), and a reason could quote an argument; such text reaches results, exceptions and the log.
/// </summary>
internal sealed class SecretScrubber
{
    // createacct's "New Account Info" box; it also shows a password the server generated, which we never knew.
    private static readonly Regex PasswordLine = new(@"(\bpass(word)?\s*:[ \t]*)[^\s|<]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private readonly IReadOnlyList<string> secrets;

    public SecretScrubber(IReadOnlyList<string> secrets) => this.secrets = secrets;

    public static SecretScrubber None { get; } = new(Array.Empty<string>());

    public string? Scrub(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        string result = text!;
        foreach (string secret in secrets)
        {
            result = result.Replace(secret, SecretMasking.Mask);
        }

        return PasswordLine.Replace(result, "$1" + SecretMasking.Mask);
    }

    public IReadOnlyList<string> Scrub(IReadOnlyList<string> texts)
    {
        var scrubbed = new List<string>(texts.Count);
        foreach (string text in texts)
        {
            scrubbed.Add(Scrub(text) ?? string.Empty);
        }

        return scrubbed;
    }
}
