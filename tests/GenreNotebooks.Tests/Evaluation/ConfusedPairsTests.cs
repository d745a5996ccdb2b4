using GenreNotebooks.Evaluation;

namespace GenreNotebooks.Tests.Evaluation;

public class ConfusedPairsTests
{
    [Fact]
    public void Pairs_count_both_directions_and_rank_by_the_share_of_the_pairs_samples()
    {
        string[] labels = ["blues", "disco", "rock"];
        // rows true, columns predicted
        var cm = new ConfusionMatrix(labels, new[,] { { 8, 1, 1 }, { 0, 6, 4 }, { 2, 3, 5 } });
        var pairs = cm.ConfusedPairs();
        Assert.Equal(3, pairs.Count);
        Assert.Equal(("disco", "rock", 7), (pairs[0].First, pairs[0].Second, pairs[0].Count));
        Assert.Equal(7 / 20.0, pairs[0].Rate, 12);
        Assert.Equal(("blues", "rock", 3), (pairs[1].First, pairs[1].Second, pairs[1].Count));
        Assert.Equal(("blues", "disco", 1), (pairs[2].First, pairs[2].Second, pairs[2].Count));
    }

    [Fact]
    public void A_perfect_matrix_has_only_zero_rate_pairs_in_label_order()
    {
        var cm = new ConfusionMatrix(["a", "b", "c"], new[,] { { 2, 0, 0 }, { 0, 2, 0 }, { 0, 0, 2 } });
        var pairs = cm.ConfusedPairs();
        Assert.All(pairs, p => Assert.Equal(0, p.Count));
        Assert.Equal(["a|b", "a|c", "b|c"], pairs.Select(p => p.First + "|" + p.Second));
    }
}
