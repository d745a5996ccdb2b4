using GenreNotebooks.Exploration;
using GenreNotebooks.Features;
using Xunit.Abstractions;

namespace GenreNotebooks.Tests.Exploration;

public class CorrelationTests(ITestOutputHelper output)
{
    [Fact]
    public void Matrix_matches_numpy_corrcoef_within_1e_14()
    {
        var c = ScipyReference.Root.GetProperty("corrcoef");
        var data = c.GetProperty("data").Matrix();
        var expected = c.GetProperty("r").Matrix();
        int d = data[0].Length;
        var variables = Enumerable.Range(0, d).Select(j => data.Select(r => r[j]).ToArray()).ToArray();
        var r = Correlation.PearsonMatrix(variables);
        double worst = 0;
        for (int i = 0; i < d; i++)
            for (int j = 0; j < d; j++) worst = Math.Max(worst, Math.Abs(r[i, j] - expected[i][j]));
        output.WriteLine($"max |r - np.corrcoef| = {worst:E2}");
        for (int i = 0; i < d; i++)
            for (int j = 0; j < d; j++)
                Assert.True(Math.Abs(r[i, j] - expected[i][j]) < 1e-14, $"({i},{j}): {r[i, j]} vs {expected[i][j]}");
    }

    [Fact]
    public void Table_correlation_is_symmetric_with_unit_diagonal_and_exact_for_linear_relations()
    {
        double[] x = [1, 2, 4, 7, 11];
        var t = new FeatureTable(["x", "up", "down", "other"],
            [x, x.Select(v => 3 * v + 2).ToArray(), x.Select(v => -0.5 * v).ToArray(), [2, 1, 2, 1, 2]],
            ["a.wav", "b.wav", "c.wav", "d.wav", "e.wav"], ["p", "p", "q", "q", "q"]);
        var r = Correlation.Pearson(t);
        Assert.Equal(1.0, r["x", "up"], 1e-15);
        Assert.Equal(-1.0, r["x", "down"], 1e-15);
        for (int i = 0; i < 4; i++)
        {
            Assert.Equal(1.0, r[i, i], 1e-15);
            for (int j = 0; j < 4; j++) Assert.Equal(r[i, j], r[j, i]);
        }
        Assert.Equal(Correlation.Pearson(x, [2, 1, 2, 1, 2]), r["x", "other"], 1e-15);
        Assert.Equal(["x", "other"], Correlation.Pearson(t, ["x", "other"]).Names);
    }

    [Fact]
    public void Constant_column_gives_nan_and_bad_shapes_throw()
    {
        var r = Correlation.PearsonMatrix([[1.0, 2.0, 3.0], [4.0, 4.0, 4.0]]);
        Assert.True(double.IsNaN(r[0, 1]));
        Assert.Throws<ArgumentException>(() => Correlation.PearsonMatrix([[1.0, 2.0], [1.0]]));
        Assert.Throws<ArgumentException>(() => Correlation.Pearson([1.0, 2.0], [1.0]));
        Assert.Throws<KeyNotFoundException>(() => r["x0", "nope"]);
    }

    [Fact]
    public void Pairs_at_least_a_threshold_are_upper_triangle_and_strongest_first()
    {
        var r = new CorrelationMatrix(["a", "b", "c"], new double[,] { { 1, 0.85, -0.9 }, { 0.85, 1, 0.2 }, { -0.9, 0.2, 1 } });
        var pairs = r.PairsAtLeast(0.8);
        Assert.Equal(2, pairs.Count);
        Assert.Equal(("a", "c", -0.9), (pairs[0].First, pairs[0].Second, pairs[0].R));
        Assert.Equal(("a", "b"), (pairs[1].First, pairs[1].Second));
    }
}
