using GenreNotebooks.Exploration;
using GenreNotebooks.Features;
using Xunit.Abstractions;

namespace GenreNotebooks.Tests.Exploration;

public class KdeTests(ITestOutputHelper output)
{
    public static TheoryData<string> Cases => new() { "bimodal-60", "tempo-like-25", "skewed-200" };

    private static System.Text.Json.JsonElement Case(string name) =>
        ScipyReference.Root.GetProperty("kde").EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Density_matches_scipy_gaussian_kde_within_1e_12_of_the_peak(string name)
    {
        var c = Case(name);
        var samples = c.GetProperty("samples").Vector();
        var kde = new GaussianKde(samples);
        Assert.Equal(c.Number("scott_factor"), kde.Factor, 1e-14);
        Assert.True(Math.Abs(kde.Bandwidth - c.Number("bandwidth")) <= 1e-12 * c.Number("bandwidth"));
        var grid = kde.Grid(points: 50);
        Assert.True(ScipyReference.MaxScaledError(grid, c.GetProperty("grid").Vector()) < 1e-12);
        var density = Kde.Evaluate(samples, c.GetProperty("grid").Vector());
        double err = ScipyReference.MaxRelativeError(density, c.GetProperty("density").Vector());
        output.WriteLine($"{name}: max |kde - scipy| / peak = {err:E2}");
        Assert.True(err < 1e-12);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Silverman_rule_matches_scipy_within_1e_12_of_the_peak(string name)
    {
        var c = Case(name);
        var kde = new GaussianKde(c.GetProperty("samples").Vector(), KdeBandwidthRule.Silverman);
        Assert.Equal(c.Number("silverman_factor"), kde.Factor, 1e-14);
        var density = kde.Evaluate(c.GetProperty("grid").Vector());
        Assert.True(ScipyReference.MaxRelativeError(density, c.GetProperty("density_silverman").Vector()) < 1e-12);
    }

    [Fact]
    public void One_point_with_a_fixed_bandwidth_is_the_normal_pdf()
    {
        var kde = new GaussianKde([2.0], bandwidth: 0.5);
        foreach (var x in new[] { -1.0, 1.5, 2.0, 2.25, 4.0 })
        {
            double z = (x - 2.0) / 0.5;
            double pdf = Math.Exp(-0.5 * z * z) / (0.5 * Math.Sqrt(2 * Math.PI));
            Assert.Equal(pdf, kde.Evaluate(x), 1e-15);
        }
    }

    [Fact]
    public void Bandwidth_is_scott_factor_times_sample_std_with_ddof_1()
    {
        double[] x = [1, 2, 3, 4, 10];
        var kde = new GaussianKde(x);
        double mean = x.Average();
        double std = Math.Sqrt(x.Sum(v => (v - mean) * (v - mean)) / (x.Length - 1));
        Assert.Equal(Math.Pow(5, -0.2), kde.Factor, 1e-15);
        Assert.Equal(Math.Pow(5, -0.2) * std, kde.Bandwidth, 1e-14);
        Assert.Equal(2 * kde.Bandwidth, new GaussianKde(x, adjust: 2).Bandwidth, 1e-14);
    }

    [Fact]
    public void Density_integrates_to_one_on_the_seaborn_grid()
    {
        double[] x = [0.1, 0.4, 0.5, 2.0, 2.2, 5.0, 5.1];
        var kde = new GaussianKde(x);
        var grid = kde.Grid(points: 2000);
        Assert.Equal(x.Min() - 3 * kde.Bandwidth, grid[0], 1e-12);
        Assert.Equal(x.Max() + 3 * kde.Bandwidth, grid[^1], 1e-12);
        var d = kde.Evaluate(grid);
        double area = 0;
        for (int i = 1; i < grid.Length; i++) area += 0.5 * (d[i] + d[i - 1]) * (grid[i] - grid[i - 1]);
        Assert.InRange(area, 0.995, 1.0);  // cut = 3 bandwidths leaves ~0.27% in the tails
    }

    [Fact]
    public void Per_genre_curves_with_common_norm_share_one_unit_of_area()
    {
        var b = new FeatureTableBuilder(["tempo"]);
        var rng = new Random(5);
        for (int i = 0; i < 30; i++) b.Add($"disco.{i:00000}.wav", 1, "disco", [120 + 3 * rng.NextDouble()]);
        for (int i = 0; i < 10; i++) b.Add($"pop.{i:00000}.wav", 1, "pop", [100 + 20 * rng.NextDouble()]);
        b.Add("solo.00000.wav", 1, "solo", [90]);                    // one row: skipped, as seaborn does
        var t = b.Build();
        var curves = Kde.ByGenre(t, "tempo", points: 1000);
        Assert.Equal(["disco", "pop"], curves.Select(c => c.Genre));
        double Area(GenreDensity g) => Enumerable.Range(1, g.Grid.Length - 1).Sum(i => 0.5 * (g.Density[i] + g.Density[i - 1]) * (g.Grid[i] - g.Grid[i - 1]));
        Assert.InRange(Area(curves[0]) / (30.0 / 41), 0.995, 1.0);   // the cut = 3 grid leaves a little in the tails
        Assert.InRange(Area(curves[1]) / (10.0 / 41), 0.995, 1.0);
        var own = Kde.ByGenre(t, "tempo", points: 1000, commonNorm: false);
        Assert.InRange(Area(own[1]), 0.995, 1.0);
    }

    [Fact]
    public void Degenerate_inputs_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => new GaussianKde(ReadOnlySpan<double>.Empty));
        Assert.Throws<ArgumentException>(() => new GaussianKde([1.0]));
        Assert.Throws<ArgumentException>(() => new GaussianKde([3.0, 3.0, 3.0]));
        Assert.Throws<ArgumentException>(() => new GaussianKde([1.0, double.NaN]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new GaussianKde([1.0, 2.0], adjust: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Kde.Linspace(0, 1, 1));
    }
}
