using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GenreNotebooks.Nn.Kernels;

/// <summary>AVX-512F 8×32 micro-kernel: 16 zmm accumulators, two B vectors and one broadcast per k step.</summary>
internal readonly unsafe struct GemmKernelAvx512 : IGemmMicroKernel
{
    public static int MR => 8;
    public static int NR => 32;
    public static int KC => 256;
    public static int MC => 192;
    public static int NC => 2048;

    public static bool IsSupported => Vector512.IsHardwareAccelerated && Avx512F.IsSupported;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(int kc, float* a, float* b, nint bStride, float* c, nint ldc, float beta)
    {
        Vector512<float> c00 = default, c01 = default, c10 = default, c11 = default;
        Vector512<float> c20 = default, c21 = default, c30 = default, c31 = default;
        Vector512<float> c40 = default, c41 = default, c50 = default, c51 = default;
        Vector512<float> c60 = default, c61 = default, c70 = default, c71 = default;
        for (int p = 0; p < kc; p++)
        {
            var b0 = Vector512.Load(b);
            var b1 = Vector512.Load(b + 16);
            var ar = Vector512.Create(a[0]);
            c00 = Avx512F.FusedMultiplyAdd(ar, b0, c00); c01 = Avx512F.FusedMultiplyAdd(ar, b1, c01);
            ar = Vector512.Create(a[1]);
            c10 = Avx512F.FusedMultiplyAdd(ar, b0, c10); c11 = Avx512F.FusedMultiplyAdd(ar, b1, c11);
            ar = Vector512.Create(a[2]);
            c20 = Avx512F.FusedMultiplyAdd(ar, b0, c20); c21 = Avx512F.FusedMultiplyAdd(ar, b1, c21);
            ar = Vector512.Create(a[3]);
            c30 = Avx512F.FusedMultiplyAdd(ar, b0, c30); c31 = Avx512F.FusedMultiplyAdd(ar, b1, c31);
            ar = Vector512.Create(a[4]);
            c40 = Avx512F.FusedMultiplyAdd(ar, b0, c40); c41 = Avx512F.FusedMultiplyAdd(ar, b1, c41);
            ar = Vector512.Create(a[5]);
            c50 = Avx512F.FusedMultiplyAdd(ar, b0, c50); c51 = Avx512F.FusedMultiplyAdd(ar, b1, c51);
            ar = Vector512.Create(a[6]);
            c60 = Avx512F.FusedMultiplyAdd(ar, b0, c60); c61 = Avx512F.FusedMultiplyAdd(ar, b1, c61);
            ar = Vector512.Create(a[7]);
            c70 = Avx512F.FusedMultiplyAdd(ar, b0, c70); c71 = Avx512F.FusedMultiplyAdd(ar, b1, c71);
            a += 8;
            b += bStride;
        }
        Store(c, c00, c01, beta); c += ldc;
        Store(c, c10, c11, beta); c += ldc;
        Store(c, c20, c21, beta); c += ldc;
        Store(c, c30, c31, beta); c += ldc;
        Store(c, c40, c41, beta); c += ldc;
        Store(c, c50, c51, beta); c += ldc;
        Store(c, c60, c61, beta); c += ldc;
        Store(c, c70, c71, beta);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(float* c, Vector512<float> t0, Vector512<float> t1, float beta)
    {
        if (beta == 0f)
        {
            Vector512.Store(t0, c);
            Vector512.Store(t1, c + 16);
        }
        else if (beta == 1f)
        {
            Vector512.Store(Vector512.Load(c) + t0, c);
            Vector512.Store(Vector512.Load(c + 16) + t1, c + 16);
        }
        else
        {
            var vb = Vector512.Create(beta);
            Vector512.Store(Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c), t0), c);
            Vector512.Store(Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 16), t1), c + 16);
        }
    }
}
