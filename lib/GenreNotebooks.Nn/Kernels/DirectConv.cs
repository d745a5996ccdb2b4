using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GenreNotebooks.Nn.Kernels;

/// <summary>
/// Direct (no im2col) convolution kernels with unit stride for output rows of at least 16 pixels. Forward (up to 64
/// input and output channels, and the input gradient as a full correlation with flipped weights): 16 output pixels of
/// two output rows × 8 output channels in 16 AVX-512 registers, each input vector feeding 8 FMAs, each broadcast
/// weight 2; up to 4 leftover columns of a row are computed as transposed column strips. For the first layer of the
/// 2-D CNN (1 channel, 5×5, 128×130 output, 8 filters) the column matrix would be 25 times the input for a GEMM with
/// only 8 rows. Weight gradient: a direct reduction dW[o, c, ki, kj] = Σ gy[o, p] · xpad[c, p + (ki, kj)] over the
/// samples of a group, 4 output channels × 5 kernel columns of lane-wise sums in registers, so backward needs no
/// column matrix either. All read zero-padded copies of the samples (<see cref="PaddedFloats"/> floats each, built by
/// <see cref="Pad"/>).
/// </summary>
internal static unsafe class DirectConv
{
    /// <summary>Output channels held in registers by the forward kernel.</summary>
    public const int OcBlock = 8;

    private const int Lanes = 16;

    /// <summary>Most leftover columns (past the last full vector of a row) computed as column strips.</summary>
    private const int MaxStripColumns = 4;

    /// <summary>
    /// True when <see cref="Forward"/> computes this convolution (instead of im2col + GEMM): unit strides, output rows
    /// of at least one vector and at least two of them (1-D convolutions would leave half of the two-row block idle),
    /// a kernel of at most 11×11, AVX-512 available, and either one input channel (where the
    /// column matrix would dwarf the product) or at most 64 input and 64 output channels, where the 2-row × 8-channel
    /// register block runs at least as fast as the GEMM and saves the unfold (measured on the 2-D CNN's layers
    /// 8→16, 16→32 and 32→64, forward and, as a full correlation, input gradient).
    /// </summary>
    public static bool Applies(in ConvGeometry g, int outChannels) =>
        UnitStrideWideRows(g) && (g.Channels == 1 || (g.Channels <= 64 && outChannels <= 64));

    /// <summary>
    /// True when <see cref="WeightGradient"/> handles this convolution's weight gradient: unit strides, output rows of
    /// at least one vector, a kernel of at most 11×11 whose width is a multiple of 5 (the register block's 5 kernel
    /// columns; narrower kernels leave it mostly idle and run faster as GEMM), AVX-512 available.
    /// </summary>
    public static bool AppliesToWeightGradient(in ConvGeometry g) => UnitStrideWideRows(g) && g.KernelW % 5 == 0;

    private static bool UnitStrideWideRows(in ConvGeometry g) =>
        Vector512.IsHardwareAccelerated && Avx512F.IsSupported &&
        g.StrideH == 1 && g.StrideW == 1 && g.OutW >= Lanes && g.OutH >= 2 && g.KernelH <= 11 && g.KernelW <= 11 && g.KernelH * g.KernelW > 1;

    /// <summary>Floats of one padded channel plane, <see cref="ConvGeometry.PaddedH"/> × <see cref="ConvGeometry.PaddedW"/>.</summary>
    public static int PlaneFloats(in ConvGeometry g) => g.PaddedH * g.PaddedW;

    /// <summary>Floats of the padded sample: the channel planes plus one spare zero row (the two-row forward reads one past).</summary>
    public static int PaddedFloats(in ConvGeometry g) => g.Channels * PlaneFloats(g) + g.PaddedW;

    /// <summary>Floats of the weights repacked by <see cref="PackWeights"/>.</summary>
    public static int PackedWeightFloats(in ConvGeometry g, int outChannels) =>
        (outChannels + OcBlock - 1) / OcBlock * OcBlock * g.Channels * g.KernelH * g.KernelW;

    /// <summary>Weights [O, C, kh, kw] as [O/8][C·kh·kw][8] with the missing channels of the last block zero.</summary>
    public static void PackWeights(ReadOnlySpan<float> w, in ConvGeometry g, int outChannels, Span<float> packed)
    {
        int k = g.Channels * g.KernelH * g.KernelW;
        packed[..PackedWeightFloats(g, outChannels)].Clear();
        for (int oc = 0; oc < outChannels; oc++)
            for (int t = 0; t < k; t++)
                packed[((oc / OcBlock) * k + t) * OcBlock + oc % OcBlock] = w[oc * k + t];
    }

