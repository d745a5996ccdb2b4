using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GenreNotebooks.Nn.Kernels;

/// <summary>
/// C = alpha·A·Bᵀ + beta·C by register-blocked dot products (4 rows of A × 4 rows of B per block), for the
/// "long k, small C" products of convolution weight gradients (dW = dY·colsᵀ: m = out channels, n = in·kh·kw,
/// k = pixels). Both operands are read in place with k contiguous, so nothing is packed or transposed; k is cut
/// into chunks so the rows of a chunk stay in L2 while every (i, j) block reuses them.
/// </summary>
internal static unsafe class GemmDot
{
    private const int ChunkK = 2048;

    /// <summary>Rows (or columns) of C per block: the kernel computes a 4×4 tile of dot products.</summary>
    public const int Block = 4;

    /// <summary>C rows [i0, i1) × columns [j0, j1) (pointers at the problem's origin); A is m×k, B is n×k (row-major).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static void Run(int i0, int i1, int j0, int j1, int k, float alpha,
        float* a, nint lda, float* b, nint ldb, float beta, float* c, nint ldc)
    {
        float* tile = stackalloc float[Block * Block];
        for (int p0 = 0; p0 < k; p0 += ChunkK)
        {
            int kc = Math.Min(ChunkK, k - p0);
            bool first = p0 == 0;
            // Columns outer: each block of B rows (the long im2col rows) is read from memory once per chunk while the
            // few rows of A (the output gradient, m = out channels) stay in cache across all column blocks.
            for (int j = j0; j < j1; j += Block)
            {
                int cols = Math.Min(Block, j1 - j);
                // Rows past the end repeat the last row: the kernel stays branch-free, the extra results are dropped.
                float* b0 = b + j * ldb + p0, b1 = b + Math.Min(j + 1, j1 - 1) * ldb + p0;
                float* b2 = b + Math.Min(j + 2, j1 - 1) * ldb + p0, b3 = b + Math.Min(j + 3, j1 - 1) * ldb + p0;
                for (int i = i0; i < i1; i += Block)
                {
                    int rows = Math.Min(Block, i1 - i);
                    float* a0 = a + i * lda + p0, a1 = a + Math.Min(i + 1, i1 - 1) * lda + p0;
                    float* a2 = a + Math.Min(i + 2, i1 - 1) * lda + p0, a3 = a + Math.Min(i + 3, i1 - 1) * lda + p0;
                    if (Vector512.IsHardwareAccelerated && Avx512F.IsSupported)
                        Kernel512(kc, a0, a1, a2, a3, b0, b1, b2, b3, tile);
                    else
                        KernelVector(kc, a0, a1, a2, a3, b0, b1, b2, b3, tile);
                    for (int r = 0; r < rows; r++)
                    {
                        float* crow = c + (i + r) * ldc + j;
                        for (int s = 0; s < cols; s++)
                        {
                            float v = alpha * tile[r * Block + s];
                            if (!first) crow[s] += v;
                            else if (beta == 0f) crow[s] = v;
                            else crow[s] = beta * crow[s] + v;
                        }
                    }
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Kernel512(int k, float* a0, float* a1, float* a2, float* a3,
        float* b0, float* b1, float* b2, float* b3, float* tile)
    {
        Vector512<float> s00 = default, s01 = default, s02 = default, s03 = default;
        Vector512<float> s10 = default, s11 = default, s12 = default, s13 = default;
        Vector512<float> s20 = default, s21 = default, s22 = default, s23 = default;
        Vector512<float> s30 = default, s31 = default, s32 = default, s33 = default;
        int p = 0;
        for (; p <= k - 16; p += 16)
        {
            var y0 = Vector512.Load(b0 + p);
            var y1 = Vector512.Load(b1 + p);
            var y2 = Vector512.Load(b2 + p);
            var y3 = Vector512.Load(b3 + p);
            var x = Vector512.Load(a0 + p);
            s00 = Avx512F.FusedMultiplyAdd(x, y0, s00); s01 = Avx512F.FusedMultiplyAdd(x, y1, s01);
            s02 = Avx512F.FusedMultiplyAdd(x, y2, s02); s03 = Avx512F.FusedMultiplyAdd(x, y3, s03);
            x = Vector512.Load(a1 + p);
            s10 = Avx512F.FusedMultiplyAdd(x, y0, s10); s11 = Avx512F.FusedMultiplyAdd(x, y1, s11);
            s12 = Avx512F.FusedMultiplyAdd(x, y2, s12); s13 = Avx512F.FusedMultiplyAdd(x, y3, s13);
            x = Vector512.Load(a2 + p);
            s20 = Avx512F.FusedMultiplyAdd(x, y0, s20); s21 = Avx512F.FusedMultiplyAdd(x, y1, s21);
            s22 = Avx512F.FusedMultiplyAdd(x, y2, s22); s23 = Avx512F.FusedMultiplyAdd(x, y3, s23);
            x = Vector512.Load(a3 + p);
            s30 = Avx512F.FusedMultiplyAdd(x, y0, s30); s31 = Avx512F.FusedMultiplyAdd(x, y1, s31);
            s32 = Avx512F.FusedMultiplyAdd(x, y2, s32); s33 = Avx512F.FusedMultiplyAdd(x, y3, s33);
        }
        tile[0] = Vector512.Sum(s00); tile[1] = Vector512.Sum(s01); tile[2] = Vector512.Sum(s02); tile[3] = Vector512.Sum(s03);
        tile[4] = Vector512.Sum(s10); tile[5] = Vector512.Sum(s11); tile[6] = Vector512.Sum(s12); tile[7] = Vector512.Sum(s13);
        tile[8] = Vector512.Sum(s20); tile[9] = Vector512.Sum(s21); tile[10] = Vector512.Sum(s22); tile[11] = Vector512.Sum(s23);
        tile[12] = Vector512.Sum(s30); tile[13] = Vector512.Sum(s31); tile[14] = Vector512.Sum(s32); tile[15] = Vector512.Sum(s33);
        Tail(p, k, a0, a1, a2, a3, b0, b1, b2, b3, tile);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void KernelVector(int k, float* a0, float* a1, float* a2, float* a3,
        float* b0, float* b1, float* b2, float* b3, float* tile)
    {
        int w = Vector<float>.Count;
        Vector<float> s00 = default, s01 = default, s02 = default, s03 = default;
        Vector<float> s10 = default, s11 = default, s12 = default, s13 = default;
        Vector<float> s20 = default, s21 = default, s22 = default, s23 = default;
        Vector<float> s30 = default, s31 = default, s32 = default, s33 = default;
        int p = 0;
        for (; p <= k - w; p += w)
        {
            var y0 = Vector.Load(b0 + p);
            var y1 = Vector.Load(b1 + p);
            var y2 = Vector.Load(b2 + p);
            var y3 = Vector.Load(b3 + p);
            var x = Vector.Load(a0 + p);
            s00 += x * y0; s01 += x * y1; s02 += x * y2; s03 += x * y3;
            x = Vector.Load(a1 + p);
            s10 += x * y0; s11 += x * y1; s12 += x * y2; s13 += x * y3;
            x = Vector.Load(a2 + p);
            s20 += x * y0; s21 += x * y1; s22 += x * y2; s23 += x * y3;
            x = Vector.Load(a3 + p);
            s30 += x * y0; s31 += x * y1; s32 += x * y2; s33 += x * y3;
        }
        tile[0] = Vector.Sum(s00); tile[1] = Vector.Sum(s01); tile[2] = Vector.Sum(s02); tile[3] = Vector.Sum(s03);
        tile[4] = Vector.Sum(s10); tile[5] = Vector.Sum(s11); tile[6] = Vector.Sum(s12); tile[7] = Vector.Sum(s13);
        tile[8] = Vector.Sum(s20); tile[9] = Vector.Sum(s21); tile[10] = Vector.Sum(s22); tile[11] = Vector.Sum(s23);
        tile[12] = Vector.Sum(s30); tile[13] = Vector.Sum(s31); tile[14] = Vector.Sum(s32); tile[15] = Vector.Sum(s33);
        Tail(p, k, a0, a1, a2, a3, b0, b1, b2, b3, tile);
    }

    private static void Tail(int p, int k, float* a0, float* a1, float* a2, float* a3,
        float* b0, float* b1, float* b2, float* b3, float* tile)
    {
        for (; p < k; p++)
        {
            float x0 = a0[p], x1 = a1[p], x2 = a2[p], x3 = a3[p];
            float y0 = b0[p], y1 = b1[p], y2 = b2[p], y3 = b3[p];
            tile[0] += x0 * y0; tile[1] += x0 * y1; tile[2] += x0 * y2; tile[3] += x0 * y3;
            tile[4] += x1 * y0; tile[5] += x1 * y1; tile[6] += x1 * y2; tile[7] += x1 * y3;
            tile[8] += x2 * y0; tile[9] += x2 * y1; tile[10] += x2 * y2; tile[11] += x2 * y3;
            tile[12] += x3 * y0; tile[13] += x3 * y1; tile[14] += x3 * y2; tile[15] += x3 * y3;
        }
    }
}
