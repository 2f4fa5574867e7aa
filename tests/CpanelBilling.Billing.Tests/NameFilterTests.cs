using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CpanelBilling.Core.Billing.Sql;
using Xunit;

namespace CpanelBilling.Billing.Tests;

/// <summary>A name list split into statements that each stay well inside SQL Server's 2,100 parameters.</summary>
public sealed class NameFilterTests
{
    [Theory]
    [InlineData(1, new[] { 1 })]
    [InlineData(500, new[] { 500 })]
    [InlineData(501, new[] { 500, 1 })]
    [InlineData(1000, new[] { 500, 500 })]
    [InlineData(1001, new[] { 500, 500, 1 })]
    public void A_list_goes_out_in_batches_of_at_most_500_names(int count, int[] batchSizes)
    {
        NameFilter filter = NameFilter.Of(Names(count), "user name");

        Assert.Equal(batchSizes, filter.Batches.Select(b => b.ExactNames.Count + b.LikePatterns.Count));
    }

    [Fact]
    public void Every_distinct_name_is_sent_once_exact_names_first_in_the_order_given()
    {
        var names = new List<string> { "P*" };
        names.AddRange(Names(499));
        names.AddRange(new[] { "USER0", "late", "q?", "p*" });

        NameFilter filter = NameFilter.Of(names, "user name");

        Assert.Equal(2, filter.Batches.Count);
        Assert.Equal(Names(499).Select(n => n.ToLowerInvariant()).Append("late"), filter.Batches[0].ExactNames);
        Assert.Empty(filter.Batches[0].LikePatterns);
        Assert.Empty(filter.Batches[1].ExactNames);
        Assert.Equal(new[] { "p%", "q_" }, filter.Batches[1].LikePatterns);
    }

    [Fact]
    public void No_names_is_one_statement_without_a_name_condition_that_matches_everything()
    {
        NameFilter filter = NameFilter.Of(null, "user name");

        NameBatch only = Assert.Single(filter.Batches);
        Assert.Empty(only.ExactNames);
        Assert.Empty(only.LikePatterns);
        Assert.True(filter.IsMatch("anyone"));
    }

    [Fact]
    public void A_row_is_decided_by_every_name_of_the_list_whichever_batch_read_it()
    {
        var names = Names(700);
        names.Add("[x-z]ed");

        NameFilter filter = NameFilter.Of(names, "user name");

        Assert.True(filter.IsMatch("USER650"));
        Assert.True(filter.IsMatch("Zed"));
        Assert.False(filter.IsMatch("wed"));
        Assert.False(filter.IsMatch("user700"));
    }

    private static List<string> Names(int count) =>
        Enumerable.Range(0, count).Select(i => "USER" + i.ToString(CultureInfo.InvariantCulture)).ToList();
}
