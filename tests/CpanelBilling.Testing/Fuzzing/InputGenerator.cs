using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace CpanelBilling.Testing.Fuzzing;

/// <summary>
/// Makes the values the fuzz tests feed to operations, from one seeded <see cref="Random"/>: values built to follow
/// cPanel's rules, the same values broken in one way (a near miss), and plain noise (quotes, control characters,
/// unicode, half surrogate pairs, injection strings, very long text). Whether a value is valid is decided by
/// <see cref="CpanelRulesOracle"/> or by the generator's own rule where no oracle is needed; the generator only
/// makes sure both kinds come up often.
/// </summary>
public sealed class InputGenerator
{
    public const string LowerLetters = "abcdefghijklmnopqrstuvwxyz";
    public const string Digits = "0123456789";

    private const string Punctuation = "\"'`\\/;:,.-_@!#$%^&*()[]{}<>?=+~| ";

    private static readonly string[] Controls = { "\0", "\n", "\r", "\t", "\u001b", "\u007f", "\u0085", "\b", "\r\n" };

    // Letters that look like ASCII, invisible and direction-changing characters, separators, digits of other
    // scripts, a character outside the BMP and both halves of a surrogate pair on their own.
    private static readonly string[] Unicode =
    {
        "é", "ß", "ü", "Ж", "中", "文", "\u212A", "\u0130", "\u200B", "\u202E", "\uFEFF", "\u2028", "\u2029", "\u00A0",
        "\u3000", "\uFF10", "\u0661", "\U0001F600", "\uD800", "\uDC00",
    };

    private static readonly string[] Injections =
    {
        "' OR 1=1 --", "\"; DROP TABLE accounts; --", "%", "_", "*", "?", "[a]", "${env:PATH}", "$(whoami)", "`whoami`",
        "<script>alert(1)</script>", "../../etc/passwd", "%00", "\\\\server\\share", "a&b=c", "{{7*7}}", "null", "NaN",
    };

    private static readonly string[] TopLabels = { "com", "net", "org", "de", "io", "info", "shop", "co", "uk", "xn--p1ai", "xn--80asehdb", "a1" };

    private readonly Random random;

    public InputGenerator(Random random) => this.random = random;

    public bool Chance(double probability) => random.NextDouble() < probability;

    public int Between(int minInclusive, int maxInclusive) => (int)random.NextInt64(minInclusive, (long)maxInclusive + 1);

    /// <summary>From <paramref name="minInclusive"/> up to, not including, <paramref name="maxExclusive"/>.</summary>
    public long Between(long minInclusive, long maxExclusive) => random.NextInt64(minInclusive, maxExclusive);

    public T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public T Pick<T>(params T[] items) => items[random.Next(items.Length)];

    public string From(string alphabet, int length)
    {
        var text = new StringBuilder(length);
        for (int i = 0; i < length; i++)
        {
            text.Append(alphabet[random.Next(alphabet.Length)]);
        }

        return text.ToString();
    }

    /// <summary>Text of any kind: letters, punctuation, control characters, unicode, injection strings.</summary>
    public string Noise(int maxLength = 40)
    {
        int length = Between(0, maxLength);
        var text = new StringBuilder();
        while (text.Length < length)
        {
            text.Append(Pick(0, 1, 2, 3, 4, 5) switch
            {
                0 => From(LowerLetters + LowerLetters.ToUpperInvariant(), Between(1, 6)),
                1 => From(Digits, Between(1, 3)),
                2 => From(Punctuation, 1),
                3 => Pick(Controls),
                4 => Pick(Unicode),
                _ => Pick(Injections),
            });
        }

        return text.ToString();
    }

    /// <summary>Text far beyond any limit (up to 70,000 characters), of one repeated piece.</summary>
    public string VeryLong() => string.Concat(Enumerable.Repeat(Pick("a", "é", "-", " ", "ab.", "\U0001F600"), Between(300, 35_000)));

    /// <summary>A blank value: empty or only white space.</summary>
    public string Blank() => Pick("", " ", "\t", "  \n ", "\u00A0", "\u3000");

    /// <summary>Surrounds a value with white space and changes the case of some ASCII letters: what a person might type.</summary>
    public string AsTyped(string value)
    {
        string cased = new(value.Select(c => c is >= 'a' and <= 'z' && Chance(0.2) ? char.ToUpperInvariant(c) : c).ToArray());
        return Chance(0.2) ? Pick(" ", "\t", "  ") + cased + Pick("", " ", "\n") : cased;
    }

    /// <summary>A character inserted at a random place.</summary>
    public string Insert(string value, string piece)
    {
        int at = Between(0, value.Length);
        return value.Substring(0, at) + piece + value.Substring(at);
    }

    /// <summary>One character that breaks a name: punctuation, a control character or non-ASCII.</summary>
    public string Breaker() => Pick(0, 1, 2) switch
    {
        0 => From("-.@!#$%&*()[]{}<>?=+~|\"'`\\/;:, ", 1),
        1 => Pick(Controls),
        _ => Pick(Unicode),
    };

