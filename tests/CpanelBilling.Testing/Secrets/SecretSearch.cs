using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CpanelBilling.WhmSimulator;
using Xunit.Sdk;

namespace CpanelBilling.Testing.Secrets;

/// <summary>What a secret is, which decides where on the wire it may legitimately travel.</summary>
public enum SecretKind
{
    /// <summary>An account password: only in the form body of createacct and passwd.</summary>
    Password,

    /// <summary>A WHM API token: only in the Authorization header.</summary>
    Token,
}

/// <summary>One secret to look for.</summary>
public sealed record Secret(string Name, string Value, SecretKind Kind);

/// <summary>
/// Looks for secrets wherever a person or a log could read them, in every form they take there: as given,
/// URL-encoded (upper and lower case hex, '+' for space), JSON-escaped (the call log is JSON lines) and, in files,
/// as UTF-8 and UTF-16 bytes. Collects every place it finds one, so a single failure lists them all.
/// </summary>
public sealed class SecretSearch
{
    private static readonly string[] PasswordFunctions = { "createacct", "passwd" };

    private readonly IReadOnlyList<(Secret Secret, string[] Forms)> secrets;
    private readonly List<string> findings = new();

    public SecretSearch(params Secret[] secrets)
    {
        if (secrets.Any(s => s.Value.Length < 8))
        {
            throw new ArgumentException("Secrets shorter than 8 characters would be found by chance.", nameof(secrets));
        }

        this.secrets = secrets.Select(s => (s, FormsOf(s.Value))).ToList();
    }

    public IReadOnlyList<string> Findings => findings;

    /// <summary>How many places were searched; a search of nothing proves nothing.</summary>
    public int PlacesSearched { get; private set; }

    public SecretSearch InText(string place, string? text)
    {
        PlacesSearched++;
        if (string.IsNullOrEmpty(text))
        {
            return this;
        }

        foreach ((Secret secret, string[] forms) in secrets)
        {
            if (forms.FirstOrDefault(f => text!.Contains(f, StringComparison.Ordinal)) is { } form)
            {
                findings.Add($"{secret.Name} in {place}" + (form == secret.Value ? "" : " (encoded)"));
            }
        }

        return this;
    }

    /// <summary>An exception and every inner one: type, message, ToString (stack and all) and Data.</summary>
    public SecretSearch InException(string place, Exception? exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            InText($"{place} ({e.GetType().Name}.Message)", e.Message);
            InText($"{place} ({e.GetType().Name}.ToString())", e.ToString());
            foreach (DictionaryEntry entry in e.Data)
            {
                InText($"{place} ({e.GetType().Name}.Data[{entry.Key}])", Convert.ToString(entry.Value));
            }

            if (e is AggregateException aggregate)
            {
                foreach (Exception inner in aggregate.InnerExceptions.Skip(1))
                {
                    InException(place, inner);
                }
            }
        }

        return this;
    }

    /// <summary>The bytes of a file, as UTF-8 and as UTF-16 (SQLite may store either; a log is UTF-8).</summary>
    public SecretSearch InFile(string path)
    {
        PlacesSearched++;
        byte[] content = File.ReadAllBytes(path);
        foreach ((Secret secret, string[] forms) in secrets)
        {
            foreach (string form in forms)
            {
                if (Contains(content, Encoding.UTF8.GetBytes(form)) || Contains(content, Encoding.Unicode.GetBytes(form)))
                {
                    findings.Add($"{secret.Name} in file {Path.GetFileName(path)}");
                    break;
                }
            }
        }

        return this;
    }

    /// <summary>Every file of a folder whose name starts with <paramref name="prefix"/> (a database with its -wal and -shm files).</summary>
    public SecretSearch InFiles(string folder, string prefix)
    {
        foreach (string path in Directory.GetFiles(folder, prefix + "*"))
        {
            InFile(path);
        }

        return this;
    }

    /// <summary>
    /// Requests as the server received them. No secret in a path or query string, ever; a password only in the
    /// body of createacct or passwd; a token only in the Authorization header; nothing secret in other headers.
    /// </summary>
    public SecretSearch InRequests(IEnumerable<RecordedRequest> requests)
    {
        foreach (RecordedRequest request in requests)
        {
            string place = $"{request.Method} {request.Path}";
            InText(place + " path", request.Path);
            InText(place + " query string", request.QueryString);
            foreach ((Secret secret, string[] forms) in secrets)
            {
                bool inBody = forms.Any(f => request.Body.Contains(f, StringComparison.Ordinal));
                bool bodyAllowed = secret.Kind == SecretKind.Password && PasswordFunctions.Contains(request.Function);
                if (inBody && !bodyAllowed)
                {
                    findings.Add($"{secret.Name} in the body of {place}");
                }

                foreach ((string name, string value) in request.Headers)
                {
                    bool headerAllowed = secret.Kind == SecretKind.Token && string.Equals(name, "Authorization", StringComparison.OrdinalIgnoreCase);
                    if (!headerAllowed && forms.Any(f => value.Contains(f, StringComparison.Ordinal)))
                    {
                        findings.Add($"{secret.Name} in the {name} header of {place}");
                    }
                }
            }

            PlacesSearched++;
        }

        return this;
    }

    public void AssertNoneFound()
    {
        if (PlacesSearched == 0)
        {
            throw new XunitException("The secret search looked nowhere.");
        }

        if (findings.Count > 0)
        {
            throw new XunitException($"Secrets found in {findings.Count} place(s):{Environment.NewLine}{string.Join(Environment.NewLine, findings.Distinct())}");
        }
    }

    private static string[] FormsOf(string value)
    {
        string escaped = Uri.EscapeDataString(value);
        return new[]
        {
            value,
            escaped,
            LowerHex(escaped),
            WebUtility.UrlEncode(value),
            JsonEncodedText.Encode(value).ToString(),
            JsonEncodedText.Encode(value, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString(),
        }.Distinct(StringComparer.Ordinal).ToArray();
    }

    private static string LowerHex(string escaped)
    {
        var text = new StringBuilder(escaped);
        for (int i = 0; i < text.Length - 2; i++)
        {
            if (text[i] == '%')
            {
                text[i + 1] = char.ToLowerInvariant(text[i + 1]);
                text[i + 2] = char.ToLowerInvariant(text[i + 2]);
            }
        }

        return text.ToString();
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
