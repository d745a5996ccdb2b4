using GenreNotebooks.Spectral;
using Xunit.Abstractions;

namespace GenreNotebooks.Tests.Spectral;

public class OnsetStrengthTests(ITestOutputHelper output)
{
    public static TheoryData<string> Names => new(FeatureReference.All);

    // Onset strength is a mean of dB differences; in near-silent bands the dB values sit on the top_db floor
    // and float32 rounding of the mel power moves them by ~1e-5 dB, so relative errors are taken against
    // max(|ref|, 1e-3) (values are O(0.1..10)).
    [Theory]
    [MemberData(nameof(Names))]
    public void Onset_strength_matches_librosa_within_1e_4(string name)
    {
        var (_, power) = FeatureReference.Spectra(FeatureReference.Load(name));
        var db = Decibels.PowerToDb(MelSpectrogram.FromPower(power, new MelOptions()));
        var env = OnsetStrength.FromMelDb(db).Select(v => (double)v).ToArray();
        double max = FeatureReference.MaxRelative(env, FeatureReference.Vector(name + ".onset_strength.csv"), 1e-3);
        output.WriteLine($"{name}: onset strength max rel {max:E2}");
        Assert.True(max < FeatureReference.FrameTolerance(name, "onset_strength"), $"max rel {max}");
    }

    [Fact]
    public void Onset_is_the_positive_band_increase_shifted_by_three_frames()
    {
        // Two bands, a step up at frame 5 in band 0 and a step down in band 1.
        var db = new FloatMatrix(2, 10);
        for (int t = 5; t < 10; t++) { db[0, t] = 4f; db[1, t] = -4f; }
        var mean = OnsetStrength.FromMelDb(db);
        var median = OnsetStrength.FromMelDb(db, OnsetAggregate.Median);
        Assert.Equal(10, mean.Length);
        Assert.Equal(2f, mean[5 + 2]);   // increase S[5]-S[4] lands at frame 5 - 1 + 3
        Assert.Equal(0f, mean[6 + 2]);
        Assert.Equal(2f, median[7]);     // median of {4, 0} over two bands
        Assert.Equal(0f, mean[0]);
        Assert.Throws<ArgumentOutOfRangeException>(() => OnsetStrength.FromMelDb(db, lag: 0));
    }
}
