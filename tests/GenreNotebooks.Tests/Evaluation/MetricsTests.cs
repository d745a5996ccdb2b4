using GenreNotebooks.Evaluation;

namespace GenreNotebooks.Tests.Evaluation;

public class MetricsTests
{
    [Fact]
    public void Accuracy_counts_exact_matches()
    {
        Assert.Equal(0.75, Metrics.Accuracy([0, 1, 2, 2], [0, 1, 2, 1]));
        Assert.Throws<ArgumentException>(() => Metrics.Accuracy([0], [0, 1]));
        Assert.Throws<ArgumentException>(() => Metrics.Accuracy([], []));
    }

    [Fact]
    public void Per_genre_accuracy_is_recall_with_nan_for_an_absent_genre()
    {
        var acc = Metrics.PerGenreAccuracy([0, 0, 1, 1, 1], [0, 1, 1, 1, 0], 3);
        Assert.Equal(0.5, acc[0]);
        Assert.Equal(2.0 / 3, acc[1], 12);
        Assert.True(double.IsNaN(acc[2]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Metrics.PerGenreAccuracy([0, 3], [0, 0], 3));
    }

    [Fact]
    public void Argmax_takes_the_first_maximum()
    {
        var scores = new FloatMatrix(3, 3, [0.1f, 0.7f, 0.2f, 0.4f, 0.4f, 0.2f, 0f, 0f, 1f]);
        Assert.Equal([1, 0, 2], Metrics.ArgmaxRows(scores));
    }

    [Fact]
    public void Top_k_accuracy_matches_hand_computation()
    {
        // Row 0: true 2 ranks 2nd; row 1: true 0 ranks 3rd; row 2: true 1 ranks 1st.
        var scores = new FloatMatrix(3, 3, [0.1f, 0.6f, 0.3f, 0.1f, 0.5f, 0.4f, 0.2f, 0.7f, 0.1f]);
        int[] y = [2, 0, 1];
        Assert.Equal(1.0 / 3, Metrics.TopKAccuracy(scores, y, 1), 12);
        Assert.Equal(2.0 / 3, Metrics.TopKAccuracy(scores, y, 2), 12);
        Assert.Equal(1.0, Metrics.TopKAccuracy(scores, y, 3), 12);
        Assert.Throws<ArgumentOutOfRangeException>(() => Metrics.TopKAccuracy(scores, y, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => Metrics.TopKAccuracy(scores, y, 0));
    }

    [Fact]
    public void Top_k_ties_rank_the_higher_class_index_first_as_sklearn()
    {
        var scores = new FloatMatrix(1, 3, [0.4f, 0.4f, 0.2f]);
        Assert.Equal(0.0, Metrics.TopKAccuracy(scores, [0], 1));   // class 1 wins the tie
        Assert.Equal(1.0, Metrics.TopKAccuracy(scores, [1], 1));
        Assert.Equal(1.0, Metrics.TopKAccuracy(scores, [0], 2));
    }
}
