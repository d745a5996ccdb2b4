using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace GenreNotebooks.Nn.Kernels;

/// <summary>Geometry of one 2-D convolution (1-D convolutions use height 1).</summary>
internal readonly record struct ConvGeometry(
    int Channels, int Height, int Width, int KernelH, int KernelW, int StrideH, int StrideW,
    int PadTop, int PadLeft, int OutH, int OutW)
{
    public int ColRows => Channels * KernelH * KernelW;
    public int ColCols => OutH * OutW;
    public int InputPlane => Height * Width;
    public bool IsPointwise => KernelH == 1 && KernelW == 1 && StrideH == 1 && StrideW == 1 && PadTop == 0 && PadLeft == 0;

    /// <summary>Rows of the zero-padded input plane the padded im2col reads (enough for every output row).</summary>
    public int PaddedH => (OutH - 1) * StrideH + KernelH;

    /// <summary>Columns of the zero-padded input plane the padded im2col reads.</summary>
    public int PaddedW => OutW - 1 + KernelW;

    /// <summary>Floats of one sample's zero-padded input (all channels).</summary>
    public int PaddedSize => Channels * PaddedH * PaddedW;

    /// <summary>True when the padded im2col applies (unit horizontal stride, so each column row segment is contiguous).</summary>
    public bool UsesPadded => StrideW == 1;
}

/// <summary>
/// im2col / col2im for one sample: the column matrix is [C*kh*kw, outH*outW], row (c, ki, kj), so the convolution
/// is one GEMM <c>W[O, C*kh*kw] @ col</c> whose result is already the NCHW output plane block (no transpose).
/// </summary>
internal static class Im2Col
{
    /// <summary>
    /// <see cref="Unfold"/> for unit horizontal stride via a zero-padded copy of the sample (<paramref name="padded"/>,
    /// <see cref="ConvGeometry.PaddedSize"/> floats of scratch; column rows <paramref name="ldcol"/> apart, 0 meaning
    /// packed, so several samples can sit side by side): every output-row segment of the column matrix is then
    /// one contiguous copy with no bounds logic, which matters when rows are as short as 8 floats.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static unsafe void UnfoldPadded(ReadOnlySpan<float> x, in ConvGeometry g, Span<float> padded, Span<float> col, int ldcol = 0)
    {
        int hp = g.PaddedH, wp = g.PaddedW, outW = g.OutW, cols = g.ColCols;
        if (ldcol == 0) ldcol = cols;
        if (col.Length < (long)(g.ColRows - 1) * ldcol + cols) throw new ArgumentException("Im2Col: column buffer too short.", nameof(col));
        padded[..g.PaddedSize].Clear();
        for (int c = 0; c < g.Channels; c++)
            for (int ih = 0; ih < g.Height; ih++)
            {
                int ph = ih + g.PadTop;
                if (ph >= hp) break;
                int copy = Math.Min(g.Width, wp - g.PadLeft);
                if (copy > 0) x.Slice((c * g.Height + ih) * g.Width, copy).CopyTo(padded.Slice((c * hp + ph) * wp + g.PadLeft, copy));
            }
        fixed (float* pp = padded, pc = col)
        {
            float* dstRow = pc;
            for (int c = 0; c < g.Channels; c++)
                for (int ki = 0; ki < g.KernelH; ki++)
                    for (int kj = 0; kj < g.KernelW; kj++, dstRow += ldcol)
                    {
                        float* src = pp + (c * hp + ki) * wp + kj;
                        float* dst = dstRow;
                        for (int oh = 0; oh < g.OutH; oh++, dst += outW)
                            CopyRow(src + oh * g.StrideH * wp, dst, outW);
                    }
        }
    }

