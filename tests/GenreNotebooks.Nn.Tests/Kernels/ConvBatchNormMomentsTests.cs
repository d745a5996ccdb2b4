using GenreNotebooks.Nn.Kernels;
using GenreNotebooks.Nn.Modules;
using GenreNotebooks.Nn.Tests.Support;

namespace GenreNotebooks.Nn.Tests.Kernels;

/// <summary>
/// BatchNorm2d statistics taken from the convolution's epilogue (Sequential Conv2d → BatchNorm2d → ReLU → MaxPool2d in
/// training) against the layers run one by one, and the one-pass plane moments against a double-precision reference.
/// </summary>
public class ConvBatchNormMomentsTests
{
    [Theory]
    [InlineData(1, 4, 9, 40)]   // one input channel: direct forward kernel
    [InlineData(3, 5, 6, 10)]   // small planes: grouped GEMM with scatter
    [InlineData(2, 6, 40, 14)]  // one GEMM per sample (rows too short for the direct kernel)
    [InlineData(2, 6, 20, 20)]  // several input channels: direct forward
    public void Sequential_conv_block_with_epilogue_statistics_equals_layers_run_separately(int cin, int cout, int h, int w)
    {
        Sequential Block() => new(new Conv2d(cin, cout, 5, padding: 2, generator: new Generator(81)), new BatchNorm2d(cout), new ReLU(), new MaxPool2d(2));
        var x = Tensor.Randn([3, cin, h, w], new Generator(82));
        var g = Tensor.Randn([3, cout, h / 2, w / 2], new Generator(83));

        var fused = Block();
        var yf = fused.Forward(x);
        yf.Backward(g);

        var plain = Block();
        var conv = (Conv2d)plain[0];
        var bn = (BatchNorm2d)plain[1];
        var yp = Functional.MaxPool2d(Functional.BatchNorm(conv.Forward(x), bn.RunningMean, bn.RunningVar, bn.Weight, bn.Bias, training: true).Relu(), 2, 2, 2, 2);
        yp.Backward(g);

        Close.All(yp.AsSpan(), yf.AsSpan(), 0, 0, "output");
        Close.All(bn.RunningMean.AsSpan(), ((BatchNorm2d)fused[1]).RunningMean.AsSpan(), 0, 0, "running_mean");
        Close.All(bn.RunningVar.AsSpan(), ((BatchNorm2d)fused[1]).RunningVar.AsSpan(), 0, 0, "running_var");
        Close.All(conv.Weight.Grad!.AsSpan(), ((Conv2d)fused[0]).Weight.Grad!.AsSpan(), 1e-4, 1e-5, "conv weight grad");
    }

    [Theory]
    [InlineData(0f, 1f, 16640)]
    [InlineData(1000f, 0.5f, 4160)]   // large offset, small spread: the shifted sums must not cancel
    [InlineData(-3f, 2f, 37)]          // shorter than a vector block: scalar tail only
    public void Plane_moments_match_two_pass_double_reference(float offset, float scale, int length)
    {
        var rng = new Random(84);
        var x = Enumerable.Range(0, length).Select(_ => offset + scale * (float)(rng.NextDouble() * 2 - 1)).ToArray();
        double mean = x.Average(v => (double)v);
        double m2 = x.Sum(v => ((double)v - mean) * ((double)v - mean));
        var (sum, got) = BatchNormKernels.PlaneMoments(x);
        // Float lanes: the sum is good to a few ulps of Σ|x|.
        Assert.Equal(mean * length, sum, x.Sum(v => Math.Abs((double)v)) * 1e-6);
        Assert.Equal(m2, got, m2 * 1e-4);
    }
}
