using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GenreNotebooks.Nn.Kernels;

/// <summary>
/// Direct convolution vectorised over output channels rather than pixels, for output rows too short for
/// <see cref="DirectConv"/> (the 8×8 planes of the 2-D CNN's last block, 64→128 channels, and its input gradient):
/// 8 output pixels of one row × 32 output channels (two AVX-512 vectors) in 16 registers; per input channel and tap,
/// two weight vectors and eight broadcast input values feed 16 FMAs. The 8×32 block is transposed into the NCHW
/// output through a small tile. Reads the padded sample of <see cref="DirectConv.Pad"/>.
/// </summary>
internal static unsafe class DirectConvChannelBlocked
{
    /// <summary>Output channels per register block.</summary>
    public const int OcBlock = 32;

    private const int Pixels = 8;

    /// <summary>
    /// True when <see cref="Forward"/> handles this convolution: unit strides, output rows of 8 to 15 pixels, a kernel of
    /// at most 11×11, a multiple of 32 output channels, AVX-512 available.
    /// </summary>
    public static bool Applies(in ConvGeometry g, int outChannels) =>
        Vector512.IsHardwareAccelerated && Avx512F.IsSupported && g.StrideH == 1 && g.StrideW == 1
        && g.OutW >= Pixels && g.OutW < 16 && g.KernelH <= 11 && g.KernelW <= 11 && g.KernelH * g.KernelW > 1
        && outChannels % OcBlock == 0;

    /// <summary>Floats of the weights repacked by <see cref="PackWeights"/>.</summary>
    public static int PackedWeightFloats(in ConvGeometry g, int outChannels) => outChannels * g.Channels * g.KernelH * g.KernelW;

    /// <summary>Weights [O, C, kh, kw] as [O/32][C·kh·kw][32].</summary>
    public static void PackWeights(ReadOnlySpan<float> w, in ConvGeometry g, int outChannels, Span<float> packed)
    {
        int k = g.Channels * g.KernelH * g.KernelW;
        if (outChannels % OcBlock != 0) throw new ArgumentException("DirectConvChannelBlocked: output channels must be a multiple of 32.");
        for (int oc = 0; oc < outChannels; oc++)
            for (int t = 0; t < k; t++)
                packed[((oc / OcBlock) * k + t) * OcBlock + oc % OcBlock] = w[oc * k + t];
    }

    /// <summary>
    /// y[o, oh, ow] = bias[o] + Σ w[o, c, ki, kj] · xpad[c, oh + ki, ow + kj] for one sample (<paramref name="padded"/>
    /// from <see cref="DirectConv.Pad"/>); <paramref name="y"/> is [O, OutH·OutW]. A row longer than 8 pixels is covered
    /// by two overlapping blocks.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Forward(ReadOnlySpan<float> padded, in ConvGeometry g, ReadOnlySpan<float> packedW, ReadOnlySpan<float> bias,
        int outChannels, Span<float> y)
    {
        int outH = g.OutH, outW = g.OutW, wp = g.PaddedW, kh = g.KernelH, kw = g.KernelW, channels = g.Channels;
        int k = channels * kh * kw, plane = outH * outW, inPlane = DirectConv.PlaneFloats(g);
        if (padded.Length < DirectConv.PaddedFloats(g) || y.Length < outChannels * plane || packedW.Length < PackedWeightFloats(g, outChannels))
            throw new ArgumentException("DirectConvChannelBlocked: buffer too short.");
        float* tile = stackalloc float[Pixels * OcBlock];
        fixed (float* xp = padded, wpk = packedW, yp = y, bp = bias)
        {
            for (int oc0 = 0; oc0 < outChannels; oc0 += OcBlock)
            {
                var b0 = bp is null ? Vector512<float>.Zero : Vector512.Load(bp + oc0);
                var b1 = bp is null ? Vector512<float>.Zero : Vector512.Load(bp + oc0 + 16);
                float* wb = wpk + (nint)oc0 * k;
                for (int oh = 0; oh < outH; oh++)
                    for (int ow = 0; ow < outW; ow += Pixels)
                    {
                        int o = Math.Min(ow, outW - Pixels);
                        Vector512<float> a0 = b0, a1 = b0, a2 = b0, a3 = b0, a4 = b0, a5 = b0, a6 = b0, a7 = b0;
                        Vector512<float> c0 = b1, c1 = b1, c2 = b1, c3 = b1, c4 = b1, c5 = b1, c6 = b1, c7 = b1;
                        float* wt = wb;
                        for (int c = 0; c < channels; c++)
                            for (int ki = 0; ki < kh; ki++)
                            {
                                float* r = xp + (nint)c * inPlane + (nint)(oh + ki) * wp + o;
                                for (int kj = 0; kj < kw; kj++, wt += OcBlock, r++)
                                {
                                    var w0 = Vector512.Load(wt);
                                    var w1 = Vector512.Load(wt + 16);
                                    var x = Vector512.Create(r[0]); a0 = Avx512F.FusedMultiplyAdd(w0, x, a0); c0 = Avx512F.FusedMultiplyAdd(w1, x, c0);
                                    x = Vector512.Create(r[1]); a1 = Avx512F.FusedMultiplyAdd(w0, x, a1); c1 = Avx512F.FusedMultiplyAdd(w1, x, c1);
                                    x = Vector512.Create(r[2]); a2 = Avx512F.FusedMultiplyAdd(w0, x, a2); c2 = Avx512F.FusedMultiplyAdd(w1, x, c2);
                                    x = Vector512.Create(r[3]); a3 = Avx512F.FusedMultiplyAdd(w0, x, a3); c3 = Avx512F.FusedMultiplyAdd(w1, x, c3);
                                    x = Vector512.Create(r[4]); a4 = Avx512F.FusedMultiplyAdd(w0, x, a4); c4 = Avx512F.FusedMultiplyAdd(w1, x, c4);
                                    x = Vector512.Create(r[5]); a5 = Avx512F.FusedMultiplyAdd(w0, x, a5); c5 = Avx512F.FusedMultiplyAdd(w1, x, c5);
                                    x = Vector512.Create(r[6]); a6 = Avx512F.FusedMultiplyAdd(w0, x, a6); c6 = Avx512F.FusedMultiplyAdd(w1, x, c6);
                                    x = Vector512.Create(r[7]); a7 = Avx512F.FusedMultiplyAdd(w0, x, a7); c7 = Avx512F.FusedMultiplyAdd(w1, x, c7);
                                }
                            }
                        // tile[p, q] = output channel oc0 + q at pixel p, then written channel by channel.
                        a0.Store(tile); c0.Store(tile + 16); a1.Store(tile + 32); c1.Store(tile + 48);
                        a2.Store(tile + 64); c2.Store(tile + 80); a3.Store(tile + 96); c3.Store(tile + 112);
                        a4.Store(tile + 128); c4.Store(tile + 144); a5.Store(tile + 160); c5.Store(tile + 176);
                        a6.Store(tile + 192); c6.Store(tile + 208); a7.Store(tile + 224); c7.Store(tile + 240);
                        float* yo = yp + (nint)oc0 * plane + (nint)oh * outW + o;
                        for (int q = 0; q < OcBlock; q++, yo += plane)
                            for (int p = 0; p < Pixels; p++) yo[p] = tile[p * OcBlock + q];
                    }
            }
        }
    }
}
