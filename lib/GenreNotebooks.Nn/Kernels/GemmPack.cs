using System.Runtime.Intrinsics.X86;

namespace GenreNotebooks.Nn.Kernels;

/// <summary>
/// Packing of op(A) and op(B) blocks into the contiguous sliver layout the micro-kernels stream through.
/// All four transpose combinations are resolved here, so the kernels only ever see one layout.
/// </summary>
internal static unsafe class GemmPack
{
    /// <summary>
    /// Packs rows [0, mc) × cols [0, kc) of op(A) (pointer already at the block's origin), scaled by alpha, as
    /// ⌈mc/mr⌉ slivers of kc×mr: dst[(s·kc + p)·mr + r] = alpha·op(A)[s·mr + r, p]; rows past mc are zero.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static void PackA(bool transA, float* a, nint lda, int mc, int kc, float alpha, int mr, float* dst)
    {
        for (int i0 = 0; i0 < mc; i0 += mr)
        {
            int rows = Math.Min(mr, mc - i0);
            if (transA)
            {
                // op(A)[i, p] = a[p·lda + i]: each k step is a contiguous run of rows.
                float* src = a + i0;
                for (int p = 0; p < kc; p++, src += lda, dst += mr)
                {
                    int r = 0;
                    for (; r < rows; r++) dst[r] = alpha * src[r];
                    for (; r < mr; r++) dst[r] = 0f;
                }
            }
            else
            {
                // op(A)[i, p] = a[i·lda + p]: read each row sequentially, write with stride mr.
                for (int r = 0; r < mr; r++)
                {
                    float* d = dst + r;
                    if (r < rows)
                    {
                        float* src = a + (i0 + r) * lda;
                        for (int p = 0; p < kc; p++) d[p * mr] = alpha * src[p];
                    }
                    else
                    {
                        for (int p = 0; p < kc; p++) d[p * mr] = 0f;
                    }
                }
                dst += kc * mr;
            }
        }
    }

    /// <summary>dst[q·ldd + i] = src[i·lds + q] for an 8×8 block (AVX).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static void Transpose8x8(float* src, nint lds, float* dst, nint ldd)
    {
        var r0 = Avx.LoadVector256(src); var r1 = Avx.LoadVector256(src + lds);
        var r2 = Avx.LoadVector256(src + 2 * lds); var r3 = Avx.LoadVector256(src + 3 * lds);
        var r4 = Avx.LoadVector256(src + 4 * lds); var r5 = Avx.LoadVector256(src + 5 * lds);
        var r6 = Avx.LoadVector256(src + 6 * lds); var r7 = Avx.LoadVector256(src + 7 * lds);
        var t0 = Avx.UnpackLow(r0, r1); var t1 = Avx.UnpackHigh(r0, r1);
        var t2 = Avx.UnpackLow(r2, r3); var t3 = Avx.UnpackHigh(r2, r3);
        var t4 = Avx.UnpackLow(r4, r5); var t5 = Avx.UnpackHigh(r4, r5);
        var t6 = Avx.UnpackLow(r6, r7); var t7 = Avx.UnpackHigh(r6, r7);
        var u0 = Avx.Shuffle(t0, t2, 0x44); var u1 = Avx.Shuffle(t0, t2, 0xEE);
        var u2 = Avx.Shuffle(t1, t3, 0x44); var u3 = Avx.Shuffle(t1, t3, 0xEE);
        var u4 = Avx.Shuffle(t4, t6, 0x44); var u5 = Avx.Shuffle(t4, t6, 0xEE);
        var u6 = Avx.Shuffle(t5, t7, 0x44); var u7 = Avx.Shuffle(t5, t7, 0xEE);
        Avx.Store(dst, Avx.Permute2x128(u0, u4, 0x20));
        Avx.Store(dst + ldd, Avx.Permute2x128(u1, u5, 0x20));
        Avx.Store(dst + 2 * ldd, Avx.Permute2x128(u2, u6, 0x20));
        Avx.Store(dst + 3 * ldd, Avx.Permute2x128(u3, u7, 0x20));
        Avx.Store(dst + 4 * ldd, Avx.Permute2x128(u0, u4, 0x31));
        Avx.Store(dst + 5 * ldd, Avx.Permute2x128(u1, u5, 0x31));
        Avx.Store(dst + 6 * ldd, Avx.Permute2x128(u2, u6, 0x31));
        Avx.Store(dst + 7 * ldd, Avx.Permute2x128(u3, u7, 0x31));
    }

    /// <summary>
    /// Packs rows [0, kc) × cols [0, nc) of op(B) (pointer at the block's origin) as ⌈nc/nr⌉ slivers of kc×nr:
    /// dst[(s·kc + p)·nr + j] = op(B)[p, s·nr + j]; columns past nc are zero.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static void PackB(bool transB, float* b, nint ldb, int kc, int nc, int nr, float* dst)
    {
        for (int j0 = 0; j0 < nc; j0 += nr)
        {
            int cols = Math.Min(nr, nc - j0);
            if (!transB)
            {
                float* src = b + j0;
                if (cols == nr)
                {
                    for (int p = 0; p < kc; p++, src += ldb, dst += nr)
                        new ReadOnlySpan<float>(src, nr).CopyTo(new Span<float>(dst, nr));
                }
                else
                {
                    for (int p = 0; p < kc; p++, src += ldb, dst += nr)
                    {
                        int j = 0;
                        for (; j < cols; j++) dst[j] = src[j];
                        for (; j < nr; j++) dst[j] = 0f;
                    }
                }
            }
            else if (cols == nr && nr % 8 == 0 && kc >= 8 && Avx.IsSupported)
            {
                // Full sliver: 8×8 register transposes (the weight gradient dW = dY·colsᵀ packs its whole im2col
                // matrix this way, so a scalar strided copy here costs a sizeable part of the product).
                for (int j = 0; j < nr; j += 8)
                {
                    float* src = b + (j0 + j) * ldb;
                    int p = 0;
                    for (; p + 8 <= kc; p += 8)
                        Transpose8x8(src + p, ldb, dst + p * nr + j, nr);
                    for (; p < kc; p++)
                        for (int jj = 0; jj < 8; jj++) dst[p * nr + j + jj] = src[jj * ldb + p];
                }
                dst += kc * nr;
            }
            else
            {
                // op(B)[p, j] = b[j·ldb + p]: read each stored row sequentially, write with stride nr.
                for (int j = 0; j < nr; j++)
                {
                    float* d = dst + j;
                    if (j < cols)
                    {
                        float* src = b + (j0 + j) * ldb;
                        for (int p = 0; p < kc; p++) d[p * nr] = src[p];
                    }
                    else
                    {
                        for (int p = 0; p < kc; p++) d[p * nr] = 0f;
                    }
                }
                dst += kc * nr;
            }
        }
    }
}
