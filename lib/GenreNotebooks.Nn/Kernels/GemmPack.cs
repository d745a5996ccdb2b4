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