    /// <summary>
    /// <see cref="FoldAdd"/> for unit horizontal stride: accumulates into a zeroed padded plane
    /// (<paramref name="padded"/>, <see cref="ConvGeometry.PaddedSize"/> floats of scratch) with contiguous adds, then adds
    /// its interior onto <paramref name="dx"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static unsafe void FoldAddPadded(ReadOnlySpan<float> col, in ConvGeometry g, Span<float> padded, Span<float> dx, int ldcol = 0)
    {
        int hp = g.PaddedH, wp = g.PaddedW, outW = g.OutW;
        if (ldcol == 0) ldcol = g.ColCols;
        if (col.Length < (long)(g.ColRows - 1) * ldcol + g.ColCols) throw new ArgumentException("Im2Col: column buffer too short.", nameof(col));
        padded[..g.PaddedSize].Clear();
        fixed (float* pp = padded, pc = col)
        {
            float* srcRow = pc;
            for (int c = 0; c < g.Channels; c++)
                for (int ki = 0; ki < g.KernelH; ki++)
                    for (int kj = 0; kj < g.KernelW; kj++, srcRow += ldcol)
                    {
                        float* dst = pp + (c * hp + ki) * wp + kj;
                        float* src = srcRow;
                        for (int oh = 0; oh < g.OutH; oh++, src += outW)
                            AddRow(src, dst + oh * g.StrideH * wp, outW);
                    }
        }
        for (int c = 0; c < g.Channels; c++)
            for (int ih = 0; ih < g.Height; ih++)
            {
                int ph = ih + g.PadTop;
                if (ph >= hp) break;
                int n = Math.Min(g.Width, wp - g.PadLeft);
                if (n <= 0) continue;
                var d = dx.Slice((c * g.Height + ih) * g.Width, n);
                TensorPrimitives.Add(d, padded.Slice((c * hp + ph) * wp + g.PadLeft, n), d);
            }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void CopyRow(float* src, float* dst, int n)
    {
        if (n >= 8)
        {
            int i = 0;
            for (; i + 8 <= n; i += 8) Vector256.Store(Vector256.Load(src + i), dst + i);
            // An overlapping last vector instead of a scalar tail: it rewrites a few values with themselves.
            if (i < n) Vector256.Store(Vector256.Load(src + n - 8), dst + n - 8);
        }
        else
            for (int i = 0; i < n; i++) dst[i] = src[i];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void AddRow(float* src, float* dst, int n)
    {
        int i = 0;
        for (; i + 8 <= n; i += 8) Vector256.Store(Vector256.Load(dst + i) + Vector256.Load(src + i), dst + i);
        for (; i < n; i++) dst[i] += src[i];
    }

    public static void Unfold(ReadOnlySpan<float> x, in ConvGeometry g, Span<float> col)
    {
        int cols = g.ColCols;
        for (int c = 0; c < g.Channels; c++)
            for (int ki = 0; ki < g.KernelH; ki++)
                for (int kj = 0; kj < g.KernelW; kj++)
                {
                    var dst = col.Slice(((c * g.KernelH + ki) * g.KernelW + kj) * cols, cols);
                    var (lo, hi) = ValidRange(kj, g);
                    for (int oh = 0; oh < g.OutH; oh++)
                    {
                        var row = dst.Slice(oh * g.OutW, g.OutW);
                        int ih = oh * g.StrideH + ki - g.PadTop;
                        if ((uint)ih >= (uint)g.Height) { row.Clear(); continue; }
                        var src = x.Slice((c * g.Height + ih) * g.Width, g.Width);
                        row[..lo].Clear();
                        if (hi < g.OutW) row[hi..].Clear();
                        if (g.StrideW == 1)
                        {
                            if (hi > lo) src.Slice(lo + kj - g.PadLeft, hi - lo).CopyTo(row[lo..hi]);
                        }
                        else
                        {
                            for (int ow = lo; ow < hi; ow++) row[ow] = src[ow * g.StrideW + kj - g.PadLeft];
                        }
                    }
                }
    }

    /// <summary>Adds the column gradient back onto the input gradient (the adjoint of <see cref="Unfold"/>).</summary>
    public static void FoldAdd(ReadOnlySpan<float> col, in ConvGeometry g, Span<float> dx)
    {
        int cols = g.ColCols;
        for (int c = 0; c < g.Channels; c++)
            for (int ki = 0; ki < g.KernelH; ki++)
                for (int kj = 0; kj < g.KernelW; kj++)
                {
                    var src = col.Slice(((c * g.KernelH + ki) * g.KernelW + kj) * cols, cols);
                    var (lo, hi) = ValidRange(kj, g);
                    if (hi <= lo) continue;
                    for (int oh = 0; oh < g.OutH; oh++)
                    {
                        int ih = oh * g.StrideH + ki - g.PadTop;
                        if ((uint)ih >= (uint)g.Height) continue;
                        var row = src.Slice(oh * g.OutW, g.OutW);
                        var dstRow = dx.Slice((c * g.Height + ih) * g.Width, g.Width);
                        if (g.StrideW == 1)
                        {
                            var d = dstRow.Slice(lo + kj - g.PadLeft, hi - lo);
                            TensorPrimitives.Add(d, row[lo..hi], d);
                        }
                        else
                        {
                            for (int ow = lo; ow < hi; ow++) dstRow[ow * g.StrideW + kj - g.PadLeft] += row[ow];
                        }
                    }
                }
    }

    /// <summary>Output columns [lo, hi) whose input column for kernel column <paramref name="kj"/> lies inside the image.</summary>
    private static (int Lo, int Hi) ValidRange(int kj, in ConvGeometry g)
    {
        int offset = kj - g.PadLeft;
        int lo = offset >= 0 ? 0 : (-offset + g.StrideW - 1) / g.StrideW;
        int hi = g.Width - 1 - offset < 0 ? 0 : (g.Width - 1 - offset) / g.StrideW + 1;
        lo = Math.Min(lo, g.OutW);
        hi = Math.Clamp(hi, lo, g.OutW);
        return (lo, hi);
    }
}