    public string UserName() => Pick(0, 1, 1, 1, 2, 2, 2, 3) switch
    {
        0 => Chance(0.5) ? Noise(20) : VeryLong(),
        1 or 2 => AsTyped(Chance(0.7) ? ValidUserNameShape() : BrokenUserName()),
        _ => AsTyped(ReservedUserName()),
    };

    /// <summary>Letters, digits and underscores starting with a letter, 1–16 characters (reserved ones may come up too).</summary>
    public string ValidUserNameShape() => From(LowerLetters, 1) + From(LowerLetters + Digits + "_", Between(0, 15));

    public string Domain() => Pick(0, 1, 1, 1, 2, 2, 2) switch
    {
        0 => Chance(0.5) ? Noise(40) : VeryLong(),
        1 or 2 when Chance(0.6) => AsTyped(ValidDomainShape()) + (Chance(0.1) ? "." : ""),
        _ => BrokenDomain(),
    };

    /// <summary>Two to four labels of letters, digits and inner hyphens, with a top-level label that exists in shape.</summary>
    public string ValidDomainShape()
    {
        var labels = new List<string>();
        for (int n = Between(1, 3); n > 0; n--)
        {
            labels.Add(Label(Between(1, Chance(0.05) ? 63 : 16)));
        }

        labels.Add(Pick(TopLabels));
        return string.Join(".", labels);
    }

    public string Reason() => Pick(0, 1, 2, 3, 4, 5) switch
    {
        0 => Blank(),
        1 => "Non-payment of invoice #" + Between(1, 99999).ToString(CultureInfo.InvariantCulture) + Pick("", " (\"final\" notice)", " – überfällig", " 请付款", " \U0001F4B8", " O'Brien's plan"),
        2 => Noise(80),
        3 => Pick(new string('x', 1000), new string('x', 1001), " " + new string('y', 1000) + " ", VeryLong()),
        4 => Insert("Suspended for abuse", Pick(Controls.Concat(new[] { "\u2028", "\u2029", "\uD800", "\uDC00" }).ToArray())),
        _ => Pick(Injections) + " " + Pick(Unicode),
    };

    public string? ContactEmail() => Pick(0, 1, 2, 3, 4) switch
    {
        0 => null,
        1 => From(LowerLetters, Between(1, 10)) + "@" + ValidDomainShape(),
        2 => Insert(From(LowerLetters, 5) + "@example.com", Breaker()),
        3 => Pick("@example.com", "alice@", "a@b@c.com", "no-at-sign", new string('a', 250) + "@example.com", Blank()),
        _ => Noise(30),
    };

    private string Label(int length)
    {
        if (length == 1)
        {
            return From(LowerLetters + Digits, 1);
        }

        string inner = From(LowerLetters + Digits + "-", length - 2);
        return From(LowerLetters + Digits, 1) + inner + From(LowerLetters + Digits, 1);
    }

    private string BrokenUserName()
    {
        string name = ValidUserNameShape();
        return Pick(0, 1, 2, 3, 4, 5) switch
        {
            0 => From(Digits, 1) + name,
            1 => Insert(name, Breaker()),
            2 => name + From(LowerLetters + Digits, Between(17 - name.Length, 30)),
            3 => From(Digits + "_", Between(1, 8)),
            4 => Insert(name, Pick("\u212A", "\u0130", "\uFF10", "\n")),
            _ => "",
        };
    }

    private string ReservedUserName() => Pick(0, 1, 2) switch
    {
        0 => Pick(CpanelRulesOracle.ReservedNames.ToArray()),
        1 => Pick(CpanelRulesOracle.ReservedUserNamePrefixes) + From(LowerLetters, Between(0, 6)),
        _ => From(LowerLetters, Between(1, 8)) + Pick(CpanelRulesOracle.ReservedUserNameSuffixes),
    };

    private string BrokenDomain()
    {
        string domain = ValidDomainShape();
        int dot = domain.IndexOf('.');
        return Pick(Enumerable.Range(0, 16).ToArray()) switch
        {
            0 => "-" + domain,
            1 => domain.Insert(dot, "-"),
            2 => domain.Insert(dot, "."),
            3 => Label(Between(64, 70)) + "." + domain,
            4 => string.Join(".", Enumerable.Repeat(Label(60), 5)) + "." + domain,
            5 => Insert(domain, Breaker()),
            6 => domain.Insert(dot, Pick("\n", "\r", "\t", "\0")),
            7 => domain + Pick("\n.", ".\n.", "\u0085."),
            8 => Pick("192.0.2.50", "10.0.0.1", "::1", "2001:db8::1", "1.2", "0x7f.1", "[2001:db8::1]"),
            9 => Label(Between(1, 12)),
            10 => Label(Between(1, 12)) + "." + Pick(CpanelRulesOracle.ReservedTopLabels),
            11 => Pick("", "shop.", "www.sub.") + Pick("cpanel.net", "cpanel.com"),
            12 => "www." + domain,
            13 => Label(Between(1, 12)) + "." + Pick("123", "0", "ab-cd", "xn--", "c_m"),
            14 => Insert(domain, Pick("\u212A", "\u0130", "ü", "\uFF0E")),
            _ => Pick(Injections) + "." + Pick(TopLabels),
        };
    }
}
