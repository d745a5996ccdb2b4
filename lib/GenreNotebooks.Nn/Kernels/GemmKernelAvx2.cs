using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GenreNotebooks.Nn.Kernels;

/// <summary>AVX2+FMA 6×16 micro-kernel: 12 ymm accumulators, two B vectors and one broadcast per k step.</summary>
internal readonly unsafe struct GemmKernelAvx2 : IGemmMicroKernel
{
    public static int MR => 6;
    public static int NR => 16;
    public static int KC => 256;
    public static int MC => 144;
    public static int NC => 2048;

    public static bool IsSupported => Avx2.IsSupported && Fma.IsSupported;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(int kc, float* a, float* b, nint bStride, float* c, nint ldc, float beta)
    {
        Vector256<float> c00 = default, c01 = default, c10 = default, c11 = default;
        Vector256<float> c20 = default, c21 = default, c30 = default, c31 = default;
        Vector256<float> c40 = default, c41 = default, c50 = default, c51 = default;
        for (int p = 0; p < kc; p++)
        {
            var b0 = Vector256.Load(b);
            var b1 = Vector256.Load(b + 8);
            var ar = Vector256.Create(a[0]);
            c00 = Fma.MultiplyAdd(ar, b0, c00); c01 = Fma.MultiplyAdd(ar, b1, c01);
            ar = Vector256.Create(a[1]);
            c10 = Fma.MultiplyAdd(ar, b0, c10); c11 = Fma.MultiplyAdd(ar, b1, c11);
            ar = Vector256.Create(a[2]);
            c20 = Fma.MultiplyAdd(ar, b0, c20); c21 = Fma.MultiplyAdd(ar, b1, c21);
            ar = Vector256.Create(a[3]);
            c30 = Fma.MultiplyAdd(ar, b0, c30); c31 = Fma.MultiplyAdd(ar, b1, c31);
            ar = Vector256.Create(a[4]);
            c40 = Fma.MultiplyAdd(ar, b0, c40); c41 = Fma.MultiplyAdd(ar, b1, c41);
            ar = Vector256.Create(a[5]);
            c50 = Fma.MultiplyAdd(ar, b0, c50); c51 = Fma.MultiplyAdd(ar, b1, c51);
            a += 6;
            b += bStride;
        }
        Store(c, c00, c01, beta); c += ldc;
        Store(c, c10, c11, beta); c += ldc;
        Store(c, c20, c21, beta); c += ldc;
        Store(c, c30, c31, beta); c += ldc;
        Store(c, c40, c41, beta); c += ldc;
        Store(c, c50, c51, beta);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(float* c, Vector256<float> t0, Vector256<float> t1, float beta)
    {
        if (beta == 0f)
        {
            Vector256.Store(t0, c);
            Vector256.Store(t1, c + 8);
        }
        else if (beta == 1f)
        {
            Vector256.Store(Vector256.Load(c) + t0, c);
            Vector256.Store(Vector256.Load(c + 8) + t1, c + 8);
        }
        else
        {
            var vb = Vector256.Create(beta);
            Vector256.Store(Fma.MultiplyAdd(vb, Vector256.Load(c), t0), c);
            Vector256.Store(Fma.MultiplyAdd(vb, Vector256.Load(c + 8), t1), c + 8);
        }
    }
}
