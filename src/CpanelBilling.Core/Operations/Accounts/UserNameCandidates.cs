using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using CpanelBilling.Core.Operations.Accounts.Validation;

namespace CpanelBilling.Core.Operations.Accounts;

/// <summary>
/// User names to try for a new account, derived from its domain the way billing systems do: the first label's
/// letters and digits, at most 8 characters (so the name is its own database prefix and the first-8 rule is met
/// by construction), then the same shortened with a digit, then with a random tail. Every candidate starts with
/// the same <see cref="SharedStart"/>, so one server listing answers for all of them.
/// </summary>
internal sealed class UserNameCandidates
{
    public const int Length = CpanelUserName.UniquePrefixLength;
    private const int RandomCandidates = 5;
    private const int RandomTailLength = 4;
    private const string RandomAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    private readonly string stem;

    public UserNameCandidates(string domain)
    {
        stem = Stem(domain);
        SharedStart = stem.Substring(0, Math.Min(stem.Length, Length - RandomTailLength));
    }

    /// <summary>The start every candidate has.</summary>
    public string SharedStart { get; }

    /// <summary>The candidates in order of preference; only names cPanel accepts, always some with a random tail.</summary>
    public IEnumerable<string> All()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string derived in Derived().Where(candidate => Usable(candidate, seen)))
        {
            yield return derived;
        }

        // A random tail can itself make a refused name ("cpan" + "el.." starts with the reserved "cpanel"), so tails
        // are drawn until enough usable ones came out (within a bound, as a refused start refuses every tail).
        using RandomNumberGenerator generator = RandomNumberGenerator.Create();
        for (int usable = 0, drawn = 0; usable < RandomCandidates && drawn < RandomCandidates * 20; drawn++)
        {
            string random = SharedStart + RandomTail(generator);
            if (Usable(random, seen))
            {
                usable++;
                yield return random;
            }
        }
    }

    /// <summary>The stem itself, then the stem shortened with a digit.</summary>
    private IEnumerable<string> Derived()
    {
        yield return Take(stem, Length);
        for (int digit = 1; digit <= 9; digit++)
        {
            yield return Take(stem, Length - 1) + digit.ToString(CultureInfo.InvariantCulture);
        }
    }

    private static bool Usable(string candidate, HashSet<string> seen) => CpanelUserName.Problem(candidate) == null && seen.Add(candidate);

    // Letters and digits of the first label, starting with a letter; cPanel's reserved "test" start is dropped.
    private static string Stem(string domain)
    {
        string label = domain.Split('.')[0];
        string letters = new string(label.Where(c => (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')).ToArray()).TrimStart("0123456789".ToCharArray());
        while (letters.StartsWith("test", StringComparison.Ordinal))
        {
            letters = letters.Substring(4).TrimStart("0123456789".ToCharArray());
        }

        return letters.Length == 0 ? "site" : letters;
    }

    private static string Take(string text, int length) => text.Length > length ? text.Substring(0, length) : text;

    private static string RandomTail(RandomNumberGenerator generator)
    {
        var tail = new StringBuilder(RandomTailLength);
        byte[] buffer = new byte[1];
        int limit = 256 - (256 % RandomAlphabet.Length);
        while (tail.Length < RandomTailLength)
        {
            generator.GetBytes(buffer);
            if (buffer[0] < limit)
            {
                tail.Append(RandomAlphabet[buffer[0] % RandomAlphabet.Length]);
            }
        }

        return tail.ToString();
    }
}
