using System;
using System.Globalization;

namespace CpanelBilling.Testing.Fuzzing;

/// <summary>
/// The seed of the fuzz tests: a fixed default, so every run checks the same cases, overridden by the environment
/// variable <c>CPBILLING_FUZZ_SEED</c> to explore others or replay a failure. Each case has its own generator made
/// from the seed and the case's number, so a case does not depend on how many values earlier cases drew.
/// </summary>
public static class FuzzSeed
{
    public const string SeedVariable = "CPBILLING_FUZZ_SEED";

    /// <summary>Runs more cases than the default (never fewer), e.g. for a long run on a spare machine.</summary>
    public const string CasesVariable = "CPBILLING_FUZZ_CASES";

    public const int DefaultSeed = 20_240_615;

    public static int Value => Read(SeedVariable, int.MinValue) ?? DefaultSeed;

    public static int Cases(int atLeast) => Math.Max(atLeast, Read(CasesVariable, 1) ?? atLeast);

    /// <summary>How a failure message names the run, so it can be replayed.</summary>
    public static string Describe(int seed) =>
        $"fuzz seed {seed.ToString(CultureInfo.InvariantCulture)} (replay with {SeedVariable}={seed.ToString(CultureInfo.InvariantCulture)})";

    /// <summary>
    /// The generator of one case. Its seed is a SplitMix64 hash of the run's seed and the case number: seeded
    /// <see cref="Random"/>s of neighbouring seeds start with nearly the same values, hashing spreads them.
    /// </summary>
    public static Random ForCase(int seed, int caseNumber)
    {
        ulong z = unchecked(((ulong)(uint)seed << 32 | (uint)caseNumber) + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return new Random(unchecked((int)(z ^ (z >> 31))));
    }

    private static int? Read(string variable, int minimum)
    {
        string? text = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value) && value >= minimum
            ? value
            : throw new InvalidOperationException($"{variable} is '{text}'; give a whole number (at least {minimum.ToString(CultureInfo.InvariantCulture)}).");
    }
}
