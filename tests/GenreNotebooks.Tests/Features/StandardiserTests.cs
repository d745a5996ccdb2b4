using GenreNotebooks.Features;
using GenreNotebooks.Tests.Exploration;

namespace GenreNotebooks.Tests.Features;

public class StandardiserTests
{
    [Fact]
    public void Mean_and_population_std_match_numpy_within_1e_12()
    {
        var sim = ScipyReference.Root.GetProperty("similarity");
        var data = sim.GetProperty("data").Matrix();
        var s = Standardiser.Fit(data);
        Assert.True(ScipyReference.MaxScaledError(s.Means, sim.GetProperty("mean").Vector()) < 1e-12);
        Assert.True(ScipyReference.MaxScaledError(s.Scales, sim.GetProperty("std").Vector()) < 1e-12);
        var z = s.Transform(data);
        var expected = sim.GetProperty("standardised").Matrix();
        for (int i = 0; i < z.Length; i++)
            Assert.True(ScipyReference.MaxScaledError(z[i], expected[i]) < 1e-12, $"row {i}");
    }

    [Fact]
    public void Fits_on_training_rows_only_and_applies_their_statistics_to_other_rows()
    {
        var train = new[] { new[] { 1.0, 10.0 }, new[] { 3.0, 30.0 } };
        var s = Standardiser.Fit(train, ["a", "b"]);
        Assert.Equal([2.0, 20.0], s.Means);
        Assert.Equal([1.0, 10.0], s.Scales);                   // ddof = 0
        var test = s.Transform([new[] { 5.0, 0.0 }]);
        Assert.Equal([3.0, -2.0], test[0]);
        Assert.Equal([5.0, 0.0], s.InverseTransform(test)[0]);
        Assert.Equal(2, s.SampleCount);
    }

    [Fact]
    public void Constant_column_gets_scale_one_and_maps_to_zero()
    {
        var rows = new[] { new[] { 1.0, 0.1 }, new[] { 2.0, 0.1 }, new[] { 3.0, 0.1 } };
        var s = Standardiser.Fit(rows);
        Assert.Equal(1.0, s.Scales[1]);
        Assert.All(s.Transform(rows), r => Assert.Equal(0.0, r[1], 1e-15));   // mean of 0.1s is 0.1 + 1 ulp, as numpy
        Assert.All(s.Transform(rows), r => Assert.False(double.IsNaN(r[0])));
    }

    [Fact]
    public void Table_transform_standardises_fitted_columns_and_keeps_the_rest()
    {
        var t = new FeatureTableBuilder(["a", "b"])
            .Add("x.00000.wav", 1, "rock", [1, 5]).Add("x.00001.wav", 1, "pop", [3, 6]).Add("x.00002.wav", 1, "pop", [5, 7]).Build();
        var s = Standardiser.Fit(t.SelectRows([0, 1]), ["a"]);
        var z = s.Transform(t);
        Assert.Equal([-1.0, 1.0, 3.0], z.Column("a").ToArray());
        Assert.Equal([5.0, 6.0, 7.0], z.Column("b").ToArray());
        Assert.Equal(t.Labels, z.Labels);
        var m = s.Transform(t.ToFloatMatrix(["a"]));
        Assert.Equal(3f, m[2, 0]);
    }

    [Fact]
    public void Bad_inputs_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => Standardiser.Fit(Array.Empty<double[]>()));
        Assert.Throws<ArgumentException>(() => Standardiser.Fit([new[] { 1.0 }, new[] { 1.0, 2.0 }]));
        var s = Standardiser.Fit([new[] { 1.0, 2.0 }, new[] { 2.0, 3.0 }]);
        Assert.Throws<ArgumentException>(() => s.Transform([new[] { 1.0 }]));
        var t = new FeatureTableBuilder(["a"]).Add("x.wav", 1, "rock", [1]).Build();
        Assert.Throws<KeyNotFoundException>(() => Standardiser.Fit(t, ["nope"]));
    }
}
