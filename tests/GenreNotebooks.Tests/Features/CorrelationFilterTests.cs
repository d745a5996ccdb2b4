using GenreNotebooks.Features;

namespace GenreNotebooks.Tests.Features;

public class CorrelationFilterTests
{
    private static readonly string[] StudyDropped =
    [
        "spectral_bandwidth_mean", "rolloff_mean", "rolloff_var",
        "zero_crossing_rate_mean", "zero_crossing_rate_var", "harmony_var",
    ];

    private static double[] Normal(Random rng, int n)
    {
        var x = new double[n];
        for (int i = 0; i < n; i++)
            x[i] = Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
        return x;
    }

    private static double[] Mix(double a, double[] x, double b, double[] e) => x.Select((v, i) => a * v + b * e[i]).ToArray();

    /// <summary>
    /// All 57 GTZAN columns, independent noise except: centroid_mean drives bandwidth_mean, rolloff_mean and
    /// (negatively) zcr_mean (|r| ~ 0.95); centroid_var drives rolloff_var and zcr_var; rms_var drives harmony_var;
    /// rms_mean follows chroma_stft_mean at r ~ 0.6 (kept); mfcc2_mean follows mfcc1_mean and mfcc3_var follows
    /// centroid_mean (dropped only when MFCCs are examined).
    /// </summary>
    private static FeatureTable StudyLike(int n = 500, int seed = 11)
    {
        var rng = new Random(seed);
        var cols = GtzanColumns.Features.ToDictionary(c => c, _ => Normal(rng, n));
        var z1 = cols["spectral_centroid_mean"];
        cols["spectral_bandwidth_mean"] = Mix(0.95, z1, 0.3, Normal(rng, n));
        cols["rolloff_mean"] = Mix(1, z1, 0.3, Normal(rng, n));
        cols["zero_crossing_rate_mean"] = Mix(-1, z1, 0.3, Normal(rng, n));
        var z2 = cols["spectral_centroid_var"];
        cols["rolloff_var"] = Mix(1, z2, 0.3, Normal(rng, n));
        cols["zero_crossing_rate_var"] = Mix(1, z2, 0.4, Normal(rng, n));
        cols["harmony_var"] = Mix(1, cols["rms_var"], 0.3, Normal(rng, n));
        cols["rms_mean"] = Mix(0.6, cols["chroma_stft_mean"], 0.8, Normal(rng, n));
        cols["mfcc2_mean"] = Mix(1, cols["mfcc1_mean"], 0.2, Normal(rng, n));
        cols["mfcc3_var"] = Mix(1, z1, 0.2, Normal(rng, n));
        // Scale columns like real features; correlation ignores scale.
        cols["spectral_centroid_var"] = cols["spectral_centroid_var"].Select(v => 1e5 * v + 3e5).ToArray();
        cols["tempo"] = cols["tempo"].Select(v => 20 * v + 120).ToArray();
        var b = new FeatureTableBuilder();
        var labels = new[] { "blues", "rock", "pop" };
        for (int r = 0; r < n; r++)
            b.Add($"{labels[r % 3]}.{r:00000}.wav", 661794, labels[r % 3], GtzanColumns.Features.Select(c => cols[c][r]).ToArray());
        return b.Build();
    }

    [Fact]
    public void Drops_exactly_the_studys_six_over_non_mfcc_columns_at_0_8()
    {
        var result = CorrelationFilter.Fit(StudyLike());
        Assert.Equal(GtzanColumns.NonMfccFeatures, result.Columns);
        Assert.Equal(StudyDropped, result.DroppedColumns);
        Assert.Equal(11, result.Kept.Count);
        Assert.Contains("rms_mean", result.Kept);                     // r ~ 0.6 stays
    }

    [Fact]
    public void Each_drop_names_its_strongest_earlier_partner_and_r()
    {
        var result = CorrelationFilter.Fit(StudyLike());
        var why = result.Dropped.ToDictionary(d => d.Column);
        Assert.Equal("spectral_centroid_mean", why["spectral_bandwidth_mean"].Strongest.First);
        Assert.Equal("spectral_centroid_mean", why["rolloff_mean"].Strongest.First);
        Assert.Equal(2, why["rolloff_mean"].Pairs.Count);               // centroid and bandwidth
        Assert.Equal("spectral_centroid_var", why["rolloff_var"].Strongest.First);
        Assert.Equal("rms_var", why["harmony_var"].Strongest.First);
        var zcr = why["zero_crossing_rate_mean"].Strongest;
        Assert.True(zcr.R < -0.8, $"r = {zcr.R}");                      // negative correlation counts by |r|
        Assert.All(result.Dropped, d => Assert.Equal(d.Column, d.Strongest.Second));
        Assert.Equal(result.Correlation["rms_var", "harmony_var"], why["harmony_var"].Strongest.R);
    }

    [Fact]
    public void Over_all_columns_more_are_dropped_and_apply_keeps_unexamined_columns()
    {
        var t = StudyLike();
        var all = CorrelationFilter.FitAllColumns(t);
        Assert.Equal([.. StudyDropped, "mfcc2_mean", "mfcc3_var"], all.DroppedColumns);
        var reduced = CorrelationFilter.Fit(t).Apply(t);
        Assert.Equal(51, reduced.ColumnCount);
        Assert.True(reduced.HasColumn("mfcc2_mean"));
        Assert.False(reduced.HasColumn("rolloff_mean"));
    }

    [Fact]
    public void Threshold_is_inclusive()
    {
        var t = StudyLike();
        var cols = new[] { "chroma_stft_mean", "rms_mean" };
        double r = Math.Abs(CorrelationFilter.Fit(t, 0.5, cols).Correlation[0, 1]);
        Assert.Equal(["rms_mean"], CorrelationFilter.Fit(t, r, cols).DroppedColumns);
        Assert.Empty(CorrelationFilter.Fit(t, Math.BitIncrement(r), cols).DroppedColumns);
    }

    [Fact]
    public void Later_column_is_dropped_even_when_its_partner_is_dropped_too()
    {
        // a ~ b ~ c in a chain: pandas' upper-triangle recipe drops both b and c.
        var rng = new Random(3);
        var a = Normal(rng, 300);
        var b = Mix(1, a, 0.1, Normal(rng, 300));
        var c = Mix(1, b, 0.1, Normal(rng, 300));
        var t = new FeatureTable(["a", "b", "c"], [a, b, c], Enumerable.Range(0, 300).Select(i => $"x.{i:00000}.wav").ToArray(), Enumerable.Repeat("rock", 300).ToArray());
        Assert.Equal(["b", "c"], CorrelationFilter.Fit(t, 0.8, t.Columns).DroppedColumns);
    }

    [Fact]
    public void Constant_column_has_nan_correlation_and_is_kept()
    {
        var t = new FeatureTable(["a", "k"], [[1.0, 2.0, 3.0], [5.0, 5.0, 5.0]], ["x.wav", "y.wav", "z.wav"], ["a", "b", "c"]);
        var result = CorrelationFilter.Fit(t, 0.8, t.Columns);
        Assert.True(double.IsNaN(result.Correlation["a", "k"]));
        Assert.Empty(result.DroppedColumns);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Threshold_outside_0_1_is_rejected(double threshold) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => CorrelationFilter.Fit(StudyLike(30), threshold));
}
