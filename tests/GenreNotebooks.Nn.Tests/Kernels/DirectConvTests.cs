using GenreNotebooks.Nn.Kernels;
using GenreNotebooks.Nn.Tests.Support;

namespace GenreNotebooks.Nn.Tests.Kernels;

/// <summary>
/// The direct convolution kernels (single-input-channel forward, per-plane weight gradient) against a plain loop
/// convolution: output and gradients for input, weight and bias, ragged row tails and partial channel blocks included.
/// </summary>
[Collection("Threads")]
public class DirectConvTests
{
    /// <summary>Straightforward cross-correlation with zero padding, stride 1, and its three gradients.</summary>
    private static (float[] Y, float[] Gx, float[] Gw, float[] Gb) Naive(float[] x, float[] w, float[] b, float[] gy,
        int n, int c, int o, int h, int wd, int kh, int kw, int pt, int pb, int pl, int pr)
    {
        int outH = h + pt + pb - kh + 1, outW = wd + pl + pr - kw + 1;
        var y = new float[n * o * outH * outW];
        var gx = new float[n * c * h * wd];
        var gw = new double[o * c * kh * kw];
        var gb = new double[o];
        for (int s = 0; s < n; s++)
            for (int oc = 0; oc < o; oc++)
                for (int i = 0; i < outH; i++)
                    for (int j = 0; j < outW; j++)
                    {
                        int yi = ((s * o + oc) * outH + i) * outW + j;
                        double acc = b[oc];
                        float g = gy[yi];
                        gb[oc] += g;
                        for (int ch = 0; ch < c; ch++)
                        for (int ki = 0; ki < kh; ki++)
                            for (int kj = 0; kj < kw; kj++)
                            {
                                int ih = i + ki - pt, iw = j + kj - pl;
                                if ((uint)ih >= (uint)h || (uint)iw >= (uint)wd) continue;
                                int xi = ((s * c + ch) * h + ih) * wd + iw, wi = ((oc * c + ch) * kh + ki) * kw + kj;
                                acc += (double)w[wi] * x[xi];
                                gw[wi] += (double)g * x[xi];
                                gx[xi] += g * w[wi];
                            }
                        y[yi] = (float)acc;
                    }
        return (y, gx, gw.Select(v => (float)v).ToArray(), gb.Select(v => (float)v).ToArray());
    }

    private static (float[] Y, float[] Gx, float[] Gw, float[] Gb) Engine(int threads, int n, int c, int o, int h, int wd, int kh, int kw,
        int pt, int pb, int pl, int pr, bool inputGrad, out float[] xs, out float[] ws, out float[] bs, out float[] gys)
    {
        int previous = Threads.Count;
        Threads.Count = threads;
        try
        {
            var x = Tensor.Randn([n, c, h, wd], new Generator(71));
            if (inputGrad) x.RequiresGrad_();
            var w = Tensor.Randn([o, c, kh, kw], new Generator(72)).RequiresGrad_();
            var b = Tensor.Randn([o], new Generator(73)).RequiresGrad_();
            var y = Functional.Conv2d(x, w, b, 1, 1, pt, pb, pl, pr);
            var gy = Tensor.Randn(y.Shape.ToArray(), new Generator(74));
            y.Backward(gy);
            (xs, ws, bs, gys) = (x.ToArray(), w.ToArray(), b.ToArray(), gy.ToArray());
            return (y.ToArray(), x.Grad?.ToArray() ?? [], w.Grad!.ToArray(), b.Grad!.ToArray());
        }
        finally { Threads.Count = previous; }
    }

