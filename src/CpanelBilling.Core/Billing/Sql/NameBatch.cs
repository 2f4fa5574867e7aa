using System.Collections.Generic;
using System.Globalization;

namespace CpanelBilling.Core.Billing.Sql;

/// <summary>The exact names and LIKE patterns of a <see cref="NameFilter"/> that one statement compares a column with.</summary>
internal sealed class NameBatch
{
    public NameBatch(IReadOnlyList<string> exactNames, IReadOnlyList<string> likePatterns)
    {
        ExactNames = exactNames;
        LikePatterns = likePatterns;
    }

    public IReadOnlyList<string> ExactNames { get; }

    public IReadOnlyList<string> LikePatterns { get; }

    /// <summary>Binds <c>{exactPrefix}0…</c> and <c>{likePrefix}0…</c> as the statement shape numbered them.</summary>
    public void Bind(BillingCommand command, string exactPrefix, string likePrefix)
    {
        for (int i = 0; i < ExactNames.Count; i++)
        {
            command.With(exactPrefix + i.ToString(CultureInfo.InvariantCulture), ExactNames[i]);
        }

        for (int i = 0; i < LikePatterns.Count; i++)
        {
            command.With(likePrefix + i.ToString(CultureInfo.InvariantCulture), LikePatterns[i]);
        }
    }
}
