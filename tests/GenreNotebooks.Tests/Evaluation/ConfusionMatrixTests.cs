using GenreNotebooks.Evaluation;

namespace GenreNotebooks.Tests.Evaluation;

public class ConfusionMatrixTests
{
    [Fact]
    public void Counts_have_true_classes_as_rows_in_label_order()
    {
        var m = ConfusionMatrix.Compute([0, 0, 0, 1, 1, 2], [0, 0, 1, 1, 0, 1], ["a", "b", "c"]);
        Assert.Equal(new int[,] { { 2, 1, 0 }, { 1, 1, 0 }, { 0, 1, 0 } }, m.Counts);
        Assert.Equal([3, 2, 1], m.Support);
        Assert.Equal([3, 3, 0], m.PredictedCounts);
        Assert.Equal(6, m.Total);
        Assert.Equal(0.5, m.Accuracy, 12);
    }

    [Fact]
    public void Row_normalised_rows_sum_to_one_and_an_empty_class_row_is_zero()
    {
        var m = ConfusionMatrix.Compute([0, 0, 0, 1], [0, 1, 1, 1], ["a", "b", "c"]);
        var n = m.RowNormalised();
        Assert.Equal(1.0 / 3, n[0, 0], 12);
        Assert.Equal(2.0 / 3, n[0, 1], 12);
        Assert.Equal(1.0, n[1, 1], 12);
        for (int j = 0; j < 3; j++) Assert.Equal(0.0, n[2, j]);
        var acc = m.PerClassAccuracy();
        Assert.Equal(1.0 / 3, acc[0], 12);
        Assert.Equal(1.0, acc[1], 12);
        Assert.True(double.IsNaN(acc[2]));
    }

    [Fact]
    public void Labels_default_to_class_numbers_up_to_the_largest_index()
    {
        var m = ConfusionMatrix.Compute([0, 3], [3, 3]);
        Assert.Equal(["0", "1", "2", "3"], m.Labels);
        Assert.Equal(1, m[0, 3]);
    }

    [Fact]
    public void Sum_adds_fold_matrices_and_refuses_different_labels()
    {
        var a = ConfusionMatrix.Compute([0, 1], [0, 0], ["x", "y"]);
        var b = ConfusionMatrix.Compute([1, 1], [1, 0], ["x", "y"]);
        var s = ConfusionMatrix.Sum([a, b]);
        Assert.Equal(new int[,] { { 1, 0 }, { 2, 1 } }, s.Counts);
        var other = ConfusionMatrix.Compute([0], [0], ["x", "z"]);
        Assert.Throws<ArgumentException>(() => a + other);
        Assert.Throws<ArgumentException>(() => ConfusionMatrix.Sum([]));
    }

    [Fact]
    public void Text_and_html_show_labels_and_counts()
    {
        var m = ConfusionMatrix.Compute([0, 1, 1], [0, 1, 0], ["blues", "rock"]);
        string text = m.ToString();
        Assert.Equal(
            "confusion matrix (counts: true \\ predicted)\n" +
            "true \\ pred  blues  rock\n" +
            "-----------  -----  ----\n" +
            "blues            1     0\n" +
            "rock             1     1", text);
        Assert.Contains("0.50", m.ToString(normalised: true));
        Assert.Contains("<td style=\"text-align:left\">rock</td><td style=\"text-align:right\">1</td>", m.ToHtml());
    }

    [Fact]
    public void Counts_are_copied_so_callers_cannot_change_the_matrix()
    {
        var counts = new int[,] { { 1, 0 }, { 0, 1 } };
        var m = new ConfusionMatrix(["a", "b"], counts);
        counts[0, 0] = 99;
        m.Counts[0, 1] = 99;
        Assert.Equal(1, m[0, 0]);
        Assert.Equal(0, m[0, 1]);
        Assert.Throws<ArgumentException>(() => new ConfusionMatrix(["a"], counts));
        Assert.Throws<ArgumentException>(() => new ConfusionMatrix(["a", "b"], new int[,] { { 1, -1 }, { 0, 0 } }));
    }
}
