using GenreNotebooks.Nn.Kernels;
using GenreNotebooks.Nn.Tests.Support;

namespace GenreNotebooks.Nn.Tests.Kernels;

/// <summary>The vectorised pooling, batch-norm and ReLU kernels against straightforward loops.</summary>
public class FastKernelTests
{
    /// <summary>Values on a coarse grid so windows have ties, plus NaNs and signed zeros.</summary>
    private static float[] TieHeavy(int n, ulong seed, bool withNaN)
    {
        var g = new Generator(seed);
        var v = new float[n];
        for (int i = 0; i < n; i++)
        {
            v[i] = MathF.Round(g.NextFloat() * 4f) - 2f;
            if (v[i] == 0f && g.NextFloat() < 0.5f) v[i] = -0f;
            if (withNaN && g.NextFloat() < 0.01f) v[i] = float.NaN;
        }
        return v;
    }

    [Theory]
    [InlineData(2, 3, 9, 37, false)]
    [InlineData(1, 2, 8, 64, true)]
    [InlineData(3, 1, 5, 5, true)]
    [InlineData(1, 1, 2, 130, false)]
    public void MaxPool2x2_matches_first_maximum_windows_forward_and_backward(int n, int c, int h, int w, bool withNaN)
    {
        var xv = TieHeavy(n * c * h * w, 11, withNaN);
        var x = new Tensor(xv, n, c, h, w).RequiresGrad_();
        var y = Functional.MaxPool2d(x, 2, 2, 2, 2);
        int oh = h / 2, ow = w / 2;
        var g = Tensor.Randn([n, c, oh, ow], new Generator(12));
        y.Backward(g);

        var expectedGrad = new float[xv.Length];
        var yv = y.AsSpan();
        var gv = g.AsSpan();
        for (int p = 0; p < n * c; p++)
            for (int i = 0; i < oh; i++)
                for (int j = 0; j < ow; j++)
                {
                    int best = p * h * w + 2 * i * w + 2 * j;
                    for (int a = 0; a < 2; a++)
                        for (int b = 0; b < 2; b++)
                        {
                            int idx = p * h * w + (2 * i + a) * w + 2 * j + b;
                            if (xv[idx] > xv[best] || (float.IsNaN(xv[idx]) && !float.IsNaN(xv[best]))) best = idx;
                        }
                    int o = (p * oh + i) * ow + j;
                    Assert.True(xv[best].Equals(yv[o]) || xv[best] == yv[o], $"output {o}: got {yv[o]}, expected {xv[best]}");
                    expectedGrad[best] += gv[o];
                }
        Assert.Equal(expectedGrad, x.Grad!.ToArray());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void BatchNormRelu_equals_BatchNorm_then_Relu_values_and_gradients(bool training)
    {
        int[] shape = [4, 3, 5, 19];
        Tensor[] Inputs() => [Tensor.Randn(shape, new Generator(21)).RequiresGrad_(), Tensor.Randn([3], new Generator(22)).RequiresGrad_(), Tensor.Randn([3], new Generator(23)).RequiresGrad_()];
        var rm = Tensor.FromArray([0.1f, -0.2f, 0.3f], 3);
        var rv = Tensor.FromArray([0.5f, 1.5f, 2f], 3);
        var g = Tensor.Randn(shape, new Generator(24));

        var a = Inputs();
        var rmA = rm.Clone();
        var rvA = rv.Clone();
        var ya = Functional.BatchNorm(a[0], rmA, rvA, a[1], a[2], training).Relu();
        ya.Backward(g);

        var b = Inputs();
        var rmB = rm.Clone();
        var rvB = rv.Clone();
        var yb = Functional.BatchNormRelu(b[0], rmB, rvB, b[1], b[2], training, 0.1f, 1e-5f);
        yb.Backward(g);

        Close.All(ya.AsSpan(), yb.AsSpan(), 1e-5, 1e-6, "output");
        Close.All(rmA.AsSpan(), rmB.AsSpan(), 0, 0, "running_mean");
        Close.All(rvA.AsSpan(), rvB.AsSpan(), 0, 0, "running_var");
        for (int k = 0; k < 3; k++) Close.All(a[k].Grad!.AsSpan(), b[k].Grad!.AsSpan(), 1e-4, 1e-5, $"grad {k}");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(41)]
    public void BatchNorm_row_kernels_match_scalar_loops(int length)
    {
        var x = Tensor.Randn([Math.Max(1, length)], new Generator(31)).ToArray()[..length];
        var g = Tensor.Randn([Math.Max(1, length)], new Generator(32)).ToArray()[..length];
        var y = Tensor.Randn([Math.Max(1, length)], new Generator(33)).ToArray()[..length];
        const float mean = 0.3f, scale = 1.7f, shift = -0.2f, a = 0.9f, bx = -0.4f, cst = 0.05f;

        double ss = 0, sum = 0, dot = 0;
        var affine = new float[length];
        var dx = new float[length];
        var dxExpected = new float[length];
        for (int i = 0; i < length; i++)
        {
            ss += (double)(x[i] - mean) * (x[i] - mean);
            affine[i] = Math.Max(0f, x[i] * scale + shift);
            float gi = y[i] > 0f ? g[i] : 0f;
            sum += gi;
            dot += (double)gi * x[i];
            dx[i] = 1f;
            dxExpected[i] = 1f + a * gi + bx * x[i] + cst;
        }
        Assert.Equal(ss, BatchNormKernels.SquaredDeviation(x, mean), 1e-4);
        var got = new float[length];
        BatchNormKernels.Affine(x, scale, shift, relu: true, got);
        Close.All(affine, got, 1e-6, 1e-6, "affine+relu");
        var (s, d) = BatchNormKernels.GradSums(g, x, y);
        Assert.Equal(sum, s, 1e-4);
        Assert.Equal(dot, d, 1e-4);
        BatchNormKernels.AddInputGrad(g, x, y, a, bx, cst, dx);
        Close.All(dxExpected, dx, 1e-5, 1e-6, "dx");
    }

    [Fact]
    public void Relu_backward_passes_gradient_only_where_input_is_positive()
    {
        var xv = TieHeavy(45, 41, withNaN: true);
        var x = new Tensor(xv, 45).RequiresGrad_();
        var g = Tensor.Randn([45], new Generator(42));
        x.Relu().Backward(g);
        var expected = xv.Select((v, i) => v > 0f ? g.AsSpan()[i] : 0f).ToArray();
        Assert.Equal(expected, x.Grad!.ToArray());
    }
}

/// <summary>The padded im2col/col2im against the bounds-checked ones.</summary>
public class PaddedIm2ColTests
{
    [Theory]
    [InlineData(1, 128, 130, 5, 5, 1, 2, 2, 2, 2)]
    [InlineData(3, 8, 8, 5, 5, 1, 2, 2, 2, 2)]
    [InlineData(2, 7, 6, 4, 3, 1, 2, 1, 1, 0)]
    [InlineData(2, 9, 11, 3, 3, 2, 0, 1, 1, 1)]
    [InlineData(1, 1, 57, 1, 3, 1, 0, 0, 0, 0)]
    [InlineData(2, 5, 20, 3, 5, 1, 0, 0, 4, 3)]
    public void Padded_unfold_and_fold_match_the_bounds_checked_ones(int c, int h, int w, int kh, int kw, int sh, int pt, int pb, int pl, int pr)
    {
        int outH = (h + pt + pb - kh) / sh + 1, outW = w + pl + pr - kw + 1;
        var geo = new ConvGeometry(c, h, w, kh, kw, sh, 1, pt, pl, outH, outW);
        Assert.True(geo.UsesPadded);
        var x = Tensor.Randn([c * h * w], new Generator(51)).ToArray();
        var expected = new float[geo.ColRows * geo.ColCols];
        var actual = Enumerable.Repeat(float.NaN, expected.Length).ToArray();
        var pad = Enumerable.Repeat(float.NaN, geo.PaddedSize).ToArray();
        Im2Col.Unfold(x, geo, expected);
        Im2Col.UnfoldPadded(x, geo, pad, actual);
        Assert.Equal(expected, actual);

        var col = Tensor.Randn([expected.Length], new Generator(52)).ToArray();
        var dxExpected = Tensor.Randn([c * h * w], new Generator(53)).ToArray();
        var dxActual = (float[])dxExpected.Clone();
        Im2Col.FoldAdd(col, geo, dxExpected);
        Im2Col.FoldAddPadded(col, geo, pad, dxActual);
        Close.All(dxExpected, dxActual, 1e-5, 1e-5, "col2im");
    }
}
