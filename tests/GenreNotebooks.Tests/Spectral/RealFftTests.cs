using System.Numerics;
using GenreNotebooks.Spectral;
using MathNet.Numerics.IntegralTransforms;

namespace GenreNotebooks.Tests.Spectral;

public class RealFftTests
{
    public static TheoryData<int> Sizes => new() { 2, 4, 8, 16, 64, 256, 2048, 4096, 6, 10, 30, 7, 1 };

    private static double[] RandomSignal(int n, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => rng.NextDouble() * 2 - 1).ToArray();
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Forward_matches_MathNet_within_1e_12_of_the_spectrum_scale(int n)
    {
        var x = RandomSignal(n, seed: n);
        var reference = x.Select(v => new Complex(v, 0)).ToArray();
        Fourier.Forward(reference, FourierOptions.NoScaling);
        var re = new double[n / 2 + 1];
        var im = new double[n / 2 + 1];
        RealFft.Forward(x, re, im);
        double scale = Math.Sqrt(n);
        for (int k = 0; k <= n / 2; k++)
        {
            Assert.True(Math.Abs(re[k] - reference[k].Real) <= 1e-12 * scale, $"n={n} bin {k} real {re[k]} vs {reference[k].Real}");
            Assert.True(Math.Abs(im[k] - reference[k].Imaginary) <= 1e-12 * scale, $"n={n} bin {k} imag {im[k]} vs {reference[k].Imaginary}");
        }
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Inverse_of_forward_is_the_identity(int n)
    {
        var x = RandomSignal(n, seed: 100 + n);
        var re = new double[n / 2 + 1];
        var im = new double[n / 2 + 1];
        var back = new double[n];
        var plan = RealFft.Plan(n);
        plan.Forward(x, re, im);
        plan.Inverse(re, im, back);
        for (int i = 0; i < n; i++) Assert.True(Math.Abs(back[i] - x[i]) <= 1e-12, $"n={n} sample {i}: {back[i]} vs {x[i]}");
    }

    [Fact]
    public void Float_overload_agrees_with_the_double_transform()
    {
        var x = RandomSignal(1024, 5);
        var xf = x.Select(v => (float)v).ToArray();
        var (re, im) = RealFft.Forward(xf);
        var red = new double[513];
        var imd = new double[513];
        RealFft.Forward(xf.Select(v => (double)v).ToArray(), red, imd);
        for (int k = 0; k < 513; k++)
        {
            Assert.Equal((float)red[k], re[k]);
            Assert.Equal((float)imd[k], im[k]);
        }
    }

    [Fact]
    public void A_cosine_lands_in_its_bin()
    {
        int n = 512;
        var x = Enumerable.Range(0, n).Select(t => Math.Cos(2 * Math.PI * 37 * t / n)).ToArray();
        var re = new double[n / 2 + 1];
        var im = new double[n / 2 + 1];
        RealFft.Forward(x, re, im);
        for (int k = 0; k <= n / 2; k++)
            Assert.Equal(k == 37 ? n / 2.0 : 0.0, Math.Sqrt(re[k] * re[k] + im[k] * im[k]), 1e-9);
    }

    [Fact]
    public void Plans_are_shared_per_size_and_usable_from_many_threads()
    {
        Assert.Same(RealFft.Plan(2048), RealFft.Plan(2048));
        var x = RandomSignal(2048, 9);
        var expectedRe = new double[1025];
        var expectedIm = new double[1025];
        RealFft.Forward(x, expectedRe, expectedIm);
        Parallel.For(0, 64, _ =>
        {
            var re = new double[1025];
            var im = new double[1025];
            RealFft.Forward(x, re, im);
            Assert.Equal(expectedRe, re);
            Assert.Equal(expectedIm, im);
        });
    }

    [Fact]
    public void Wrong_span_lengths_are_rejected()
    {
        var plan = RealFft.Plan(16);
        Assert.Throws<ArgumentException>(() => plan.Forward(new double[15], new double[9], new double[9]));
        Assert.Throws<ArgumentException>(() => plan.Forward(new double[16], new double[8], new double[9]));
        Assert.Throws<ArgumentOutOfRangeException>(() => RealFft.Plan(0));
    }
}
