using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace CpanelBilling.Core.Whm;

/// <summary>
/// The arguments of one call, in order. Each value is added in the wire form WHM expects (1/0, y/n, "unlimited").
/// Secrets stay <see cref="WhmSecret"/>s until the form body is encoded; the log view masks them.
/// </summary>
internal sealed class WhmParameters
{
    private readonly List<(string Name, string? Text, WhmSecret? Secret)> entries = new();

    public WhmParameters Add(string name, string? value)
    {
        if (value is not null)
        {
            entries.Add((name, value, null));
        }

        return this;
    }

    /// <summary>Adds a flag as 1/0.</summary>
    public WhmParameters Add(string name, bool? value) => value is null ? this : Add(name, value.Value ? "1" : "0");

    /// <summary>Adds a flag as y/n, for the parameters WHM documents that way (ip, spambox, showpass).</summary>
    public WhmParameters AddYesNo(string name, bool? value) => value is null ? this : Add(name, value.Value ? "y" : "n");

    public WhmParameters Add(string name, int? value) => value is null ? this : Add(name, value.Value.ToString(CultureInfo.InvariantCulture));

    public WhmParameters Add(string name, CountLimit? value) => value is null ? this : Add(name, value.Value.ToString());

    /// <param name="unlimitedAsZero">For parameters documented as "0 = unlimited" that do not accept the word (createacct's quota).</param>
    public WhmParameters Add(string name, MegabyteLimit? value, bool unlimitedAsZero = false) =>
        value is null ? this : Add(name, value.Value.IsUnlimited && unlimitedAsZero ? "0" : value.Value.ToString());

    /// <summary>Adds one entry per item; WHM reads a repeated name as a list.</summary>
    public WhmParameters AddEach(string name, IEnumerable<string>? values)
    {
        foreach (string value in values ?? Array.Empty<string>())
        {
            Add(name, value);
        }

        return this;
    }

    public WhmParameters AddSecret(string name, WhmSecret? secret)
    {
        if (secret is not null)
        {
            entries.Add((name, null, secret));
        }

        return this;
    }

    /// <summary>
    /// The application/x-www-form-urlencoded body, <c>api.version=1</c> first. <paramref name="revealedSecrets"/>
    /// receives the clear text of every secret so replies can be scrubbed of them.
    /// </summary>
    public byte[] EncodeForm(out IReadOnlyList<string> revealedSecrets)
    {
        var secrets = new List<string>();
        var body = new StringBuilder("api.version=1");
        foreach ((string name, string? text, WhmSecret? secret) in entries)
        {
            string value = text ?? string.Empty;
            if (secret is not null)
            {
                value = secret.Reveal();
                secrets.Add(value);
            }

            body.Append('&').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }

        revealedSecrets = secrets;
        return Encoding.UTF8.GetBytes(body.ToString());
    }

    /// <summary>The arguments as the call log shows them: secrets and password-like names masked.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ToLogView()
    {
        var view = new List<KeyValuePair<string, string>>(entries.Count);
        foreach ((string name, string? text, WhmSecret? secret) in entries)
        {
            string shown = secret is not null || SecretMasking.IsSecretName(name) ? SecretMasking.Mask : text ?? string.Empty;
            view.Add(new KeyValuePair<string, string>(name, shown));
        }

        return view;
    }
}
