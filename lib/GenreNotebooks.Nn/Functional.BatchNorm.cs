using System.Runtime.CompilerServices;
using System.Numerics.Tensors;
using GenreNotebooks.Nn.Autograd;
using GenreNotebooks.Nn.Kernels;

namespace GenreNotebooks.Nn;

public static partial class Functional
{
    /// <summary>
    /// Batch normalisation over channel dimension 1 (<c>F.batch_norm</c>): input [N, C], [N, C, L] or [N, C, H, W].
    /// Training: normalises with the batch mean and biased variance and, when running tensors are given, updates
    /// <c>running = (1 - momentum) * running + momentum * batch</c> using the unbiased variance. Eval: uses the running
    /// statistics. <c>y = (x - mean) / sqrt(var + eps) * weight + bias</c>; weight/bias [C] may be null (affine off).
    /// Training needs more than one value per channel (N·L or N·H·W ≥ 2, PyTorch's rule); unlike PyTorch, an empty
    /// batch is rejected too. No cumulative average (<c>momentum=None</c>) and no <c>num_batches_tracked</c>.
    /// </summary>
    public static Tensor BatchNorm(Tensor input, Tensor? runningMean, Tensor? runningVar, Tensor? weight = null, Tensor? bias = null,
        bool training = false, float momentum = 0.1f, float eps = 1e-5f)
        => BatchNormCore(input, runningMean, runningVar, weight, bias, training, momentum, eps, relu: false);

    /// <summary>
    /// <see cref="BatchNorm"/> followed by ReLU as one op: the activations are read and written once and the backward
    /// pass masks the gradient with the stored output instead of running a separate ReLU node.
    /// </summary>
    internal static Tensor BatchNormRelu(Tensor input, Tensor? runningMean, Tensor? runningVar, Tensor? weight, Tensor? bias,
        bool training, float momentum, float eps)
        => BatchNormCore(input, runningMean, runningVar, weight, bias, training, momentum, eps, relu: true);

