using GenreNotebooks.Spectral;
using Xunit.Abstractions;

namespace GenreNotebooks.Tests.Spectral;

public class ChromaTests(ITestOutputHelper output)
{
    [Fact]
    public void Filterbank_matches_librosa_filters_chroma_within_1e_6()
    {
        var expected = FeatureReference.Matrix("chroma_filterbank_sr22050_nfft2048.csv");
        var fb = Chroma.Filterbank(22050, 2048);
        Assert.Equal(12, fb.Rows);
        Assert.Equal(1025, fb.Cols);
        double maxAbs = 0;
        for (int c = 0; c < 12; c++)
            for (int k = 0; k < 1025; k++)
                maxAbs = Math.Max(maxAbs, Math.Abs(fb[c, k] - expected[c][k]) / Math.Max(1.0, Math.Abs(expected[c][k])));
        output.WriteLine($"filterbank max abs diff {maxAbs:E2}");
        Assert.True(maxAbs < 1e-6, $"max diff {maxAbs}");
    }

    // Chroma values span 1 down to ~1e-5 in the reference; below 1e-6 the CSV's 9 significant digits and float32
    // rounding dominate, so the relative error is taken against max(|ref|, 1e-6).
    [Theory]
    [InlineData("chirp-3s")]
    [InlineData("noise-silence-square-3s")]
    [InlineData("tone-chord-clicks-30s")]
    [InlineData("stereo-44k-3s")]
    public void Chroma_stft_matches_librosa_within_1e_4(string name)
    {
        var (_, power) = FeatureReference.Spectra(FeatureReference.Load(name));
        var chroma = Chroma.FromPower(power);
        var expected = FeatureReference.Matrix(name + ".chroma_stft.csv");
        Assert.Equal(expected.Length, chroma.Rows);
        double max = 0;
        for (int c = 0; c < 12; c++)
            max = Math.Max(max, FeatureReference.MaxRelative(chroma.Row(c).ToArray().Select(v => (double)v).ToArray(), expected[c], 1e-6));
        output.WriteLine($"{name}: chroma max rel {max:E2}, tuning {Tuning.Estimate(power)}");
        Assert.True(max < 1e-4, $"max rel {max}");
    }

    [Fact]
    public void Pitch_tuning_finds_a_known_deviation()
    {
        // 440 Hz sharpened by 0.2 of a semitone, plus a few exact-pitch outliers: the histogram peak is the 0.2 bin.
        var f = Enumerable.Repeat((float)(440 * Math.Pow(2, 0.2 / 12)), 20).Concat([440f, 220f, 0f, -5f]).ToArray();
        Assert.Equal(0.2, Tuning.PitchTuning(f), 9);
        Assert.Equal(0.0, Tuning.PitchTuning(new float[] { 0f, -1f }));
    }

    [Fact]
    public void Silent_frames_stay_zero_and_bad_sizes_are_rejected()
    {
        var chroma = Chroma.FromPower(new FloatMatrix(1025, 4));
        Assert.All(chroma.Data, v => Assert.Equal(0f, v));
        Assert.Throws<ArgumentOutOfRangeException>(() => Chroma.Filterbank(22050, 1));
        Assert.Throws<ArgumentException>(() => Chroma.FromPower(new FloatMatrix(1, 3)));
    }
}
