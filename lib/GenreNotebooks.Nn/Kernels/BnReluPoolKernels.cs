using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GenreNotebooks.Nn.Kernels;

/// <summary>
/// The input-gradient pass of the fused BatchNorm + ReLU + 2×2 max pooling op for one pair of input rows, in one sweep:
/// the activations are recomputed (same expression as <see cref="BatchNormKernels.Affine"/>, so bit-identical), each
/// window's masked output gradient goes to its first maximum, and <c>dx += a·dy + bx·x + c</c> is added.
/// </summary>
internal static unsafe class BnReluPoolKernels
{
    /// <summary>
    /// For input rows r0 = x, r1 = x + w (and gx likewise), pooled row <paramref name="p"/> and masked gradient
    /// <paramref name="gm"/> (zero where p is not positive) of length <paramref name="ow"/>: routes gm, then adds the
    /// input gradient to columns [0, 2·ow); columns past that (odd width) get only <c>bx·x + c</c>. With
    /// <paramref name="overwrite"/> the two gx rows are written instead of added to (their old contents are ignored).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void RowPairBackward(float* x, float* gx, int w, float* p, float* gm, int ow, float scale, float shift, float a, float bx, float c, bool overwrite)
    {
        bool useX = bx != 0f || c != 0f;
        int j = 0;
        if (Avx2.IsSupported && Fma.IsSupported)
        {
            var lowPairs = Vector256.Create(0, 0, 1, 1, 2, 2, 3, 3);
            var highPairs = Vector256.Create(4, 4, 5, 5, 6, 6, 7, 7);
            var vs = Vector256.Create(scale);
            var vt = Vector256.Create(shift);
            var va = Vector256.Create(a);
            var vbx = Vector256.Create(bx);
            var vc = Vector256.Create(c);
            for (; j + 8 <= ow; j += 8)
            {
                var yv = Avx.LoadVector256(p + j);
                var gv = Avx.LoadVector256(gm + j);
                Half(x + 2 * j, gx + 2 * j, w, Avx2.PermuteVar8x32(yv, lowPairs), Avx2.PermuteVar8x32(gv, lowPairs), vs, vt, va, vbx, vc, useX, overwrite);
                Half(x + 2 * j + 8, gx + 2 * j + 8, w, Avx2.PermuteVar8x32(yv, highPairs), Avx2.PermuteVar8x32(gv, highPairs), vs, vt, va, vbx, vc, useX, overwrite);
            }
            // Four windows at a time for the rest (the 8-column planes of the last block have only four).
            for (; j + 4 <= ow; j += 4)
            {
                var yv = Vector128.Load(p + j).ToVector256Unsafe();
                var gv = Vector128.Load(gm + j).ToVector256Unsafe();
                Half(x + 2 * j, gx + 2 * j, w, Avx2.PermuteVar8x32(yv, lowPairs), Avx2.PermuteVar8x32(gv, lowPairs), vs, vt, va, vbx, vc, useX, overwrite);
            }
        }
        if (overwrite)
        {
            // The vector part stored columns [0, 2j) of both rows; the scalar part below adds to the rest.
            new Span<float>(gx + 2 * j, w - 2 * j).Clear();
            new Span<float>(gx + w + 2 * j, w - 2 * j).Clear();
        }
        for (; j < ow; j++)
        {
            int col = 2 * j;
            float m = p[j], gj = gm[j];
            // First element of the window equal to the pooled value (the pooling's choice); gj is 0 unless m > 0.
            int route = Same(Act(x[col], scale, shift), m) ? 0 : Same(Act(x[col + 1], scale, shift), m) ? 1
                : Same(Act(x[w + col], scale, shift), m) ? 2 : 3;
            for (int q = 0; q < 4; q++)
            {
                int idx = (q >> 1) * w + col + (q & 1);
                float dy = q == route ? gj : 0f;
                gx[idx] += MathF.FusedMultiplyAdd(dy, a, useX ? MathF.FusedMultiplyAdd(x[idx], bx, c) : 0f);
            }
        }
        if (useX)
            for (int col = 2 * ow; col < w; col++)
            {
                gx[col] += MathF.FusedMultiplyAdd(0f, a, MathF.FusedMultiplyAdd(x[col], bx, c));
                gx[w + col] += MathF.FusedMultiplyAdd(0f, a, MathF.FusedMultiplyAdd(x[w + col], bx, c));
            }
    }

    /// <summary>Four windows (8 columns of both rows); y and g already duplicated per column pair.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Half(float* x, float* gx, int w, Vector256<float> y, Vector256<float> g, Vector256<float> vs, Vector256<float> vt,
        Vector256<float> va, Vector256<float> vbx, Vector256<float> vc, bool useX, bool overwrite)
    {
        var oddLanes = Vector256.Create(0, -1, 0, -1, 0, -1, 0, -1).AsSingle();
        var x0 = Avx.LoadVector256(x);
        var x1 = Avx.LoadVector256(x + w);
        var z0 = Vector256.Max(Vector256.FusedMultiplyAdd(x0, vs, vt), Vector256<float>.Zero);
        var z1 = Vector256.Max(Vector256.FusedMultiplyAdd(x1, vs, vt), Vector256<float>.Zero);
        var e0 = Avx.CompareEqual(z0, y);
        var e1 = Avx.CompareEqual(z1, y);
        // Permute 0xA0 copies each pair's left flag to both lanes, 0xF5 its right flag.
        var left0 = Avx.Permute(e0, 0xA0);
        var any0 = Avx.Or(left0, Avx.Permute(e0, 0xF5));
        var first0 = Avx.AndNot(Avx.And(left0, oddLanes), e0);
        var first1 = Avx.AndNot(any0, Avx.AndNot(Avx.And(Avx.Permute(e1, 0xA0), oddLanes), e1));
        var dy0 = Avx.And(first0, g);
        var dy1 = Avx.And(first1, g);
        var t0 = useX ? Fma.MultiplyAdd(x0, vbx, vc) : Vector256<float>.Zero;
        var t1 = useX ? Fma.MultiplyAdd(x1, vbx, vc) : Vector256<float>.Zero;
        if (overwrite)
        {
            // Same value as adding to a zeroed row (0 + v == v), without reading the row first.
            Avx.Store(gx, Fma.MultiplyAdd(dy0, va, t0));
            Avx.Store(gx + w, Fma.MultiplyAdd(dy1, va, t1));
        }
        else
        {
            Avx.Store(gx, Avx.Add(Avx.LoadVector256(gx), Fma.MultiplyAdd(dy0, va, t0)));
            Avx.Store(gx + w, Avx.Add(Avx.LoadVector256(gx + w), Fma.MultiplyAdd(dy1, va, t1)));
        }
    }

    private static float Act(float x, float scale, float shift)
    {
        float v = MathF.FusedMultiplyAdd(x, scale, shift);
        return v > 0f || float.IsNaN(v) ? v : 0f;
    }

    private static bool Same(float v, float m) => v == m || (float.IsNaN(v) && float.IsNaN(m));
}