    [Theory]
    [InlineData(3, 1, 8, 13, 37, 5, 5, 2, 2, 2, 2)]   // 37 columns: two full vectors and an overlapping tail
    [InlineData(2, 1, 11, 6, 16, 5, 5, 2, 2, 2, 2)]   // 11 channels: partial blocks of 8 and 4; exactly one vector per row
    [InlineData(2, 1, 3, 9, 30, 3, 7, 0, 2, 3, 1)]    // asymmetric padding, 7 kernel columns (5 + 2 per register block)
    [InlineData(4, 1, 8, 7, 40, 5, 5, 0, 0, 0, 0)]    // no padding, odd output height
    [InlineData(3, 3, 6, 10, 21, 5, 5, 2, 2, 2, 2)]   // several input channels
    [InlineData(2, 8, 16, 9, 20, 5, 5, 2, 2, 2, 2)]   // the 8->16 layer's shape, odd output height
    [InlineData(2, 3, 8, 7, 34, 5, 5, 2, 2, 2, 2)]    // 34 = 2·16 + 2: two leftover columns as strips (forward and input gradient)
    [InlineData(1, 8, 16, 19, 65, 5, 5, 2, 2, 2, 2)]  // 65 = 4·16 + 1 as in the second layer; 19 rows: a partial 16-row strip block
    [InlineData(1, 4, 16, 16, 16, 3, 3, 1, 1, 1, 1)]  // 16x16 planes as in the fourth block (no tail)
    [InlineData(2, 5, 40, 6, 18, 3, 3, 1, 1, 1, 1)]   // 40 filters: weight gradient by GEMM, input gradient direct over 40 channels
    [InlineData(2, 5, 32, 6, 10, 3, 3, 1, 1, 1, 1)]   // rows of 10: channel-vectorised forward, two overlapping 8-pixel blocks
    [InlineData(3, 32, 64, 8, 8, 5, 5, 2, 2, 2, 2)]   // the last block's 8x8 planes: channel-vectorised forward and input gradient
    public void Direct_conv_kernels_match_loop_convolution_and_its_gradients(int n, int c, int o, int h, int wd, int kh, int kw, int pt, int pb, int pl, int pr)
    {
        var geo = new ConvGeometry(c, h, wd, kh, kw, 1, 1, pt, pl, h + pt + pb - kh + 1, wd + pl + pr - kw + 1);
        bool avx512 = System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated;
        var expected = !avx512 ? DirectConvKind.None : geo.OutW >= 16 ? DirectConvKind.Pixels : DirectConvKind.Channels;
        Assert.Equal(expected, DirectKernels.Choose(geo, o));
        var got = Engine(1, n, c, o, h, wd, kh, kw, pt, pb, pl, pr, inputGrad: true, out var x, out var w, out var b, out var gy);
        var want = Naive(x, w, b, gy, n, c, o, h, wd, kh, kw, pt, pb, pl, pr);
        Close.All(want.Y, got.Y, 1e-4, 1e-4, "y");
        Close.All(want.Gx, got.Gx, 1e-4, 1e-4, "grad x");
        Close.All(want.Gw, got.Gw, 1e-4, 1e-3, "grad w");
        Close.All(want.Gb, got.Gb, 1e-4, 1e-3, "grad b");
    }

    [Fact]
    public void Direct_conv_skips_the_input_gradient_and_is_deterministic_per_thread_count()
    {
        var one = Engine(1, 6, 1, 8, 20, 33, 5, 5, 2, 2, 2, 2, inputGrad: false, out var x, out var w, out var b, out var gy);
        var two = Engine(2, 6, 1, 8, 20, 33, 5, 5, 2, 2, 2, 2, inputGrad: false, out _, out _, out _, out _);
        var twoAgain = Engine(2, 6, 1, 8, 20, 33, 5, 5, 2, 2, 2, 2, inputGrad: false, out _, out _, out _, out _);
        Assert.Empty(one.Gx);
        Assert.Equal(two.Y, twoAgain.Y);
        Assert.Equal(two.Gw, twoAgain.Gw);
        Assert.Equal(two.Gb, twoAgain.Gb);
        Assert.Equal(one.Y, two.Y);
        var want = Naive(x, w, b, gy, 6, 1, 8, 20, 33, 5, 5, 2, 2, 2, 2);
        Close.All(want.Gw, two.Gw, 1e-4, 1e-3, "grad w");
    }