    private static Tensor BatchNormCore(Tensor input, Tensor? runningMean, Tensor? runningVar, Tensor? weight, Tensor? bias,
        bool training, float momentum, float eps, bool relu)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Rank < 2) throw new ArgumentException($"BatchNorm: input must be [N, C, *], got {Tensor.ShapeString(input.Shape)}.");
        int n = input.Size(0), c = input.Size(1), spatial = input.Numel / Math.Max(1, n * c);
        long count = CheckBatchNormArguments(input, runningMean, runningVar, weight, bias, training);

        float[] x = input.Buffer;
        var (mean, invStd) = ChannelStatistics(x, n, c, spatial, runningMean, runningVar, training, momentum, eps);

        var y = Tensor.Empty(input.ShapeArray.ToArray());
        float[] yv = y.Buffer;
        float[]? wv = weight?.Buffer, bv = bias?.Buffer;
        ParallelRange.For(n * c, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (r0, r1) =>
        {
            for (int r = r0; r < r1; r++)
            {
                int ch = r % c;
                float scale = invStd[ch] * (wv?[ch] ?? 1f);
                float shift = (bv?[ch] ?? 0f) - mean[ch] * scale;
                BatchNormKernels.Affine(x.AsSpan(r * spatial, spatial), scale, shift, relu, yv.AsSpan(r * spatial, spatial));
            }
        }, minItemsPerWorker: Math.Max(1, 4096 / Math.Max(1, spatial)));

        var inputs = new List<Tensor> { input };
        if (weight is not null) inputs.Add(weight);
        if (bias is not null) inputs.Add(bias);
        var attributes = new BatchNormAttributes(runningMean, runningVar, weight, bias, training, eps);
        return y.Record(relu ? "BatchNormReluBackward" : "BatchNormBackward", [.. inputs], attributes, g =>
        {
            float[]? gx = input.RequiresGrad ? input.GradArray() : null;
            float[]? gw = weight is not null && weight.RequiresGrad ? weight.GradArray() : null;
            float[]? gb = bias is not null && bias.RequiresGrad ? bias.GradArray() : null;
            ParallelRange.For(c, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (c0, c1) =>
            {
                for (int ch = c0; ch < c1; ch++)
                {
                    double sumDy = 0, sumDyXc = 0;
                    float m = mean[ch];
                    for (int b = 0; b < n; b++)
                    {
                        int off = (b * c + ch) * spatial;
                        var (rowDy, rowDyX) = BatchNormKernels.GradSums(g.AsSpan(off, spatial), x.AsSpan(off, spatial), relu ? yv.AsSpan(off, spatial) : default);
                        sumDy += rowDy;
                        sumDyXc += rowDyX - m * rowDy;
                    }
                    float istd = invStd[ch], gamma = wv?[ch] ?? 1f;
                    if (gw is not null) gw[ch] += (float)(sumDyXc * istd);
                    if (gb is not null) gb[ch] += (float)sumDy;
                    if (gx is null) continue;
                    float a = gamma * istd;
                    if (training)
                    {
                        // dx = a * (dy - mean(dy) - xhat * mean(dy * xhat)), written as a*dy + bx*x + cst.
                        float k2 = (float)(istd * istd * sumDyXc / count);
                        float bx = -a * k2, cst = a * (k2 * m - (float)(sumDy / count));
                        for (int b = 0; b < n; b++)
                        {
                            int off = (b * c + ch) * spatial;
                            BatchNormKernels.AddInputGrad(g.AsSpan(off, spatial), x.AsSpan(off, spatial), relu ? yv.AsSpan(off, spatial) : default, a, bx, cst, gx.AsSpan(off, spatial));
                        }
                    }
                    else
                    {
                        for (int b = 0; b < n; b++)
                        {
                            int off = (b * c + ch) * spatial;
                            BatchNormKernels.AddInputGrad(g.AsSpan(off, spatial), x.AsSpan(off, spatial), relu ? yv.AsSpan(off, spatial) : default, a, 0f, 0f, gx.AsSpan(off, spatial));
                        }
                    }
                }
            });
        });
    }

    /// <summary>
    /// Checks the per-channel tensors against input [N, C, *] and the batch size against the mode (PyTorch's "Expected
    /// more than 1 value per channel when training"); returns the values per channel N·(product of *).
    /// </summary>
    private static long CheckBatchNormArguments(Tensor input, Tensor? runningMean, Tensor? runningVar, Tensor? weight, Tensor? bias, bool training)
    {
        int n = input.Size(0), c = input.Size(1);
        foreach (var (t, name) in new[] { (runningMean, "running_mean"), (runningVar, "running_var"), (weight, "weight"), (bias, "bias") })
            if (t is not null && t.Numel != c)
                throw new ArgumentException($"BatchNorm: {name} has {t.Numel} values, input {Tensor.ShapeString(input.Shape)} has {c} channels.");
        if (!training && (runningMean is null || runningVar is null))
            throw new ArgumentException("BatchNorm: eval mode needs running_mean and running_var.");
        long count = (long)n * (input.Numel / Math.Max(1, n * c));
        if (training && count <= 1)
            throw new ArgumentException($"BatchNorm: expected more than 1 value per channel when training, got input {Tensor.ShapeString(input.Shape)}.");
        return count;
    }

    /// <summary>
    /// Per-channel mean and 1/sqrt(var + eps) of [N, C, spatial] data: the batch statistics when training (updating the
    /// running tensors), else the running ones. <paramref name="moments"/>, when given, holds every plane's
    /// <see cref="BatchNormKernels.PlaneMoments"/> already (computed by the convolution that produced
    /// <paramref name="x"/>), so the data is not read at all.
    /// </summary>
    private static (float[] Mean, float[] InvStd) ChannelStatistics(float[] x, int n, int c, int spatial, Tensor? runningMean, Tensor? runningVar,
        bool training, float momentum, float eps, PlaneMoments? moments = null)
    {
        long count = (long)n * spatial;
        var mean = new float[c];
        var invStd = new float[c];
        if (training)
        {
            if (moments is not null && (moments.Sum.Length != n * c || moments.PlaneLength != spatial))
                throw new ArgumentException("BatchNorm: plane moments do not match the input.");
            ParallelRange.For(c, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (c0, c1) =>
            {
                // Each plane's sum and squared deviation from its own mean (one sweep, the plane in cache), then the
                // planes combined exactly (Chan et al.): M2 = Σ M2_b + Σ len·(mean_b - mean)².
                var planeMean = new double[n];
                for (int ch = c0; ch < c1; ch++)
                {
                    double s = 0, ss = 0;
                    for (int b = 0; b < n; b++)
                    {
                        var (sb, m2) = moments is null
                            ? BatchNormKernels.PlaneMoments(x.AsSpan((b * c + ch) * spatial, spatial))
                            : (moments.Sum[b * c + ch], moments.M2[b * c + ch]);
                        planeMean[b] = sb / spatial;
                        ss += m2;
                        s += sb;
                    }
                    double m = s / count;
                    for (int b = 0; b < n; b++) ss += spatial * (planeMean[b] - m) * (planeMean[b] - m);
                    double variance = ss / count;
                    mean[ch] = (float)m;
                    invStd[ch] = (float)(1.0 / Math.Sqrt(variance + eps));
                    if (runningMean is not null) runningMean.Buffer[ch] = (float)((1 - momentum) * runningMean.Buffer[ch] + momentum * m);
                    if (runningVar is not null) runningVar.Buffer[ch] = (float)((1 - momentum) * runningVar.Buffer[ch] + momentum * variance * count / (count - 1));
                }
            });
        }
        else
        {
            for (int ch = 0; ch < c; ch++)
            {
                mean[ch] = runningMean!.Buffer[ch];
                invStd[ch] = 1f / MathF.Sqrt(runningVar!.Buffer[ch] + eps);
            }
        }
        return (mean, invStd);
    }
}
