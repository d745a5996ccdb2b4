using System.Runtime.CompilerServices;
using System.Numerics.Tensors;
using GenreNotebooks.Nn.Autograd;
using GenreNotebooks.Nn.Kernels;

namespace GenreNotebooks.Nn;

public static partial class Functional
{
    /// <summary>Target GEMM width (output pixels) when samples of a convolution with small output planes are grouped.</summary>
    private const int GroupColumns = 1024;

    /// <summary>Most output channels for which the weight gradient is a direct reduction rather than im2col + GEMM.</summary>
    private const int DirectWeightGradientMaxOut = 64;

    /// <summary>
    /// 2-D cross-correlation (<c>F.conv2d</c>, dilation 1, groups 1): input [N, C, H, W], weight [O, C, kh, kw],
    /// bias [O] or null; result [N, O, Ho, Wo] with <c>Ho = (H + padTop + padBottom - kh) / strideH + 1</c>.
    /// Samples are spread over <see cref="Threads.Count"/> threads. Unit-stride convolutions with rows of at least 8
    /// pixels run direct AVX-512 kernels on a zero-padded copy of each sample (forward, input gradient as a full
    /// correlation, weight gradient as a reduction; no column matrix); the rest run im2col + GEMM, small output planes
    /// with several samples per GEMM.
    /// </summary>
    public static Tensor Conv2d(Tensor input, Tensor weight, Tensor? bias = null, int strideH = 1, int strideW = 1,
        int padTop = 0, int padBottom = 0, int padLeft = 0, int padRight = 0)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(weight);
        if (input.Rank != 4) throw new ArgumentException($"Conv2d: input must be [N, C, H, W], got {Tensor.ShapeString(input.Shape)}.");
        if (weight.Rank != 4) throw new ArgumentException($"Conv2d: weight must be [O, C, kh, kw], got {Tensor.ShapeString(weight.Shape)}.");
        return ConvCore("Conv2d", input, weight, bias, input.Size(2), input.Size(3), weight.Size(2), weight.Size(3),
            strideH, strideW, padTop, padBottom, padLeft, padRight, is1d: false);
    }

    /// <summary><see cref="Conv2d"/> that also fills <paramref name="moments"/> with the output planes' statistics for a following BatchNorm2d.</summary>
    internal static Tensor Conv2dWithMoments(Tensor input, Tensor weight, Tensor? bias, int strideH, int strideW,
        int padTop, int padBottom, int padLeft, int padRight, PlaneMoments moments)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(weight);
        if (input.Rank != 4) throw new ArgumentException($"Conv2d: input must be [N, C, H, W], got {Tensor.ShapeString(input.Shape)}.");
        if (weight.Rank != 4) throw new ArgumentException($"Conv2d: weight must be [O, C, kh, kw], got {Tensor.ShapeString(weight.Shape)}.");
        return ConvCore("Conv2d", input, weight, bias, input.Size(2), input.Size(3), weight.Size(2), weight.Size(3),
            strideH, strideW, padTop, padBottom, padLeft, padRight, is1d: false, moments);
    }

    /// <summary>
    /// 1-D cross-correlation (<c>F.conv1d</c>, dilation 1, groups 1): input [N, C, L], weight [O, C, k], bias [O] or
    /// null; result [N, O, Lo] with <c>Lo = (L + padLeft + padRight - k) / stride + 1</c>.
    /// </summary>
    public static Tensor Conv1d(Tensor input, Tensor weight, Tensor? bias = null, int stride = 1, int padLeft = 0, int padRight = 0)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(weight);
        if (input.Rank != 3) throw new ArgumentException($"Conv1d: input must be [N, C, L], got {Tensor.ShapeString(input.Shape)}.");
        if (weight.Rank != 3) throw new ArgumentException($"Conv1d: weight must be [O, C, k], got {Tensor.ShapeString(weight.Shape)}.");
        return ConvCore("Conv1d", input, weight, bias, 1, input.Size(2), 1, weight.Size(2), 1, stride, 0, 0, padLeft, padRight, is1d: true);
    }

    /// <summary>
    /// Row stride for a matrix of <paramref name="columns"/> floats per row: one cache line more when the row length is a
    /// multiple of 2 KB, so that walking down a column (GEMM packing and micro-kernel, gather and scatter of grouped
    /// samples) does not hit the same few L1 sets on every row.
    /// </summary>
    private static int AliasFreeStride(int columns) => columns % 512 == 0 ? columns + 16 : columns;

    /// <summary>
    /// im2col of samples [s0, s0 + sg) side by side: sample j's columns start at <c>j * cols</c> of <paramref name="col"/>
    /// (row stride <paramref name="ldCol"/>), through the zero-padded copy when <paramref name="pad"/> is given.
    /// Shared by the forward pass and the weight gradient so both unfold the same way.
    /// </summary>
    private static void UnfoldSamples(float[] x, int s0, int sg, int inPlane, in ConvGeometry geo, float[]? pad,
        float[] col, int cols, int ldCol, string tag)
    {
        using (Profiler.Scope(tag, "im2col"))
            for (int j = 0; j < sg; j++)
            {
                var xs = x.AsSpan((s0 + j) * inPlane, inPlane);
                if (pad is not null) Im2Col.UnfoldPadded(xs, geo, pad, col.AsSpan(j * cols), ldCol);
                else Im2Col.Unfold(xs, geo, col);
            }
    }

    private static Tensor ConvCore(string op, Tensor input, Tensor weight, Tensor? bias, int h, int w, int kh, int kw,
        int sh, int sw, int pt, int pb, int pl, int pr, bool is1d, PlaneMoments? moments = null)
    {
        int n = input.Size(0), c = input.Size(1), o = weight.Size(0);
        if (weight.Size(1) != c)
            throw new ArgumentException($"{op}: input {Tensor.ShapeString(input.Shape)} has {c} channels but weight {Tensor.ShapeString(weight.Shape)} expects {weight.Size(1)}.");
        if (bias is not null && (bias.Rank != 1 || bias.Size(0) != o))
            throw new ArgumentException($"{op}: bias {Tensor.ShapeString(bias.Shape)} does not match {o} output channels.");
        if (sh < 1 || sw < 1) throw new ArgumentException($"{op}: stride must be >= 1.");
        if (pt < 0 || pb < 0 || pl < 0 || pr < 0) throw new ArgumentException($"{op}: padding must be >= 0.");
        int outH = (h + pt + pb - kh) / sh + 1, outW = (w + pl + pr - kw) / sw + 1;
        if (h + pt + pb < kh || w + pl + pr < kw || outH < 1 || outW < 1)
            throw new ArgumentException($"{op}: kernel {Tensor.ShapeString(weight.Shape)} is larger than the padded input {Tensor.ShapeString(input.Shape)}.");
        var geo = new ConvGeometry(c, h, w, kh, kw, sh, sw, pt, pl, outH, outW);
        int[] outShape = is1d ? [n, o, outW] : [n, o, outH, outW];
        var y = Tensor.Empty(outShape);
        moments?.Reset(n * o, geo.ColCols);
        float[] x = input.Buffer, wt = weight.Buffer, yv = y.Buffer;
        float[]? bv = bias?.Buffer;
        int k = geo.ColRows, cols = geo.ColCols, inPlane = c * geo.InputPlane, outPlane = o * cols;
        bool pointwise = geo.IsPointwise;
        string tag = Profiler.Enabled ? $"{op} {c}->{o} " : "";
        // Spread samples over threads only when each thread gets enough arithmetic to pay for the hand-off.
        long flopsPerSample = 2L * o * k * cols;
        // An empty batch (n = 0) gives an empty result and zero weight gradients, as in PyTorch: keep the bounds >= 1.
        int samplesBound = Math.Max(1, n);
        int workers = ParallelRange.Workers(n, (int)Math.Clamp(2_000_000 / Math.Max(1, flopsPerSample), 1, samplesBound));

        // Direct kernel instead of im2col + GEMM where one applies (the column matrix is 25 times the input for 5×5):
        // pixel-vectorised for rows of 16 or more, channel-vectorised for rows of 8 to 15 with a multiple of 32 filters.
        var kind = DirectKernels.Choose(geo, o);
        bool direct = kind != DirectConvKind.None;
        // Small output planes on the GEMM path: several samples' columns side by side in one GEMM, so the weights are
        // packed once per group instead of once per sample and the GEMM's n (and the weight gradient's k) is not tiny.
        int group = pointwise || !geo.UsesPadded ? 1 : Math.Clamp(GroupColumns / cols, 1, samplesBound);

        if (direct)
        {
            var packedW = BufferPool.Rent(DirectKernels.PackedWeightFloats(kind, geo, o));
            DirectKernels.PackWeights(kind, wt, geo, o, packedW);
            ParallelRange.For(n, workers, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (_, start, end) =>
            {
                var pad = BufferPool.Rent(DirectConv.PaddedFloats(geo));
                for (int s = start; s < end; s++)
                {
                    DirectConv.Pad(x.AsSpan(s * inPlane, inPlane), geo, pad);
                    using (Profiler.Scope(tag, "direct.fwd"))
                        DirectKernels.Forward(kind, pad, geo, packedW, bv, o, yv.AsSpan(s * outPlane, outPlane));
                    moments?.Record(s * o, o, yv.AsSpan(s * outPlane, outPlane));
                }
                BufferPool.Return(pad);
            });
            BufferPool.Return(packedW);
        }
        else ParallelRange.For(n, workers, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (_, start, end) =>
        {
            int maxGroup = Math.Min(group, end - start);
            int ldCol = geo.UsesPadded ? AliasFreeStride(maxGroup * cols) : cols, ldG = AliasFreeStride(maxGroup * cols);
            float[]? col = pointwise ? null : BufferPool.Rent(k * ldCol);
            float[]? outG = maxGroup > 1 ? BufferPool.Rent(o * ldG) : null;
            float[]? pad = pointwise || !geo.UsesPadded ? null : BufferPool.Rent(geo.PaddedSize);
            for (int s0 = start; s0 < end; s0 += maxGroup)
            {
                int sg = Math.Min(maxGroup, end - s0), wcols = sg * cols;
                if (col is not null) UnfoldSamples(x, s0, sg, inPlane, geo, pad, col, cols, ldCol, tag);
                ReadOnlySpan<float> bmat = col is null ? x.AsSpan(s0 * inPlane, inPlane) : col;
                int ldb = col is null ? cols : ldCol;
                if (outG is null)
                {
                    var ys = yv.AsSpan(s0 * outPlane, outPlane);
                    using (Profiler.Scope(tag, "gemm.fwd")) Gemm.Sgemm(false, false, o, cols, k, 1f, wt, k, bmat, ldb, 0f, ys, cols);
                    if (bv is not null)
                        for (int oc = 0; oc < o; oc++) { var row = ys.Slice(oc * cols, cols); TensorPrimitives.Add(row, bv[oc], row); }
                    moments?.Record(s0 * o, o, ys);
                }
                else
                {
                    using (Profiler.Scope(tag, "gemm.fwd")) Gemm.Sgemm(false, false, o, wcols, k, 1f, wt, k, bmat, ldb, 0f, outG, ldG);
                    using (Profiler.Scope(tag, "scatter"))
                        for (int j = 0; j < sg; j++)
                            for (int oc = 0; oc < o; oc++)
                            {
                                var src = outG.AsSpan(oc * ldG + j * cols, cols);
                                var dst = yv.AsSpan((s0 + j) * outPlane + oc * cols, cols);
                                if (bv is not null) TensorPrimitives.Add(src, bv[oc], dst);
                                else src.CopyTo(dst);
                            }
                    if (moments is not null)
                        for (int j = 0; j < sg; j++) moments.Record((s0 + j) * o, o, yv.AsSpan((s0 + j) * outPlane, outPlane));
                }
            }
            if (col is not null) BufferPool.Return(col);
            if (outG is not null) BufferPool.Return(outG);
            if (pad is not null) BufferPool.Return(pad);
        });

        // Weight gradient straight from the padded input where output rows fill a vector and few output channels make
        // the GEMM dW = gy·colᵀ bandwidth-bound: no column matrix in backward at all.
        bool directW = !pointwise && o <= DirectWeightGradientMaxOut && DirectConv.AppliesToWeightGradient(geo);
        // Input gradient as the direct forward kernel on the padded output gradient with the flipped, transposed
        // weights (a full correlation): again no column matrix.
        var geoT = new ConvGeometry(o, geo.OutH, geo.OutW, kh, kw, 1, 1, kh - 1 - pt, kw - 1 - pl, h, w);
        var kindX = !pointwise && sh == 1 && sw == 1 && pt < kh && pl < kw ? DirectKernels.Choose(geoT, c) : DirectConvKind.None;
        bool directX = kindX != DirectConvKind.None;
        // Backward groups samples only for what still runs as GEMM.
        int groupB = directW && directX ? Math.Clamp(GroupColumns / cols, 1, samplesBound) : group;
        Tensor[] inputs = bias is null ? [input, weight] : [input, weight, bias];
        return y.Record(op + "Backward", inputs, new ConvAttributes(sh, sw, pt, pb, pl, pr), g =>
        {
            bool needX = input.RequiresGrad, needW = weight.RequiresGrad, needB = bias is not null && bias.RequiresGrad;
            // The direct input gradient writes every element: a first gradient needs neither zeroing nor a temporary.
            bool overwriteX = false;
            float[]? gx = !needX ? null : directX ? input.GradArrayForWrite(out overwriteX) : input.GradArray();
            float[]? packedT = null;
            if (needX && directX)
            {
                // wT[c, o, kh-1-ki, kw-1-kj] = w[o, c, ki, kj]
                int taps = kh * kw;
                var wT = BufferPool.Rent(o * k);
                for (int oc = 0; oc < o; oc++)
                    for (int ch = 0; ch < c; ch++)
                        for (int t = 0; t < taps; t++)
                            wT[(ch * o + oc) * taps + taps - 1 - t] = wt[(oc * c + ch) * taps + t];
                packedT = BufferPool.Rent(DirectKernels.PackedWeightFloats(kindX, geoT, c));
                DirectKernels.PackWeights(kindX, wT, geoT, c, packedT);
                BufferPool.Return(wT);
            }
            var gwParts = new float[workers][];
            var gbParts = new float[workers][];
            ParallelRange.For(n, workers, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (worker, start, end) =>
            {
                int maxGroup = Math.Min(groupB, end - start);
                int ldCol = geo.UsesPadded ? AliasFreeStride(maxGroup * cols) : cols, ldG = AliasFreeStride(maxGroup * cols);
                float[]? col = pointwise || !needW || directW ? null : BufferPool.Rent(k * ldCol);
                float[]? dpad = directW && needW ? BufferPool.Rent(DirectConv.PaddedFloats(geo) * maxGroup) : null;
                float[]? dcol = pointwise || !needX || directX ? null : BufferPool.Rent(k * ldCol);
                float[]? gpad = packedT is not null ? BufferPool.Rent(DirectConv.PaddedFloats(geoT)) : null;
                float[]? dxs = packedT is not null && !overwriteX ? BufferPool.Rent(inPlane) : null;
                // The gathered output gradient feeds only the GEMMs.
                float[]? gG = maxGroup > 1 && !(directW && directX) ? BufferPool.Rent(o * ldG) : null;
                float[]? gw = needW ? BufferPool.RentZeroed(o * k) : null;
                float[]? gb = needB ? BufferPool.RentZeroed(o) : null;
                float[]? pad = pointwise || !geo.UsesPadded ? null : BufferPool.Rent(geo.PaddedSize);
                for (int s0 = start; s0 < end; s0 += maxGroup)
                {
                    int sg = Math.Min(maxGroup, end - s0), wcols = sg * cols;
                    ReadOnlySpan<float> gmat;
                    int ldg = gG is null ? cols : ldG;
                    if (gG is null) gmat = g.AsSpan(s0 * outPlane, outPlane);
                    else
                    {
                        using (Profiler.Scope(tag, "gather"))
                            for (int oc = 0; oc < o; oc++)
                                for (int j = 0; j < sg; j++)
                                    g.AsSpan((s0 + j) * outPlane + oc * cols, cols).CopyTo(gG.AsSpan(oc * ldG + j * cols, cols));
                        gmat = gG;
                    }
                    if (gw is not null && dpad is not null)
                    {
                        // All samples of the group in one call: each sum is reduced once per group, not per (small) plane.
                        int padFloats = DirectConv.PaddedFloats(geo);
                        for (int j = 0; j < sg; j++) DirectConv.Pad(x.AsSpan((s0 + j) * inPlane, inPlane), geo, dpad.AsSpan(j * padFloats, padFloats));
                        using (Profiler.Scope(tag, "direct.dW"))
                            DirectConv.WeightGradient(dpad, geo, g.AsSpan(s0 * outPlane, sg * outPlane), o, gw, sg);
                    }
                    else if (gw is not null)
                    {
                        if (col is not null) UnfoldSamples(x, s0, sg, inPlane, geo, pad, col, cols, ldCol, tag);
                        ReadOnlySpan<float> bmat = col is null ? x.AsSpan(s0 * inPlane, inPlane) : col;
                        using (Profiler.Scope(tag, "gemm.dW")) Gemm.Sgemm(false, true, o, k, wcols, 1f, gmat, ldg, bmat, col is null ? cols : ldCol, 1f, gw, k);
                    }
                    if (gb is not null)
                        for (int j = 0; j < sg; j++)
                            for (int oc = 0; oc < o; oc++) gb[oc] += TensorPrimitives.Sum(g.AsSpan((s0 + j) * outPlane + oc * cols, cols));
                    if (gx is not null)
                    {
                        if (gpad is not null)
                            for (int j = 0; j < sg; j++)
                            {
                                DirectConv.Pad(g.AsSpan((s0 + j) * outPlane, outPlane), geoT, gpad);
                                var gxs = gx.AsSpan((s0 + j) * inPlane, inPlane);
                                using (Profiler.Scope(tag, "direct.dX")) DirectKernels.Forward(kindX, gpad, geoT, packedT, default, c, dxs ?? gxs);
                                if (dxs is not null) TensorPrimitives.Add(gxs, dxs, gxs);
                            }
                        else if (dcol is null)
                        {
                            var gxs = gx.AsSpan(s0 * inPlane, inPlane);
                            Gemm.Sgemm(true, false, k, cols, o, 1f, wt, k, gmat, ldg, 1f, gxs, cols);
                        }
                        else
                        {
                            using (Profiler.Scope(tag, "gemm.dX")) Gemm.Sgemm(true, false, k, wcols, o, 1f, wt, k, gmat, ldg, 0f, dcol, ldCol);
                            using (Profiler.Scope(tag, "col2im"))
                                for (int j = 0; j < sg; j++)
                                {
                                    var gxs = gx.AsSpan((s0 + j) * inPlane, inPlane);
                                    if (pad is not null) Im2Col.FoldAddPadded(dcol.AsSpan(j * cols), geo, pad, gxs, ldCol);
                                    else Im2Col.FoldAdd(dcol, geo, gxs);
                                }
                        }
                    }
                }
                if (col is not null) BufferPool.Return(col);
                if (dpad is not null) BufferPool.Return(dpad);
                if (dcol is not null) BufferPool.Return(dcol);
                if (gpad is not null) BufferPool.Return(gpad);
                if (dxs is not null) BufferPool.Return(dxs);
                if (gG is not null) BufferPool.Return(gG);
                if (pad is not null) BufferPool.Return(pad);
                gwParts[worker] = gw!;
                gbParts[worker] = gb!;
            });
            if (packedT is not null) BufferPool.Return(packedT);
            if (needW)
            {
                var gW = weight.GradArray();
                foreach (var part in gwParts) if (part is not null) { TensorPrimitives.Add(gW, part, gW); BufferPool.Return(part); }
            }
            if (needB)
            {
                var gB = bias!.GradArray();
                foreach (var part in gbParts) if (part is not null) { TensorPrimitives.Add(gB, part, gB); BufferPool.Return(part); }
            }
        });
    }
}
