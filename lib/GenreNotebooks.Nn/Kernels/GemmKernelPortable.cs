using System.Numerics;
using System.Runtime.CompilerServices;

namespace GenreNotebooks.Nn.Kernels;

/// <summary>
/// Portable 4×(2·Vector&lt;float&gt;.Count) micro-kernel on <see cref="Vector{T}"/>: 8 vector accumulators.
/// Runs on any CPU (including ARM and scalar fallbacks).
/// </summary>
internal readonly unsafe struct GemmKernelPortable : IGemmMicroKernel
{
    public static int MR => 4;
    public static int NR => 2 * Vector<float>.Count;
    public static int KC => 256;
    public static int MC => 128;
    public static int NC => 2048;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(int kc, float* a, float* b, nint bStride, float* c, nint ldc, float beta)
    {
        int w = Vector<float>.Count;
        Vector<float> c00 = default, c01 = default, c10 = default, c11 = default;
        Vector<float> c20 = default, c21 = default, c30 = default, c31 = default;
        for (int p = 0; p < kc; p++)
        {
            var b0 = Vector.Load(b);
            var b1 = Vector.Load(b + w);
            var ar = new Vector<float>(a[0]);
            c00 += ar * b0; c01 += ar * b1;
            ar = new Vector<float>(a[1]);
            c10 += ar * b0; c11 += ar * b1;
            ar = new Vector<float>(a[2]);
            c20 += ar * b0; c21 += ar * b1;
            ar = new Vector<float>(a[3]);
            c30 += ar * b0; c31 += ar * b1;
            a += 4;
            b += bStride;
        }
        Store(c, w, c00, c01, beta); c += ldc;
        Store(c, w, c10, c11, beta); c += ldc;
        Store(c, w, c20, c21, beta); c += ldc;
        Store(c, w, c30, c31, beta);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(float* c, int w, Vector<float> t0, Vector<float> t1, float beta)
    {
        if (beta == 0f)
        {
            Vector.Store(t0, c);
            Vector.Store(t1, c + w);
        }
        else
        {
            var vb = new Vector<float>(beta);
            Vector.Store(vb * Vector.Load(c) + t0, c);
            Vector.Store(vb * Vector.Load(c + w) + t1, c + w);
        }
    }
}
