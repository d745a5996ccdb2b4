using System.Numerics.Tensors;
using GenreNotebooks.Nn.Kernels;

namespace GenreNotebooks.Nn;

public static partial class Functional
{
    /// <summary>
    /// 2-D cross-correlation (<c>F.conv2d</c>, dilation 1, groups 1): input [N, C, H, W], weight [O, C, kh, kw],
    /// bias [O] or null; result [N, O, Ho, Wo] with <c>Ho = (H + padTop + padBottom - kh) / strideH + 1</c>.
    /// Computed per sample as im2col + one GEMM, samples spread over <see cref="Threads.Count"/> threads.
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

    private static Tensor ConvCore(string op, Tensor input, Tensor weight, Tensor? bias, int h, int w, int kh, int kw,
        int sh, int sw, int pt, int pb, int pl, int pr, bool is1d)
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
        float[] x = input.Buffer, wt = weight.Buffer, yv = y.Buffer;
        float[]? bv = bias?.Buffer;
        int k = geo.ColRows, cols = geo.ColCols, inPlane = c * geo.InputPlane, outPlane = o * cols;
        bool pointwise = geo.IsPointwise;
        string tag = Profiler.Enabled ? $"{op} {c}->{o} " : "";
        // Spread samples over threads only when each thread gets enough arithmetic to pay for the hand-off.
        long flopsPerSample = 2L * o * k * cols;
        int workers = ParallelRange.Workers(n, (int)Math.Clamp(2_000_000 / Math.Max(1, flopsPerSample), 1, n));

        ParallelRange.For(n, workers, (_, start, end) =>
        {
            float[]? col = pointwise ? null : BufferPool.Rent(k * cols);
            float[]? pad = pointwise || !geo.UsesPadded ? null : BufferPool.Rent(geo.PaddedSize);
            for (int s = start; s < end; s++)
            {
                var xs = x.AsSpan(s * inPlane, inPlane);
                var ys = yv.AsSpan(s * outPlane, outPlane);
                if (col is not null) using (Profiler.Scope(tag, "im2col")) Unfold(xs, geo, pad, col);
                float beta = 0f;
                if (bv is not null)
                {
                    for (int oc = 0; oc < o; oc++) ys.Slice(oc * cols, cols).Fill(bv[oc]);
                    beta = 1f;
                }
                using (Profiler.Scope(tag, "gemm.fwd")) Gemm.Sgemm(false, false, o, cols, k, 1f, wt, k, col is null ? xs : col, cols, beta, ys, cols);
            }
            if (col is not null) BufferPool.Return(col);
            if (pad is not null) BufferPool.Return(pad);
        });

        Tensor[] inputs = bias is null ? [input, weight] : [input, weight, bias];
        return y.Record(op + "Backward", inputs, g =>
        {
            bool needX = input.RequiresGrad, needW = weight.RequiresGrad, needB = bias is not null && bias.RequiresGrad;
            float[]? gx = needX ? input.GradArray() : null;
            var gwParts = new float[workers][];
            var gbParts = new float[workers][];
            ParallelRange.For(n, workers, (worker, start, end) =>
            {
                float[]? col = pointwise || !needW ? null : BufferPool.Rent(k * cols);
                float[]? dcol = pointwise || !needX ? null : BufferPool.Rent(k * cols);
                float[]? gw = needW ? BufferPool.RentZeroed(o * k) : null;
                float[]? gb = needB ? BufferPool.RentZeroed(o) : null;
                float[]? pad = pointwise || !geo.UsesPadded ? null : BufferPool.Rent(geo.PaddedSize);
                for (int s = start; s < end; s++)
                {
                    var xs = x.AsSpan(s * inPlane, inPlane);
                    var gs = g.AsSpan(s * outPlane, outPlane);
                    if (gw is not null)
                    {
                        if (col is not null) using (Profiler.Scope(tag, "im2col")) Unfold(xs, geo, pad, col);
                        using (Profiler.Scope(tag, "gemm.dW")) Gemm.Sgemm(false, true, o, k, cols, 1f, gs, cols, col is null ? xs : col, cols, 1f, gw, k);
                    }
                    if (gb is not null)
                        for (int oc = 0; oc < o; oc++) gb[oc] += TensorPrimitives.Sum(gs.Slice(oc * cols, cols));
                    if (gx is not null)
                    {
                        var gxs = gx.AsSpan(s * inPlane, inPlane);
                        if (dcol is null) Gemm.Sgemm(true, false, k, cols, o, 1f, wt, k, gs, cols, 1f, gxs, cols);
                        else
                        {
                            using (Profiler.Scope(tag, "gemm.dX")) Gemm.Sgemm(true, false, k, cols, o, 1f, wt, k, gs, cols, 0f, dcol, cols);
                            using (Profiler.Scope(tag, "col2im"))
                            {
                                if (pad is not null) Im2Col.FoldAddPadded(dcol, geo, pad, gxs);
                                else Im2Col.FoldAdd(dcol, geo, gxs);
                            }
                        }
                    }
                }
                if (col is not null) BufferPool.Return(col);
                if (dcol is not null) BufferPool.Return(dcol);
                if (pad is not null) BufferPool.Return(pad);
                gwParts[worker] = gw!;
                gbParts[worker] = gb!;
            });
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

    private static void Unfold(ReadOnlySpan<float> x, in ConvGeometry geo, float[]? padded, Span<float> col)
    {
        if (padded is not null) Im2Col.UnfoldPadded(x, geo, padded, col);
        else Im2Col.Unfold(x, geo, col);
    }
}
