using System.Collections.Generic;
using System.Text;

namespace CpanelBilling.Core.Billing;

/// <summary>
/// A name as PowerShell users give one: exact, or a wildcard pattern (<c>*</c> any run of characters, <c>?</c> one
/// character, <c>[abc]</c> or <c>[a-c]</c> one of a set, a backtick makes the next character literal), compared
/// without regard to case. User names and domains are stored in lower case, so an exact name is looked up as its
/// lower-case form; a pattern is handed to the database as a LIKE pattern (<see cref="ToLike"/>) that matches at
/// least what the pattern matches, and <see cref="IsMatch"/> then decides exactly.
/// </summary>
internal sealed class NamePattern
{
    /// <summary>The escape character of every LIKE pattern built here (<c>LIKE @p ESCAPE '\'</c>).</summary>
    public const char LikeEscape = '\\';

    private readonly IReadOnlyList<Element> elements;

    private NamePattern(string text, IReadOnlyList<Element> elements, string? exact)
    {
        Text = text;
        this.elements = elements;
        Exact = exact;
    }

    /// <summary>The pattern as given.</summary>
    public string Text { get; }

    /// <summary>The name in lower case when the text has no wildcard (escapes removed); otherwise null.</summary>
    public string? Exact { get; }

    public bool IsExact => Exact != null;

    /// <summary>Parses <paramref name="text"/>; an unclosed or empty <c>[</c> set is an invalid value.</summary>
    public static NamePattern Parse(string text, string what)
    {
        var elements = new List<Element>();
        var literal = new StringBuilder();
        bool exact = true;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '`' && i + 1 < text.Length)
            {
                char next = char.ToLowerInvariant(text[++i]);
                elements.Add(Element.Literal(next));
                literal.Append(next);
            }
            else if (c == '*' || c == '?')
            {
                elements.Add(c == '*' ? Element.AnyRun : Element.AnyOne);
                exact = false;
            }
            else if (c == '[')
            {
                i = ParseSet(text, i, what, out Element set);
                elements.Add(set);
                exact = false;
            }
            else
            {
                char lower = char.ToLowerInvariant(c);
                elements.Add(Element.Literal(lower));
                literal.Append(lower);
            }
        }

        return new NamePattern(text, elements, exact ? literal.ToString() : null);
    }

    /// <summary>Escapes the LIKE wildcards (and <c>[</c>, a set on SQL Server) in a literal, for use with <see cref="LikeEscape"/>.</summary>
    public static string EscapeLike(string literal)
    {
        var escaped = new StringBuilder(literal.Length + 4);
        foreach (char c in literal)
        {
            AppendLikeLiteral(escaped, c);
        }

        return escaped.ToString();
    }

    /// <summary>
    /// A LIKE pattern (lower case, escaped with <see cref="LikeEscape"/>) matching every name this pattern matches:
    /// <c>*</c> becomes <c>%</c>, <c>?</c> and a set become <c>_</c> (one character; SQLite has no sets).
    /// </summary>
    public string ToLike()
    {
        var like = new StringBuilder(Text.Length + 4);
        foreach (Element element in elements)
        {
            switch (element.Kind)
            {
                case ElementKind.AnyRun:
                    like.Append('%');
                    break;
                case ElementKind.AnyOne:
                case ElementKind.Set:
                    like.Append('_');
                    break;
                default:
                    AppendLikeLiteral(like, element.Character);
                    break;
            }
        }

        return like.ToString();
    }

    public bool IsMatch(string value) => Matches(value.ToLowerInvariant());

    private static void AppendLikeLiteral(StringBuilder like, char c)
    {
        if (c == '%' || c == '_' || c == '[' || c == LikeEscape)
        {
            like.Append(LikeEscape);
        }

        like.Append(c);
    }

    private static int ParseSet(string text, int open, string what, out Element set)
    {
        var members = new List<(char From, char To)>();
        int i = open + 1;
        while (i < text.Length && text[i] != ']')
        {
            char from = text[i] == '`' && i + 1 < text.Length ? text[++i] : text[i];
            char to = from;
            if (i + 2 < text.Length && text[i + 1] == '-' && text[i + 2] != ']')
            {
                i += 2;
                to = text[i] == '`' && i + 1 < text.Length ? text[++i] : text[i];
            }

            members.Add((char.ToLowerInvariant(from), char.ToLowerInvariant(to)));
            i++;
        }

        if (i >= text.Length || members.Count == 0)
        {
            throw new BillingInvalidValueException(
                $"The {what} pattern '{text}' has a '[' without a closing ']' or with nothing between them. Put a backtick before a literal '['.", what);
        }

        set = Element.OneOf(members);
        return i;
    }

    // The classic one-pass glob match: on a mismatch, go back to the last '*' and let it take one more character.
    // Linear in practice and never exponential, whatever the pattern.
    private bool Matches(string value)
    {
        int at = 0;
        int element = 0;
        int lastRun = -1;
        int lastRunAt = 0;
        while (at < value.Length)
        {
            if (element < elements.Count && elements[element].Kind == ElementKind.AnyRun)
            {
                lastRun = element++;
                lastRunAt = at;
            }
            else if (element < elements.Count && elements[element].MatchesOne(value[at]))
            {
                at++;
                element++;
            }
            else if (lastRun >= 0)
            {
                element = lastRun + 1;
                at = ++lastRunAt;
            }
            else
            {
                return false;
            }
        }

        while (element < elements.Count && elements[element].Kind == ElementKind.AnyRun)
        {
            element++;
        }

        return element == elements.Count;
    }

    private enum ElementKind
    {
        Literal,
        AnyOne,
        AnyRun,
        Set,
    }

    private readonly struct Element
    {
        private readonly IReadOnlyList<(char From, char To)>? members;

        private Element(ElementKind kind, char character, IReadOnlyList<(char From, char To)>? members)
        {
            Kind = kind;
            Character = character;
            this.members = members;
        }

        public static Element AnyOne => new(ElementKind.AnyOne, '\0', null);

        public static Element AnyRun => new(ElementKind.AnyRun, '\0', null);

        public ElementKind Kind { get; }

        public char Character { get; }

        public static Element Literal(char c) => new(ElementKind.Literal, c, null);

        public static Element OneOf(IReadOnlyList<(char From, char To)> members) => new(ElementKind.Set, '\0', members);

        public bool MatchesOne(char c)
        {
            switch (Kind)
            {
                case ElementKind.AnyOne:
                    return true;
                case ElementKind.Literal:
                    return c == Character;
                default:
                    foreach ((char from, char to) in members!)
                    {
                        if (c >= from && c <= to)
                        {
                            return true;
                        }
                    }

                    return false;
            }
        }
    }
}
