using System;
using System.Linq;
using System.Security;
using System.Security.Cryptography;

namespace CpanelBilling.Core.Operations.Accounts;

/// <summary>
/// Makes account passwords with the operating system's cryptographic generator: 20 characters drawn uniformly from
/// lower and upper case letters, digits and symbols, with at least one of each class. That is about 120 bits,
/// well past the strength cPanel's meter asks for (65 of 100 by default). Look-alike characters (l, 1, I, O, 0)
/// and characters that break quoting (quotes, backslash, space, $, `) are left out, so the password survives being
/// read aloud or pasted into a shell. The clear text lives only in a char array that is wiped before returning.
/// </summary>
internal static class PasswordGenerator
{
    public const int Length = 20;

    private const string Lower = "abcdefghijkmnopqrstuvwxyz";
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Digits = "23456789";
    private const string Symbols = "!#%+-=@_";
    private const string Alphabet = Lower + Upper + Digits + Symbols;

    public static SecureString Generate()
    {
        char[] password = new char[Length];
        byte[] random = new byte[1];
        try
        {
            using RandomNumberGenerator generator = RandomNumberGenerator.Create();
            do
            {
                for (int i = 0; i < password.Length; i++)
                {
                    password[i] = Alphabet[UniformIndex(generator, random, Alphabet.Length)];
                }
            }
            while (!HasEveryClass(password));

            var secure = new SecureString();
            foreach (char c in password)
            {
                secure.AppendChar(c);
            }

            secure.MakeReadOnly();
            return secure;
        }
        finally
        {
            Array.Clear(password, 0, password.Length);
        }
    }

    // Rejection sampling: bytes at or above the largest multiple of the alphabet size are drawn again, so every
    // character is equally likely.
    private static int UniformIndex(RandomNumberGenerator generator, byte[] buffer, int size)
    {
        int limit = 256 - (256 % size);
        do
        {
            generator.GetBytes(buffer);
        }
        while (buffer[0] >= limit);

        return buffer[0] % size;
    }

    private static bool HasEveryClass(char[] password) =>
        password.Any(c => Lower.IndexOf(c) >= 0)
        && password.Any(c => Upper.IndexOf(c) >= 0)
        && password.Any(c => Digits.IndexOf(c) >= 0)
        && password.Any(c => Symbols.IndexOf(c) >= 0);
}
