using GenreNotebooks.Spectral;
using Xunit.Abstractions;

namespace GenreNotebooks.Tests.Spectral;

public class SpectralFeatureTests(ITestOutputHelper output)
{
    public static TheoryData<string> Names => new(FeatureReference.All);

    private void Check(string name, string feature, IReadOnlyList<double> actual, double floor)
    {
        var expected = FeatureReference.Vector(name + "." + feature + ".csv");
        double max = FeatureReference.MaxRelative(actual, expected, floor);
        output.WriteLine($"{name} {feature}: max rel {max:E2}");
        Assert.True(max < FeatureReference.FrameTolerance(name, feature), $"{feature} max rel {max}");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Centroid_bandwidth_rolloff_match_librosa_within_1e_4(string name)
    {
        var (mag, _) = FeatureReference.Spectra(FeatureReference.Load(name));
        Check(name, "spectral_centroid", SpectralFeatures.Centroid(mag), 1e-9);
        Check(name, "spectral_bandwidth", SpectralFeatures.Bandwidth(mag), 1e-9);
        Check(name, "spectral_rolloff", SpectralFeatures.Rolloff(mag), 1e-9);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Zero_crossing_rate_and_rms_match_librosa_within_1e_4(string name)
    {
        var y = FeatureReference.Load(name);
        Check(name, "zero_crossing_rate", SpectralFeatures.ZeroCrossingRate(y), 1e-9);
        Check(name, "rms", SpectralFeatures.Rms(y).Select(v => (double)v).ToArray(), 1e-9);
    }

    [Fact]
    public void Zero_crossing_rate_counts_sign_changes_with_edge_padding_and_a_threshold()
    {
        // +1,-1 alternating: every pair inside a frame crosses, 2047 of 2048 samples.
        var alt = Enumerable.Range(0, 4096).Select(i => i % 2 == 0 ? 1f : -1f).ToArray();
        var z = SpectralFeatures.ZeroCrossingRate(alt);
        Assert.Equal(1 + 4096 / 512, z.Length);
        Assert.Equal(2047.0 / 2048, z[4], 12);
        // Values within 1e-10 of zero count as zero (positive): tiny negative noise does not cross.
        var tiny = Enumerable.Range(0, 4096).Select(i => i % 2 == 0 ? 1e-11f : -1e-11f).ToArray();
        Assert.All(SpectralFeatures.ZeroCrossingRate(tiny), v => Assert.Equal(0.0, v));
    }

    [Fact]
    public void Silence_gives_zero_features_and_bad_input_is_rejected()
    {
        var silent = new FloatMatrix(1025, 5);
        Assert.All(SpectralFeatures.Centroid(silent), v => Assert.Equal(0.0, v));
        Assert.All(SpectralFeatures.Rolloff(silent), v => Assert.Equal(0.0, v));
        Assert.All(SpectralFeatures.Rms(new float[3000]), v => Assert.Equal(0f, v));
        var negative = new FloatMatrix(1025, 1);
        negative[3, 0] = -1f;
        Assert.Throws<ArgumentException>(() => SpectralFeatures.Centroid(negative));
        Assert.Throws<ArgumentOutOfRangeException>(() => SpectralFeatures.Rolloff(silent, rollPercent: 1.5));
        Assert.Throws<ArgumentException>(() => SpectralFeatures.ZeroCrossingRate(ReadOnlySpan<float>.Empty));
    }

    [Fact]
    public void Every_spectral_descriptor_rejects_a_spectrogram_without_two_frequency_rows_by_name()
    {
        foreach (var m in new[] { new FloatMatrix(1, 3), new FloatMatrix(0, 3) })
        {
            Func<object>[] calls = [() => SpectralFeatures.Centroid(m), () => SpectralFeatures.Bandwidth(m), () => SpectralFeatures.Rolloff(m)];
            foreach (var call in calls)
            {
                var e = Assert.Throws<ArgumentException>(call);
                Assert.Equal("magnitude", e.ParamName);
                Assert.Contains($"at least 2 frequency rows, got {m.Rows}", e.Message);
            }
        }
    }

    [Fact]
    public void Fft_frequencies_are_librosa_bin_centres()
    {
        var f = SpectralFeatures.FftFrequencies(22050, 2048);
        Assert.Equal(1025, f.Length);
        Assert.Equal(0.0, f[0]);
        Assert.Equal(11025.0, f[1024], 9);
        Assert.Equal(10.7666015625, f[1], 9);
    }
}
