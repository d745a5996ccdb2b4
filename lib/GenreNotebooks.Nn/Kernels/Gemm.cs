namespace GenreNotebooks.Nn.Kernels;

/// <summary>
/// Single-precision general matrix multiply, BLAS <c>sgemm</c> semantics on row-major storage:
/// <c>C = alpha * op(A) * op(B) + beta * C</c>, op(X) = X or Xᵀ; op(A) is m×k, op(B) is k×n, C is m×n.
/// </summary>
public static class Gemm
{
    /// <summary>
    /// Computes <c>C = alpha * op(A) * op(B) + beta * C</c> (row-major; <paramref name="lda"/>, <paramref name="ldb"/>,
    /// <paramref name="ldc"/> are row strides of the stored matrices). With beta = 0, C's old contents are ignored (NaN-safe).
    /// </summary>
    public static void Sgemm(bool transA, bool transB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                float sum = 0f;
                for (int p = 0; p < k; p++)
                {
                    float av = transA ? a[p * lda + i] : a[i * lda + p];
                    float bv = transB ? b[j * ldb + p] : b[p * ldb + j];
                    sum += av * bv;
                }
                ref float cij = ref c[i * ldc + j];
                cij = beta == 0f ? alpha * sum : alpha * sum + beta * cij;
            }
        }
    }
}
