using System.Numerics.Tensors;

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
}

/// <summary>
/// im2col / col2im for one sample: the column matrix is [C*kh*kw, outH*outW], row (c, ki, kj), so the convolution
/// is one GEMM <c>W[O, C*kh*kw] @ col</c> whose result is already the NCHW output plane block (no transpose).
/// </summary>
internal static class Im2Col
{
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
