using System.Runtime.CompilerServices;
using System.Numerics.Tensors;
using GenreNotebooks.Nn.Autograd;
using GenreNotebooks.Nn.Kernels;

namespace GenreNotebooks.Nn;

public static partial class Functional
{
    /// <summary>
    /// <see cref="BatchNorm"/> over [N, C, H, W], ReLU and 2×2 max pooling with stride 2 as one op, the block ending
    /// every convolution of the 2-D CNNs. The normalised activations are produced two rows at a time in a small
    /// scratch buffer and pooled at once, so the full-resolution ReLU output is never written; the backward pass
    /// recomputes those rows from the input (bit-identical, same kernels) instead of reading a stored plane, so the
    /// full-resolution gradient between pooling and normalisation never exists either. Results equal the three ops
    /// run separately up to float summation order in the statistics of the gradient. <paramref name="moments"/>: the
    /// input's plane statistics when the producing convolution computed them (training only).
    /// </summary>
    internal static Tensor BatchNormReluMaxPool2x2(Tensor input, Tensor? runningMean, Tensor? runningVar, Tensor? weight, Tensor? bias,
        bool training, float momentum, float eps, PlaneMoments? moments = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Rank != 4) throw new ArgumentException($"BatchNorm2d: input must be [N, C, H, W], got {Tensor.ShapeString(input.Shape)}.");
        int n = input.Size(0), c = input.Size(1), h = input.Size(2), w = input.Size(3), spatial = h * w;
        if (h < 2 || w < 2) throw new ArgumentException($"MaxPool2d: kernel (2x2) is larger than the input {Tensor.ShapeString(input.Shape)}.");
        long count = CheckBatchNormArguments(input, runningMean, runningVar, weight, bias, training);

        float[] x = input.Buffer;
        var (mean, invStd) = ChannelStatistics(x, n, c, spatial, runningMean, runningVar, training, momentum, eps, moments);
        float[]? wv = weight?.Buffer, bv = bias?.Buffer;
        var scale = new float[c];
        var shift = new float[c];
        for (int ch = 0; ch < c; ch++)
        {
            // Same expressions as the unfused op, so the activations (and hence the pooling choices) are identical.
            scale[ch] = invStd[ch] * (wv?[ch] ?? 1f);
            shift[ch] = (bv?[ch] ?? 0f) - mean[ch] * scale[ch];
        }
        int oh = h / 2, ow = w / 2, outPlane = oh * ow;
        var y = Tensor.Empty([n, c, oh, ow]);
        float[] yv = y.Buffer;
        using (Profiler.Scope("BatchNormReluPool", " affine+pool"))
            ParallelRange.For(n * c, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (r0, r1) =>
            {
                var z = BufferPool.Rent(2 * w);
                for (int r = r0; r < r1; r++)
                {
                    int ch = r % c;
                    for (int i = 0; i < oh; i++)
                    {
                        BatchNormKernels.Affine(x.AsSpan(r * spatial + 2 * i * w, 2 * w), scale[ch], shift[ch], relu: true, z);
                        Pool2x2Plane(z, w, 1, ow, yv.AsSpan(r * outPlane + i * ow, ow));
                    }
                }
                BufferPool.Return(z);
            }, minItemsPerWorker: Math.Max(1, 4096 / Math.Max(1, spatial)));