    /// <summary>Writes the zero-padded copy of one sample <paramref name="x"/> ([C, H, W]) into <paramref name="padded"/>.</summary>
    public static void Pad(ReadOnlySpan<float> x, in ConvGeometry g, Span<float> padded)
    {
        int hp = g.PaddedH, wp = g.PaddedW, plane = hp * wp;
        padded[..PaddedFloats(g)].Clear();
        int copy = Math.Min(g.Width, wp - g.PadLeft);
        if (copy <= 0) return;
        for (int c = 0; c < g.Channels; c++)
            for (int ih = 0; ih < g.Height; ih++)
            {
                int ph = ih + g.PadTop;
                if (ph >= hp) break;
                x.Slice((c * g.Height + ih) * g.Width, copy).CopyTo(padded.Slice(c * plane + ph * wp + g.PadLeft, copy));
            }
    }

    /// <summary>
    /// y[o, oh, ow] = bias[o] + Σ w[o, ki, kj] · xpad[oh + ki, ow + kj] for one sample; <paramref name="y"/> is
    /// [O, OutH·OutW]. The last vector of a row overlaps the previous one instead of running a scalar tail.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Forward(ReadOnlySpan<float> padded, in ConvGeometry g, ReadOnlySpan<float> packedW, ReadOnlySpan<float> bias,
        int outChannels, Span<float> y)
    {
        int outH = g.OutH, outW = g.OutW, wp = g.PaddedW, kh = g.KernelH, kw = g.KernelW, taps = g.Channels * kh * kw, plane = outH * outW;
        int channels = g.Channels, inPlane = PlaneFloats(g);
        if (padded.Length < PaddedFloats(g) || y.Length < outChannels * plane || packedW.Length < PackedWeightFloats(g, outChannels))
            throw new ArgumentException("DirectConv: buffer too short.");
        // A few columns past the last full vector (65 = 4·16 + 1 in the 2-D CNN's second layer) are computed as
        // column strips vectorised down the rows instead of by an overlapping vector that is mostly recomputation.
        int strip = outW % Lanes <= MaxStripColumns ? outW % Lanes : 0, mainW = outW - strip;
        Span<float> b8 = stackalloc float[OcBlock];
        if (strip > 0) ForwardStrip(padded, g, packedW, bias, outChannels, y, mainW);
        fixed (float* xp = padded, wpk = packedW, yp = y)
        {
            for (int oc0 = 0; oc0 < outChannels; oc0 += OcBlock)
            {
                int nOc = Math.Min(OcBlock, outChannels - oc0);
                b8.Clear();
                if (!bias.IsEmpty) bias.Slice(oc0, nOc).CopyTo(b8);
                var i0 = Vector512.Create(b8[0]); var i1 = Vector512.Create(b8[1]); var i2 = Vector512.Create(b8[2]); var i3 = Vector512.Create(b8[3]);
                var i4 = Vector512.Create(b8[4]); var i5 = Vector512.Create(b8[5]); var i6 = Vector512.Create(b8[6]); var i7 = Vector512.Create(b8[7]);
                float* wb = wpk + oc0 * taps;
                float* yb = yp + (nint)oc0 * plane;
                for (int oh = 0; oh < outH; oh += 2)
                {
                    bool two = oh + 1 < outH;
                    for (int ow = 0; ow < mainW; ow += Lanes)
                    {
                        int o = Math.Min(ow, mainW - Lanes);
                        Vector512<float> a0 = i0, a1 = i1, a2 = i2, a3 = i3, a4 = i4, a5 = i5, a6 = i6, a7 = i7;
                        Vector512<float> c0 = i0, c1 = i1, c2 = i2, c3 = i3, c4 = i4, c5 = i5, c6 = i6, c7 = i7;
                        float* wt = wb;
                        for (int c = 0; c < channels; c++)
                        for (int ki = 0; ki < kh; ki++)
                        {
                            // Row oh + 1 + ki exists: it is the next plane's first row or the spare zero row (and only
                            // feeds the discarded second row when the output height is odd).
                            float* r0 = xp + (nint)c * inPlane + (nint)(oh + ki) * wp + o;
                            float* r1 = r0 + wp;
                            for (int kj = 0; kj < kw; kj++, wt += OcBlock)
                            {
                                var x0 = Vector512.Load(r0 + kj);
                                var x1 = Vector512.Load(r1 + kj);
                                var w = Vector512.Create(wt[0]); a0 = Avx512F.FusedMultiplyAdd(x0, w, a0); c0 = Avx512F.FusedMultiplyAdd(x1, w, c0);
                                w = Vector512.Create(wt[1]); a1 = Avx512F.FusedMultiplyAdd(x0, w, a1); c1 = Avx512F.FusedMultiplyAdd(x1, w, c1);
                                w = Vector512.Create(wt[2]); a2 = Avx512F.FusedMultiplyAdd(x0, w, a2); c2 = Avx512F.FusedMultiplyAdd(x1, w, c2);
                                w = Vector512.Create(wt[3]); a3 = Avx512F.FusedMultiplyAdd(x0, w, a3); c3 = Avx512F.FusedMultiplyAdd(x1, w, c3);
                                w = Vector512.Create(wt[4]); a4 = Avx512F.FusedMultiplyAdd(x0, w, a4); c4 = Avx512F.FusedMultiplyAdd(x1, w, c4);
                                w = Vector512.Create(wt[5]); a5 = Avx512F.FusedMultiplyAdd(x0, w, a5); c5 = Avx512F.FusedMultiplyAdd(x1, w, c5);
                                w = Vector512.Create(wt[6]); a6 = Avx512F.FusedMultiplyAdd(x0, w, a6); c6 = Avx512F.FusedMultiplyAdd(x1, w, c6);
                                w = Vector512.Create(wt[7]); a7 = Avx512F.FusedMultiplyAdd(x0, w, a7); c7 = Avx512F.FusedMultiplyAdd(x1, w, c7);
                            }
                        }
                        float* y0 = yb + (nint)oh * outW + o;
                        Store8(y0, plane, nOc, a0, a1, a2, a3, a4, a5, a6, a7);
                        if (two) Store8(y0 + outW, plane, nOc, c0, c1, c2, c3, c4, c5, c6, c7);
                    }
                }
            }
        }
    }

    /// <summary>
    /// Output columns [<paramref name="col0"/>, OutW) of <see cref="Forward"/> for all rows: the padded input columns
    /// they read are transposed (rows contiguous), then 16 output rows × 8 channels of one column are accumulated per
    /// register block with the same packed weights.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ForwardStrip(ReadOnlySpan<float> padded, in ConvGeometry g, ReadOnlySpan<float> packedW, ReadOnlySpan<float> bias,
        int outChannels, Span<float> y, int col0)
    {
        int outH = g.OutH, outW = g.OutW, wp = g.PaddedW, kh = g.KernelH, kw = g.KernelW, taps = g.Channels * kh * kw, plane = outH * outW;
        int channels = g.Channels, inPlane = PlaneFloats(g), strip = outW - col0, cols = strip + kw - 1;
        int rowsT = (outH + Lanes - 1) / Lanes * Lanes + kh - 1;
        var xT = BufferPool.Rent(channels * cols * rowsT);
        Span<float> b8 = stackalloc float[OcBlock];
        float* tmp = stackalloc float[Lanes * OcBlock];
        fixed (float* xp = padded, wpk = packedW, yp = y, tp = xT)
        {
            // xT[c, j, r] = xpad[c, r, col0 + j]; rows past the padded plane are zero.
            for (int c = 0; c < channels; c++)
                for (int j = 0; j < cols; j++)
                {
                    float* dst = tp + (c * cols + j) * rowsT;
                    float* src = xp + (nint)c * inPlane + col0 + j;
                    int r = 0;
                    for (; r < g.PaddedH; r++) dst[r] = src[(nint)r * wp];
                    for (; r < rowsT; r++) dst[r] = 0f;
                }
            for (int oc0 = 0; oc0 < outChannels; oc0 += OcBlock)
            {
                int nOc = Math.Min(OcBlock, outChannels - oc0);
                b8.Clear();
                if (!bias.IsEmpty) bias.Slice(oc0, nOc).CopyTo(b8);
                float* wb = wpk + oc0 * taps;
                for (int j = 0; j < strip; j++)
                    for (int r0 = 0; r0 < outH; r0 += Lanes)
                    {
                        var a0 = Vector512.Create(b8[0]); var a1 = Vector512.Create(b8[1]); var a2 = Vector512.Create(b8[2]); var a3 = Vector512.Create(b8[3]);
                        var a4 = Vector512.Create(b8[4]); var a5 = Vector512.Create(b8[5]); var a6 = Vector512.Create(b8[6]); var a7 = Vector512.Create(b8[7]);
                        float* wt = wb;
                        for (int c = 0; c < channels; c++)
                            for (int ki = 0; ki < kh; ki++)
                            {
                                float* col = tp + (c * cols + j) * rowsT + r0 + ki;
                                for (int kj = 0; kj < kw; kj++, wt += OcBlock, col += rowsT)
                                {
                                    var x = Vector512.Load(col);
                                    a0 = Avx512F.FusedMultiplyAdd(x, Vector512.Create(wt[0]), a0); a1 = Avx512F.FusedMultiplyAdd(x, Vector512.Create(wt[1]), a1);
                                    a2 = Avx512F.FusedMultiplyAdd(x, Vector512.Create(wt[2]), a2); a3 = Avx512F.FusedMultiplyAdd(x, Vector512.Create(wt[3]), a3);
                                    a4 = Avx512F.FusedMultiplyAdd(x, Vector512.Create(wt[4]), a4); a5 = Avx512F.FusedMultiplyAdd(x, Vector512.Create(wt[5]), a5);
                                    a6 = Avx512F.FusedMultiplyAdd(x, Vector512.Create(wt[6]), a6); a7 = Avx512F.FusedMultiplyAdd(x, Vector512.Create(wt[7]), a7);
                                }
                            }
                        a0.Store(tmp); a1.Store(tmp + 16); a2.Store(tmp + 32); a3.Store(tmp + 48);
                        a4.Store(tmp + 64); a5.Store(tmp + 80); a6.Store(tmp + 96); a7.Store(tmp + 112);
                        int rows = Math.Min(Lanes, outH - r0);
                        for (int q = 0; q < nOc; q++)
                        {
                            float* yo = yp + (nint)(oc0 + q) * plane + (nint)r0 * outW + col0 + j;
                            for (int r = 0; r < rows; r++) yo[(nint)r * outW] = tmp[q * Lanes + r];
                        }
                    }
            }
        }
        BufferPool.Return(xT);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store8(float* y, int plane, int n, Vector512<float> v0, Vector512<float> v1, Vector512<float> v2, Vector512<float> v3,
        Vector512<float> v4, Vector512<float> v5, Vector512<float> v6, Vector512<float> v7)
    {
        v0.Store(y);
        if (n > 1) v1.Store(y + plane);
        if (n > 2) v2.Store(y + 2 * plane);
        if (n > 3) v3.Store(y + 3 * plane);
        if (n > 4) v4.Store(y + 4 * plane);
        if (n > 5) v5.Store(y + 5 * plane);
        if (n > 6) v6.Store(y + 6 * plane);
        if (n > 7) v7.Store(y + 7 * plane);
    }

    /// <summary>
    /// Adds the weight gradient of <paramref name="samples"/> consecutive samples, dw[o, c, ki, kj] +=
    /// Σ_{s, oh, ow} gy[s, o, oh, ow] · xpad[s, c, oh + ki, ow + kj], to <paramref name="dw"/> ([O, C, kh, kw]);
    /// <paramref name="padded"/> holds the samples padded by <see cref="Pad"/> (<see cref="PaddedFloats"/> apart),
    /// <paramref name="gy"/> their output gradients [samples, O, OutH·OutW]. Each (output channel, input channel, tap)
    /// sum runs in 16 lanes over all the samples' planes, then is reduced once.
    /// </summary>
    public static void WeightGradient(ReadOnlySpan<float> padded, in ConvGeometry g, ReadOnlySpan<float> gy, int outChannels, Span<float> dw, int samples = 1)
    {
        int taps = g.KernelH * g.KernelW, rowStride = g.Channels * taps, padStride = PaddedFloats(g), gyStride = outChannels * g.OutH * g.OutW;
        if (samples < 1 || padded.Length < (long)samples * padStride || gy.Length < (long)samples * gyStride || dw.Length < outChannels * rowStride)
            throw new ArgumentException("DirectConv: buffer too short.");
        for (int c = 0; c < g.Channels; c++)
            PlaneWeightGradient(padded.Slice(c * PlaneFloats(g)), g, gy, outChannels, dw.Slice(c * taps), rowStride, samples, padStride, gyStride);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PlaneWeightGradient(ReadOnlySpan<float> padded, in ConvGeometry g, ReadOnlySpan<float> gy, int outChannels, Span<float> dw, int dwStride,
        int samples, int padStride, int gyStride)
    {
        int outH = g.OutH, outW = g.OutW, wp = g.PaddedW, kh = g.KernelH, kw = g.KernelW, plane = outH * outW;
        if (kw % 5 != 0) throw new ArgumentException("DirectConv: the weight gradient needs a kernel width that is a multiple of 5.");
        // The last vector of a row starts at outW - 16; its lanes already covered by the previous vector are masked off.
        int overlap = (Lanes - outW % Lanes) % Lanes;
        var lane = Vector512.Create(0f, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
        var tailMask = Vector512.GreaterThanOrEqual(lane, Vector512.Create((float)overlap));
        float* t = stackalloc float[20];
        fixed (float* xp = padded, gp = gy, dp = dw)
        {
            for (int oc0 = 0; oc0 < outChannels; oc0 += 4)
            {
                // Missing channels of the last block repeat the last one; their sums are dropped.
                int nOc = Math.Min(4, outChannels - oc0);
                float* g0 = gp + (nint)oc0 * plane, g1 = gp + (nint)(oc0 + Math.Min(1, nOc - 1)) * plane;
                float* g2 = gp + (nint)(oc0 + Math.Min(2, nOc - 1)) * plane, g3 = gp + (nint)(oc0 + Math.Min(3, nOc - 1)) * plane;
                for (int ki = 0; ki < kh; ki++)
                    for (int kj0 = 0; kj0 < kw; kj0 += 5)
                    {
                        Sweep4x5(g0, g1, g2, g3, xp + (nint)ki * wp + kj0, outH, outW, wp, tailMask, t, samples, gyStride, padStride);
                        for (int c = 0; c < nOc; c++)
                            for (int j = 0; j < 5; j++)
                                dp[(oc0 + c) * dwStride + ki * kw + kj0 + j] += t[c * 5 + j];
                    }
            }
        }
    }

    /// <summary>
    /// The 4 output channels × 5 consecutive kernel columns block of <see cref="PlaneWeightGradient"/> over one plane:
    /// <paramref name="t"/>[c·5 + j] = Σ_(oh, ow) g_c[oh, ow] · xPlane[oh·wp + ow + j], g_c = <paramref name="g0"/>..<paramref name="g3"/>
    /// ([OutH, OutW] planes) and <paramref name="xPlane"/> the padded plane at (ki, kj0). Constant column offsets and
    /// running row pointers keep the loop within the registers.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Sweep4x5(float* g0, float* g1, float* g2, float* g3, float* xPlane, int outH, int outW, nint wp, Vector512<float> tailMask, float* t,
        int samples, nint gStride, nint xStride)
    {
        Vector512<float> s00 = default, s01 = default, s02 = default, s03 = default, s04 = default;
        Vector512<float> s10 = default, s11 = default, s12 = default, s13 = default, s14 = default;
        Vector512<float> s20 = default, s21 = default, s22 = default, s23 = default, s24 = default;
        Vector512<float> s30 = default, s31 = default, s32 = default, s33 = default, s34 = default;
        nint last = outW - Lanes, w = outW;
        for (int smp = 0; smp < samples; smp++)
        {
        float* r0 = g0 + smp * gStride, r1 = g1 + smp * gStride, r2 = g2 + smp * gStride, r3 = g3 + smp * gStride, xr = xPlane + smp * xStride;
        for (int oh = 0; oh < outH; oh++, r0 += w, r1 += w, r2 += w, r3 += w, xr += wp)
        {
            nint ow = 0;
            Vector512<float> x;
            for (; ow <= last; ow += Lanes)
            {
                    var d0 = Vector512.Load(r0 + ow); var d1 = Vector512.Load(r1 + ow); var d2 = Vector512.Load(r2 + ow); var d3 = Vector512.Load(r3 + ow);
                    x = Vector512.Load(xr + ow);
                    s00 = Avx512F.FusedMultiplyAdd(d0, x, s00); s10 = Avx512F.FusedMultiplyAdd(d1, x, s10);
                    s20 = Avx512F.FusedMultiplyAdd(d2, x, s20); s30 = Avx512F.FusedMultiplyAdd(d3, x, s30);
                    x = Vector512.Load(xr + ow + 1);
                    s01 = Avx512F.FusedMultiplyAdd(d0, x, s01); s11 = Avx512F.FusedMultiplyAdd(d1, x, s11);
                    s21 = Avx512F.FusedMultiplyAdd(d2, x, s21); s31 = Avx512F.FusedMultiplyAdd(d3, x, s31);
                    x = Vector512.Load(xr + ow + 2);
                    s02 = Avx512F.FusedMultiplyAdd(d0, x, s02); s12 = Avx512F.FusedMultiplyAdd(d1, x, s12);
                    s22 = Avx512F.FusedMultiplyAdd(d2, x, s22); s32 = Avx512F.FusedMultiplyAdd(d3, x, s32);
                    x = Vector512.Load(xr + ow + 3);
                    s03 = Avx512F.FusedMultiplyAdd(d0, x, s03); s13 = Avx512F.FusedMultiplyAdd(d1, x, s13);
                    s23 = Avx512F.FusedMultiplyAdd(d2, x, s23); s33 = Avx512F.FusedMultiplyAdd(d3, x, s33);
                    x = Vector512.Load(xr + ow + 4);
                    s04 = Avx512F.FusedMultiplyAdd(d0, x, s04); s14 = Avx512F.FusedMultiplyAdd(d1, x, s14);
                    s24 = Avx512F.FusedMultiplyAdd(d2, x, s24); s34 = Avx512F.FusedMultiplyAdd(d3, x, s34);
            }
            if (ow < w)
            {
                    var d0 = Vector512.Load(r0 + last) & tailMask; var d1 = Vector512.Load(r1 + last) & tailMask; var d2 = Vector512.Load(r2 + last) & tailMask; var d3 = Vector512.Load(r3 + last) & tailMask;
                    x = Vector512.Load(xr + last);
                    s00 = Avx512F.FusedMultiplyAdd(d0, x, s00); s10 = Avx512F.FusedMultiplyAdd(d1, x, s10);
                    s20 = Avx512F.FusedMultiplyAdd(d2, x, s20); s30 = Avx512F.FusedMultiplyAdd(d3, x, s30);
                    x = Vector512.Load(xr + last + 1);
                    s01 = Avx512F.FusedMultiplyAdd(d0, x, s01); s11 = Avx512F.FusedMultiplyAdd(d1, x, s11);
                    s21 = Avx512F.FusedMultiplyAdd(d2, x, s21); s31 = Avx512F.FusedMultiplyAdd(d3, x, s31);
                    x = Vector512.Load(xr + last + 2);
                    s02 = Avx512F.FusedMultiplyAdd(d0, x, s02); s12 = Avx512F.FusedMultiplyAdd(d1, x, s12);
                    s22 = Avx512F.FusedMultiplyAdd(d2, x, s22); s32 = Avx512F.FusedMultiplyAdd(d3, x, s32);
                    x = Vector512.Load(xr + last + 3);
                    s03 = Avx512F.FusedMultiplyAdd(d0, x, s03); s13 = Avx512F.FusedMultiplyAdd(d1, x, s13);
                    s23 = Avx512F.FusedMultiplyAdd(d2, x, s23); s33 = Avx512F.FusedMultiplyAdd(d3, x, s33);
                    x = Vector512.Load(xr + last + 4);
                    s04 = Avx512F.FusedMultiplyAdd(d0, x, s04); s14 = Avx512F.FusedMultiplyAdd(d1, x, s14);
                    s24 = Avx512F.FusedMultiplyAdd(d2, x, s24); s34 = Avx512F.FusedMultiplyAdd(d3, x, s34);
            }
        }
        }
        t[0] = Vector512.Sum(s00); t[1] = Vector512.Sum(s01); t[2] = Vector512.Sum(s02); t[3] = Vector512.Sum(s03); t[4] = Vector512.Sum(s04);
        t[5] = Vector512.Sum(s10); t[6] = Vector512.Sum(s11); t[7] = Vector512.Sum(s12); t[8] = Vector512.Sum(s13); t[9] = Vector512.Sum(s14);
        t[10] = Vector512.Sum(s20); t[11] = Vector512.Sum(s21); t[12] = Vector512.Sum(s22); t[13] = Vector512.Sum(s23); t[14] = Vector512.Sum(s24);
        t[15] = Vector512.Sum(s30); t[16] = Vector512.Sum(s31); t[17] = Vector512.Sum(s32); t[18] = Vector512.Sum(s33); t[19] = Vector512.Sum(s34);
    }
}
