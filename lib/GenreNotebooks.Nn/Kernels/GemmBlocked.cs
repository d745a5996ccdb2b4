namespace GenreNotebooks.Nn.Kernels;

/// <summary>
/// Goto/BLIS-style blocked SGEMM on one thread: loops jc (nc) → pc (kc, pack B) → ic (mc, pack A) → jr (NR) → ir (MR).
/// Every C element is accumulated in the same order whatever sub-range of C a thread gets, so splitting C across
/// threads along MR/NR-aligned boundaries gives bit-identical results.
/// </summary>
internal static unsafe class GemmBlocked<TKernel> where TKernel : struct, IGemmMicroKernel
{
    /// <summary>
    /// At most this many rows of C: B is then reused so little that the kernel reads it in place (no transposition
    /// needed) instead of packing it, which roughly halves memory traffic for skinny products such as convolutions
    /// with few output channels.
    /// </summary>
    private const int DirectBMaxRows = 32;

    /// <summary>C = alpha·op(A)·op(B) + beta·C for pointers already offset to this thread's part of C; k ≥ 1.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static void Run(bool transA, bool transB, int m, int n, int k, float alpha,
        float* a, nint lda, float* b, nint ldb, float beta, float* c, nint ldc)
    {
        int mr = TKernel.MR, nr = TKernel.NR;
        int kcMax = Math.Min(TKernel.KC, k);
        int mcMax = Math.Min(TKernel.MC, RoundUp(m, mr));
        int ncMax = Math.Min(TKernel.NC, RoundUp(n, nr));
        var buffers = GemmBuffers.Current;
        float* packA = buffers.A(mcMax * kcMax);
        float* packB = buffers.B(ncMax * kcMax);
        float* tile = buffers.C(mr * nr);
        bool direct = !transB && m <= DirectBMaxRows;

        for (int jc = 0; jc < n; jc += TKernel.NC)
        {
            int nc = Math.Min(TKernel.NC, n - jc);
            int fullCols = direct ? nc - nc % nr : 0;
            for (int pc = 0; pc < k; pc += TKernel.KC)
            {
                int kc = Math.Min(TKernel.KC, k - pc);
                float betaBlock = pc == 0 ? beta : 1f;
                float* bBlock = transB ? b + jc * ldb + pc : b + pc * ldb + jc;
                // In direct mode only the ragged last sliver needs packing (so the kernel never reads past n).
                if (fullCols < nc)
                    GemmPack.PackB(transB, transB ? bBlock + fullCols * ldb : bBlock + fullCols, ldb, kc, nc - fullCols, nr, packB);

                for (int ic = 0; ic < m; ic += TKernel.MC)
                {
                    int mc = Math.Min(TKernel.MC, m - ic);
                    float* aBlock = transA ? a + pc * lda + ic : a + ic * lda + pc;
                    GemmPack.PackA(transA, aBlock, lda, mc, kc, alpha, mr, packA);

                    for (int jr = 0; jr < nc; jr += nr)
                    {
                        int cols = Math.Min(nr, nc - jr);
                        float* bSliver;
                        nint bStride;
                        if (jr < fullCols)
                        {
                            bSliver = bBlock + jr;
                            bStride = ldb;
                        }
                        else
                        {
                            bSliver = packB + (jr - fullCols) * kc;
                            bStride = nr;
                        }
                        float* cCol = c + ic * ldc + jc + jr;
                        for (int ir = 0; ir < mc; ir += mr)
                        {
                            int rows = Math.Min(mr, mc - ir);
                            float* aSliver = packA + ir * kc;
                            float* cTile = cCol + ir * ldc;
                            if (rows == mr && cols == nr)
                            {
                                TKernel.Run(kc, aSliver, bSliver, bStride, cTile, ldc, betaBlock);
                            }
                            else
                            {
                                TKernel.Run(kc, aSliver, bSliver, bStride, tile, nr, 0f);
                                MergeTile(tile, nr, cTile, ldc, rows, cols, betaBlock);
                            }
                        }
                    }
                }
            }
        }
    }

    private static void MergeTile(float* tile, int nr, float* c, nint ldc, int rows, int cols, float beta)
    {
        for (int r = 0; r < rows; r++, tile += nr, c += ldc)
        {
            if (beta == 0f)
                for (int j = 0; j < cols; j++) c[j] = tile[j];
            else if (beta == 1f)
                for (int j = 0; j < cols; j++) c[j] += tile[j];
            else
                for (int j = 0; j < cols; j++) c[j] = beta * c[j] + tile[j];
        }
    }

    private static int RoundUp(int x, int multiple) => (x + multiple - 1) / multiple * multiple;
}
