using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GenreNotebooks.Nn.Kernels;

/// <summary>
/// Max pooling with a 2×2 window and stride 2 over one plane, the shape every CNN of the project uses. The value of a
/// window is its first maximum in row-major order (NaN wins), as PyTorch; the backward pass sends each output
/// gradient to the first window element equal to the output, which is the same element, so no index plane is stored.
/// </summary>
internal static unsafe class Pool2x2
{
    /// <summary>y[i, j] = max of x[2i..2i+1, 2j..2j+1] for i &lt; oh, j &lt; ow; x has row stride <paramref name="w"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Forward(float* x, int w, int oh, int ow, float* y)
    {
        for (int i = 0; i < oh; i++)
        {
            float* r0 = x + 2 * i * w, r1 = r0 + w, dst = y + i * ow;
            int j = 0;
            if (Avx2.IsSupported)
            {
                for (; j + 8 <= ow; j += 8)
                {
                    // Vertical maxima of the two rows first, then the maxima of adjacent column pairs.
                    var va = MaxFirst(Avx.LoadVector256(r0 + 2 * j), Avx.LoadVector256(r1 + 2 * j));
                    var vb = MaxFirst(Avx.LoadVector256(r0 + 2 * j + 8), Avx.LoadVector256(r1 + 2 * j + 8));
                    var even = Avx.Shuffle(va, vb, 0x88);
                    var odd = Avx.Shuffle(va, vb, 0xDD);
                    var m = MaxFirst(even, odd);
                    Avx.Store(dst + j, Avx2.Permute4x64(m.AsDouble(), 0xD8).AsSingle());
                }
            }
            for (; j < ow; j++)
            {
                float m = r0[2 * j], b = r0[2 * j + 1], c = r1[2 * j], d = r1[2 * j + 1];
                if (b > m || float.IsNaN(b)) m = b;
                if (c > m || float.IsNaN(c)) m = c;
                if (d > m || float.IsNaN(d)) m = d;
                dst[j] = m;
            }
        }
    }

    /// <summary>
    /// Adds g[i, j] into gx at the first element of window (i, j) equal to y[i, j] (the first NaN when y is NaN);
    /// x, gx have row stride <paramref name="w"/>, y and g row stride <paramref name="ow"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Backward(float* x, int w, float* y, float* g, int oh, int ow, float* gx)
    {
        var lowPairs = Vector256.Create(0, 0, 1, 1, 2, 2, 3, 3);
        var highPairs = Vector256.Create(4, 4, 5, 5, 6, 6, 7, 7);
        var oddLanes = Vector256.Create(0, -1, 0, -1, 0, -1, 0, -1).AsSingle();
        for (int i = 0; i < oh; i++)
        {
            float* r0 = x + 2 * i * w, r1 = r0 + w, g0 = gx + 2 * i * w, g1 = g0 + w;
            float* yr = y + i * ow, gr = g + i * ow;
            int j = 0;
            if (Avx2.IsSupported)
            {
                for (; j + 8 <= ow; j += 8)
                {
                    var yv = Avx.LoadVector256(yr + j);
                    if (Avx.MoveMask(Avx.CompareUnordered(yv, yv)) != 0) break;
                    var gv = Avx.LoadVector256(gr + j);
                    Route(r0 + 2 * j, r1 + 2 * j, g0 + 2 * j, g1 + 2 * j, Avx2.PermuteVar8x32(yv, lowPairs), Avx2.PermuteVar8x32(gv, lowPairs), oddLanes);
                    Route(r0 + 2 * j + 8, r1 + 2 * j + 8, g0 + 2 * j + 8, g1 + 2 * j + 8, Avx2.PermuteVar8x32(yv, highPairs), Avx2.PermuteVar8x32(gv, highPairs), oddLanes);
                }
            }
            for (; j < ow; j++)
            {
                float m = yr[j], gj = gr[j];
                int c = 2 * j;
                if (Same(r0[c], m)) g0[c] += gj;
                else if (Same(r0[c + 1], m)) g0[c + 1] += gj;
                else if (Same(r1[c], m)) g1[c] += gj;
                else g1[c + 1] += gj;
            }
        }
    }

    /// <summary>Four windows: the row-0 and row-1 halves (8 floats each) with y and g duplicated per column pair.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Route(float* r0, float* r1, float* g0, float* g1, Vector256<float> y, Vector256<float> g, Vector256<float> oddLanes)
    {
        var e0 = Avx.CompareEqual(Avx.LoadVector256(r0), y);
        var e1 = Avx.CompareEqual(Avx.LoadVector256(r1), y);
        // Permute 0xA0 copies each pair's left flag to both lanes, 0xF5 its right flag.
        var left0 = Avx.Permute(e0, 0xA0);
        var any0 = Avx.Or(left0, Avx.Permute(e0, 0xF5));
        var first0 = Avx.AndNot(Avx.And(left0, oddLanes), e0);
        var first1 = Avx.AndNot(any0, Avx.AndNot(Avx.And(Avx.Permute(e1, 0xA0), oddLanes), e1));
        Avx.Store(g0, Avx.Add(Avx.LoadVector256(g0), Avx.And(first0, g)));
        Avx.Store(g1, Avx.Add(Avx.LoadVector256(g1), Avx.And(first1, g)));
    }

    /// <summary>Keeps <paramref name="m"/> unless <paramref name="b"/> is larger or NaN (first maximum wins, NaN propagates).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> MaxFirst(Vector256<float> m, Vector256<float> b) =>
        Avx.BlendVariable(m, b, Avx.Or(Avx.CompareGreaterThan(b, m), Avx.CompareUnordered(b, b)));

    private static bool Same(float v, float m) => v == m || (float.IsNaN(v) && float.IsNaN(m));
}