    [Theory]
    [InlineData(6, 8, 16, 20, 33)]   // pixel-vectorised forward, input and weight gradients
    [InlineData(6, 32, 64, 8, 8)]    // channel-vectorised forward and input gradient, grouped GEMM weight gradient
    public void Direct_conv_with_input_gradient_is_bit_identical_per_thread_count(int n, int c, int o, int h, int w)
    {
        var two = Engine(2, n, c, o, h, w, 5, 5, 2, 2, 2, 2, inputGrad: true, out _, out _, out _, out _);
        var twoAgain = Engine(2, n, c, o, h, w, 5, 5, 2, 2, 2, 2, inputGrad: true, out _, out _, out _, out _);
        var one = Engine(1, n, c, o, h, w, 5, 5, 2, 2, 2, 2, inputGrad: true, out _, out _, out _, out _);
        Assert.Equal(two.Y, twoAgain.Y);
        Assert.Equal(two.Gx, twoAgain.Gx);
        Assert.Equal(two.Gw, twoAgain.Gw);
        Assert.Equal(two.Gb, twoAgain.Gb);
        // Per-sample outputs and input gradients do not depend on the split; weight sums only up to rounding.
        Assert.Equal(one.Y, two.Y);
        Assert.Equal(one.Gx, two.Gx);
        Close.All(one.Gw, two.Gw, 1e-4, 1e-4, "grad w");
    }

    [Fact]
    public void Direct_input_gradient_of_an_intermediate_tensor_is_written_not_accumulated()
    {
        // conv(2·x): the convolution's input is a fresh intermediate, so its gradient buffer is written in place.
        var x = Tensor.Randn([2, 3, 9, 20], new Generator(75)).RequiresGrad_();
        var w = Tensor.Randn([6, 3, 5, 5], new Generator(76));
        var b = Tensor.Randn([6], new Generator(77));
        var y = Functional.Conv2d(x * 2f, w, b, 1, 1, 2, 2, 2, 2);
        var gy = Tensor.Randn(y.Shape.ToArray(), new Generator(78));
        y.Backward(gy);
        var want = Naive(x.ToArray().Select(v => 2f * v).ToArray(), w.ToArray(), b.ToArray(), gy.ToArray(), 2, 3, 6, 9, 20, 5, 5, 2, 2, 2, 2);
        Close.All(want.Y, y.ToArray(), 1e-4, 1e-4, "y");
        Close.All(want.Gx.Select(v => 2f * v).ToArray(), x.Grad!.ToArray(), 1e-4, 1e-4, "grad x");
    }

    [Fact]
    public void Direct_kernels_reject_short_buffers()
    {
        var geo = new ConvGeometry(1, 8, 20, 5, 5, 1, 1, 2, 2, 8, 20);
        var pad = new float[DirectConv.PaddedFloats(geo)];
        var packed = new float[DirectConv.PackedWeightFloats(geo, 8)];
        Assert.Throws<ArgumentException>(() => DirectConv.Forward(pad, geo, packed, default, 8, new float[8 * 160 - 1]));
        Assert.Throws<ArgumentException>(() => DirectConv.Forward(pad, geo, packed.AsSpan(1), default, 8, new float[8 * 160]));
        Assert.Throws<ArgumentException>(() => DirectConv.WeightGradient(pad.AsSpan(1), geo, new float[8 * 160], 8, new float[200]));
        var narrow = new ConvGeometry(4, 8, 8, 3, 3, 1, 1, 1, 1, 8, 8);
        var npad = new float[DirectConv.PaddedFloats(narrow)];
        var npacked = new float[DirectConvChannelBlocked.PackedWeightFloats(narrow, 32)];
        Assert.Throws<ArgumentException>(() => DirectConvChannelBlocked.Forward(npad, narrow, npacked, default, 32, new float[32 * 64 - 1]));
        Assert.Throws<ArgumentException>(() => DirectConvChannelBlocked.PackWeights(new float[30 * 36], narrow, 30, new float[30 * 36]));
    }
}
