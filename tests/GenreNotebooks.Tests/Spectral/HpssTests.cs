using GenreNotebooks.Features;
using GenreNotebooks.Spectral;
using Xunit.Abstractions;

namespace GenreNotebooks.Tests.Spectral;

public class HpssTests(ITestOutputHelper output)
{
    public static TheoryData<string> Names => new(FeatureReference.All);

    // The means are sums of positive and negative samples that nearly cancel (|mean| ~ 1e-6..1e-3 against samples
    // ~0.1), so they are compared with an absolute 1e-6; the variances relatively.
    [Theory]
    [MemberData(nameof(Names))]
    public void Harmonic_and_percussive_signals_match_librosa_effects_hpss(string name)
    {
        var y = FeatureReference.Load(name);
        var (h, p) = Hpss.Separate(y);
        Assert.Equal(y.Length, h.Length);
        Assert.Equal(y.Length, p.Length);
        var s = FeatureReference.Summary(name).GetProperty("hpss");
        var (hm, hv) = GtzanFeatureExtractor.MeanVar(h);
        var (pm, pv) = GtzanFeatureExtractor.MeanVar(p);
        double dhm = Math.Abs(hm - s.GetProperty("harmonic_mean").GetDouble());
        double dpm = Math.Abs(pm - s.GetProperty("percussive_mean").GetDouble());
        double rhv = Math.Abs(hv / s.GetProperty("harmonic_var").GetDouble() - 1);
        double rpv = Math.Abs(pv / s.GetProperty("percussive_var").GetDouble() - 1);
        output.WriteLine($"{name}: |d mean| h {dhm:E2} p {dpm:E2}; rel var h {rhv:E2} p {rpv:E2}");
        Assert.True(dhm < 1e-6 && dpm < 1e-6, $"means off by {dhm}, {dpm}");
        Assert.True(rhv < 1e-4 && rpv < 1e-4, $"variances off by {rhv}, {rpv}");
    }

    [Fact]
    public void Parts_add_up_to_the_signal()
    {
        var y = FeatureReference.Load("noise-silence-square-3s");
        var (h, p) = Hpss.Separate(y);
        double max = 0;
        for (int i = 0; i < y.Length; i++) max = Math.Max(max, Math.Abs(h[i] + p[i] - y[i]));
        Assert.True(max < 1e-5, $"h + p differs from y by {max}");
        // The spectrogram-level split sums to the STFT as well.
        var stft = Stft.Compute(y);
        var (hs, ps) = Hpss.Decompose(stft);
        for (int i = 0; i < stft.Real.Data.Length; i += 997)
            Assert.Equal(stft.Real.Data[i], hs.Real.Data[i] + ps.Real.Data[i], 5);
    }

    [Fact]
    public void Soft_masks_split_zeros_evenly()
    {
        Assert.Equal(0.5f, Hpss.SoftMask(0f, 0f, 2.0, splitZeros: true));
        Assert.Equal(0f, Hpss.SoftMask(0f, 0f, 2.0, splitZeros: false));
        Assert.Equal(0.8f, Hpss.SoftMask(2f, 1f, 2.0, true), 6);
        Assert.Throws<ArgumentOutOfRangeException>(() => Hpss.Decompose(Stft.Compute(new float[4096]), kernelSize: 30));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(5, 3)]
    [InlineData(40, 37)]
    [InlineData(200, 19)]
    public void Median_filters_equal_a_sorted_reference_with_reflect_boundary(int rows, int cols)
    {
        var rng = new Random(rows * 1000 + cols);
        var x = new FloatMatrix(rows, cols);
        // Few distinct values so ties are exercised.
        for (int i = 0; i < x.Data.Length; i++) x.Data[i] = rng.Next(0, 20) / 4f;
        foreach (int k in new[] { 1, 3, 31 })
        {
            var byRows = MedianFilter.Rows(x, k);
            var byCols = MedianFilter.Columns(x, k);
            var byColsParallel = MedianFilter.Columns(x, k, threads: 2);
            for (int r = 0; r < rows; r++)
                for (int c = 0; c < cols; c++)
                {
                    Assert.Equal(NaiveMedian(x, r, c, k, alongRows: true), byRows[r, c]);
                    float expected = NaiveMedian(x, r, c, k, alongRows: false);
                    Assert.Equal(expected, byCols[r, c]);
                    Assert.Equal(expected, byColsParallel[r, c]);
                }
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => MedianFilter.Rows(x, 4));
    }

    // scipy 'reflect': d c b a | a b c d | d c b a, repeated for windows longer than the signal.
    private static float NaiveMedian(FloatMatrix x, int r, int c, int k, bool alongRows)
    {
        int n = alongRows ? x.Cols : x.Rows;
        int center = alongRows ? c : r;
        var w = new float[k];
        for (int j = 0; j < k; j++)
        {
            int i = center - k / 2 + j;
            while (i < 0 || i >= n) i = i < 0 ? -1 - i : 2 * n - 1 - i;
            w[j] = alongRows ? x[r, i] : x[i, c];
        }
        Array.Sort(w);
        return w[k / 2];
    }
}