        var inputs = new List<Tensor> { input };
        if (weight is not null) inputs.Add(weight);
        if (bias is not null) inputs.Add(bias);
        var attributes = new BatchNormAttributes(runningMean, runningVar, weight, bias, training, eps);
        return y.Record("BatchNormReluPoolBackward", [.. inputs], attributes, g =>
        {
            bool overwrite = false;
            float[]? gx = input.RequiresGrad ? input.GradArrayForWrite(out overwrite) : null;
            float[]? gw = weight is not null && weight.RequiresGrad ? weight.GradArray() : null;
            float[]? gb = bias is not null && bias.RequiresGrad ? bias.GradArray() : null;
            ParallelRange.For(c, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (c0, c1) =>
            {
                var z = BufferPool.Rent(2 * w);
                var dy = BufferPool.Rent(2 * w);
                var gm = BufferPool.Rent(outPlane);
                for (int ch = c0; ch < c1; ch++)
                {
                    double sumDy = 0, sumDyXc = 0;
                    float m = mean[ch];
                    if (scale[ch] != 0f)
                    {
                        // Where the routed gradient is non-zero the activation equals the pooled output p > 0, and
                        // x - mean = (p - beta) / scale there: the sums need only pooled-resolution data.
                        float beta = bv?[ch] ?? 0f;
                        double sumPg = 0;
                        for (int b = 0; b < n; b++)
                        {
                            int plane = b * c + ch;
                            var (s0, s1) = BatchNormKernels.MaskedSums(g.AsSpan(plane * outPlane, outPlane), yv.AsSpan(plane * outPlane, outPlane), beta);
                            sumDy += s0;
                            sumPg += s1;
                        }
                        sumDyXc = sumPg / scale[ch];
                    }
                    else for (int b = 0; b < n; b++)
                    {
                        int plane = b * c + ch;
                        for (int i = 0; i < oh; i++)
                        {
                            int off = plane * spatial + 2 * i * w;
                            RoutedGradient(x.AsSpan(off, 2 * w), scale[ch], shift[ch], yv.AsSpan(plane * outPlane + i * ow, ow), g.AsSpan(plane * outPlane + i * ow, ow), w, z, gm, dy);
                            var (rowDy, rowDyX) = BatchNormKernels.GradSums(dy, x.AsSpan(off, 2 * w), default);
                            sumDy += rowDy;
                            sumDyXc += rowDyX - m * rowDy;
                        }
                    }
                    float istd = invStd[ch], gamma = wv?[ch] ?? 1f;
                    if (gw is not null) gw[ch] += (float)(sumDyXc * istd);
                    if (gb is not null) gb[ch] += (float)sumDy;
                    if (gx is null) continue;
                    float a = gamma * istd, bx = 0f, cst = 0f;
                    if (training)
                    {
                        // dx = a * (dy - mean(dy) - xhat * mean(dy * xhat)), written as a*dy + bx*x + cst.
                        float k2 = (float)(istd * istd * sumDyXc / count);
                        bx = -a * k2;
                        cst = a * (k2 * m - (float)(sumDy / count));
                    }
                    for (int b = 0; b < n; b++)
                    {
                        int plane = b * c + ch;
                        // Whole planes per call: the planes of the last blocks are only 8 to 16 floats wide.
                        BatchNormKernels.MaskPositive(g.AsSpan(plane * outPlane, outPlane), yv.AsSpan(plane * outPlane, outPlane), gm);
                        PlaneBackward(x.AsSpan(plane * spatial, spatial), gx.AsSpan(plane * spatial, spatial), w, oh, yv.AsSpan(plane * outPlane, outPlane), gm,
                            scale[ch], shift[ch], a, bx, cst, overwrite);
                        if (h % 2 == 1 && overwrite) gx.AsSpan(plane * spatial + (h - 1) * w, w).Clear();
                        if (h % 2 == 1 && training)
                        {
                            // The last row is normalised but not pooled: only the statistics terms reach it.
                            int off = plane * spatial + (h - 1) * w;
                            Array.Clear(dy, 0, w);
                            BatchNormKernels.AddInputGrad(dy.AsSpan(0, w), x.AsSpan(off, w), default, a, bx, cst, gx.AsSpan(off, w));
                        }
                    }
                }
                BufferPool.Return(z);
                BufferPool.Return(dy);
                BufferPool.Return(gm);
            });
        });
    }

    private static unsafe void PlaneBackward(ReadOnlySpan<float> x, Span<float> gx, int w, int oh, ReadOnlySpan<float> pooled, ReadOnlySpan<float> gm,
        float scale, float shift, float a, float bx, float cst, bool overwrite)
    {
        int ow = pooled.Length / oh;
        fixed (float* px = x, pgx = gx, pp = pooled, pg = gm)
            for (int i = 0; i < oh; i++)
                BnReluPoolKernels.RowPairBackward(px + 2 * i * w, pgx + 2 * i * w, w, pp + i * ow, pg + i * ow, ow, scale, shift, a, bx, cst, overwrite);
    }

    /// <summary>
    /// The gradient reaching the normalised values of two input rows: <paramref name="g"/> (one pooled row) masked where
    /// the pooled ReLU output is not positive, routed to each window's first maximum of the recomputed activations;
    /// zero elsewhere. <paramref name="z"/> and <paramref name="dy"/> hold 2·w floats, <paramref name="gm"/> ow.
    /// </summary>
    private static void RoutedGradient(ReadOnlySpan<float> x2, float scale, float shift, ReadOnlySpan<float> pooled, ReadOnlySpan<float> g,
        int w, float[] z, float[] gm, float[] dy)
    {
        int ow = pooled.Length;
        BatchNormKernels.Affine(x2, scale, shift, relu: true, z);
        BatchNormKernels.MaskPositive(g, pooled, gm.AsSpan(0, ow));
        Array.Clear(dy, 0, 2 * w);
        Pool2x2PlaneBackward(z, w, pooled, gm.AsSpan(0, ow), 1, ow, dy);
    }
}
