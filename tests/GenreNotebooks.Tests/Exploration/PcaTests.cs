using GenreNotebooks.Exploration;
using GenreNotebooks.Features;
using Xunit.Abstractions;

namespace GenreNotebooks.Tests.Exploration;

public class PcaTests(ITestOutputHelper output)
{
    public static TheoryData<string> Cases => new() { "tall-60x5", "wide-5x8" };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Pca_matches_numpy_svd_with_svd_flip_signs_within_1e_10(string name)
    {
        var c = ScipyReference.Root.GetProperty("pca").EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);
        var data = c.GetProperty("data").Matrix();
        int k = c.GetProperty("components").GetInt32();
        var pca = Pca.Fit(data, k);
        const double tol = 1e-10;
        Assert.True(ScipyReference.MaxScaledError(pca.Mean, c.GetProperty("mean").Vector()) < tol);
        Assert.True(ScipyReference.MaxScaledError(pca.SingularValues, c.GetProperty("singular_values").Vector()) < tol);
        Assert.True(ScipyReference.MaxScaledError(pca.ExplainedVariance, c.GetProperty("explained_variance").Vector()) < tol);
        Assert.True(ScipyReference.MaxScaledError(pca.ExplainedVarianceRatio, c.GetProperty("explained_variance_ratio").Vector()) < tol);
        var comps = c.GetProperty("components_rows").Matrix();
        for (int i = 0; i < k; i++)
            Assert.True(ScipyReference.MaxScaledError(pca.Components[i], comps[i]) < tol, $"component {i}");
        var proj = pca.Transform(data);
        var expected = c.GetProperty("projection").Matrix();
        output.WriteLine($"{name}: ratio err {ScipyReference.MaxScaledError(pca.ExplainedVarianceRatio, c.GetProperty("explained_variance_ratio").Vector()):E2}, " +
            $"components err {Enumerable.Range(0, k).Max(i => ScipyReference.MaxScaledError(pca.Components[i], comps[i])):E2}, " +
            $"projection err {Enumerable.Range(0, data.Length).Max(i => ScipyReference.MaxScaledError(proj[i], expected[i])):E2}");
        for (int i = 0; i < data.Length; i++)
            Assert.True(ScipyReference.MaxScaledError(proj[i], expected[i]) < tol, $"row {i}");
    }

    [Fact]
    public void Points_on_a_line_have_one_component_with_all_the_variance()
    {
        var rows = Enumerable.Range(0, 10).Select(i => new[] { i - 3.0, 2.0 * (i - 3.0) + 1 }).ToArray();
        var pca = Pca.Fit(rows, 2);
        Assert.Equal(1.0, pca.ExplainedVarianceRatio[0], 1e-12);
        Assert.Equal(0.0, pca.ExplainedVarianceRatio[1], 1e-12);
        Assert.Equal(1 / Math.Sqrt(5), pca.Components[0][0], 1e-12);
        Assert.Equal(2 / Math.Sqrt(5), pca.Components[0][1], 1e-12);      // largest entry positive
        double var = rows.Select(r => r[0]).Sum(v => (v - 1.5) * (v - 1.5)) / 9 * 5;   // var(x) + var(2x)
        Assert.Equal(var, pca.ExplainedVariance[0], 1e-10);
        var p = pca.Transform([[1.5 + 1, 2 * 1.5 + 1 + 2]]);                           // mean + (1, 2)
        Assert.Equal(Math.Sqrt(5), p[0][0], 1e-12);
    }

    [Fact]
    public void Sign_convention_makes_the_largest_entry_of_each_component_positive()
    {
        var rng = new Random(2);
        var rows = Enumerable.Range(0, 40).Select(_ => new[] { rng.NextDouble(), -3 * rng.NextDouble(), rng.NextDouble() }).ToArray();
        var pca = Pca.Fit(rows, 3);
        foreach (var comp in pca.Components)
            Assert.True(comp.MaxBy(Math.Abs) > 0);
        var flipped = Pca.Fit(rows.Select(r => r.Select(v => -v).ToArray()).ToArray(), 3);
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++) Assert.Equal(pca.Components[i][j], flipped.Components[i][j], 1e-12);
    }

    [Fact]
    public void Project2D_on_a_table_standardises_and_keeps_labels()
    {
        var b = new FeatureTableBuilder(["a", "b", "c"]);
        var rng = new Random(9);
        for (int i = 0; i < 30; i++) b.Add($"x.{i:00000}.wav", 1, i < 15 ? "rock" : "jazz", [rng.NextDouble() * 1000, rng.NextDouble(), i]);
        var t = b.Build();
        var p = Pca.Project2D(t);
        Assert.Equal(30, p.Pc1.Length);
        Assert.Equal(t.Labels, p.Labels);
        Assert.True(p.Standardised);
        // On standardised columns the total variance is d * n/(n-1).
        Assert.Equal(3 * 30 / 29.0, p.Model.TotalVariance, 1e-10);
        Assert.Equal(0.0, p.Pc1.Average(), 1e-12);
    }

    [Fact]
    public void Bad_inputs_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => Pca.Fit([new[] { 1.0, 2.0 }]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Pca.Fit([new[] { 1.0, 2.0 }, new[] { 2.0, 1.0 }], 3));
        Assert.Throws<ArgumentException>(() => Pca.Fit([new[] { 1.0, double.NaN }, new[] { 2.0, 1.0 }]));
        var pca = Pca.Fit([new[] { 1.0, 2.0 }, new[] { 2.0, 1.0 }, new[] { 0.0, 0.5 }], 1);
        Assert.Throws<ArgumentException>(() => pca.Transform([new[] { 1.0 }]));
    }
}
