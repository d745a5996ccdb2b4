using System.Numerics;

namespace GenreNotebooks.Nn.Kernels;

/// <summary>
/// Unblocked SGEMM for small problems and vector-shaped ones (m = 1 or n = 1), where packing costs as much as the
/// product itself: row-wise axpy when op(B) rows are contiguous, dot products when Bᵀ is stored (Linear layers).
/// </summary>
internal static unsafe class GemmSimple
{
    /// <summary>C = alpha·op(A)·op(B) + beta·C on one thread; k ≥ 1.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static void Run(bool transA, bool transB, int m, int n, int k, float alpha,
        float* a, nint lda, float* b, nint ldb, float beta, float* c, nint ldc)
    {
        for (int i = 0; i < m; i++)
            ScaleRow(c + i * ldc, n, beta);

        if (!transB)
        {
            for (int i = 0; i < m; i++)
            {
                float* crow = c + i * ldc;
                for (int p = 0; p < k; p++)
                {
                    float s = alpha * (transA ? a[p * lda + i] : a[i * lda + p]);
                    Axpy(s, b + p * ldb, crow, n);
                }
            }
            return;
        }

        float* rowA = transA ? GemmBuffers.Current.C(k) : null;
        for (int i = 0; i < m; i++)
        {
            float* ai = a + i * lda;
            if (transA)
            {
                for (int p = 0; p < k; p++) rowA[p] = a[p * lda + i];
                ai = rowA;
            }
            float* crow = c + i * ldc;
            for (int j = 0; j < n; j++)
                crow[j] += alpha * Dot(ai, b + j * ldb, k);
        }
    }

    private static void ScaleRow(float* c, int n, float beta)
    {
        if (beta == 0f)
            new Span<float>(c, n).Clear();
        else if (beta != 1f)
            for (int j = 0; j < n; j++) c[j] *= beta;
    }

    private static void Axpy(float s, float* x, float* y, int n)
    {
        int j = 0;
        int w = Vector<float>.Count;
        if (Vector.IsHardwareAccelerated && n >= w)
        {
            var vs = new Vector<float>(s);
            for (; j <= n - w; j += w)
                Vector.Store(Vector.Load(y + j) + vs * Vector.Load(x + j), y + j);
        }
        for (; j < n; j++) y[j] += s * x[j];
    }

    private static float Dot(float* x, float* y, int k)
    {
        int p = 0;
        float sum = 0f;
        int w = Vector<float>.Count;
        if (Vector.IsHardwareAccelerated && k >= 2 * w)
        {
            Vector<float> s0 = default, s1 = default;
            for (; p <= k - 2 * w; p += 2 * w)
            {
                s0 += Vector.Load(x + p) * Vector.Load(y + p);
                s1 += Vector.Load(x + p + w) * Vector.Load(y + p + w);
            }
            sum = Vector.Sum(s0 + s1);
        }
        for (; p < k; p++) sum += x[p] * y[p];
        return sum;
    }
}
