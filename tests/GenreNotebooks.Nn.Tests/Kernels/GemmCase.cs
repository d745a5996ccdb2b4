using GenreNotebooks.Nn.Kernels;

namespace GenreNotebooks.Nn.Tests.Kernels;

/// <summary>One random GEMM problem with possibly padded strides, and its float64 reference.</summary>
internal sealed class GemmCase
{
    public bool TransA, TransB;
    public int M, N, K, Lda, Ldb, Ldc;
    public float[] A = [], B = [], C = [];

    public static GemmCase Random(Random rng, bool transA, bool transB, int m, int n, int k, int pad)
    {
        var p = new GemmCase { TransA = transA, TransB = transB, M = m, N = n, K = k };
        int aRows = transA ? k : m, aCols = transA ? m : k;
        int bRows = transB ? n : k, bCols = transB ? k : n;
        p.Lda = aCols + pad;
        p.Ldb = bCols + pad;
        p.Ldc = n + pad;
        // Spans are exactly as long as BLAS requires (no trailing padding after the last row).
        p.A = Fill(rng, (aRows - 1) * p.Lda + aCols);
        p.B = Fill(rng, (bRows - 1) * p.Ldb + bCols);
        p.C = Fill(rng, (m - 1) * p.Ldc + n);
        return p;
    }

    private static float[] Fill(Random rng, int length)
    {
        var x = new float[length];
        for (int i = 0; i < length; i++) x[i] = (float)(rng.NextDouble() * 2 - 1);
        return x;
    }

    public double OpA(int i, int p) => TransA ? A[p * Lda + i] : A[i * Lda + p];
    public double OpB(int p, int j) => TransB ? B[j * Ldb + p] : B[p * Ldb + j];

    /// <summary>alpha·op(A)·op(B) + beta·C in float64; <paramref name="magnitude"/> = |alpha|·Σ|a·b| + |beta·c| per element.</summary>
    public double[] Reference(float alpha, float beta, out double[] magnitude)
    {
        var r = new double[M * N];
        magnitude = new double[M * N];
        for (int i = 0; i < M; i++)
            for (int j = 0; j < N; j++)
            {
                double s = 0, mag = 0;
                for (int p = 0; p < K; p++)
                {
                    double t = OpA(i, p) * OpB(p, j);
                    s += t;
                    mag += Math.Abs(t);
                }
                double c = beta == 0f ? 0 : beta * (double)C[i * Ldc + j];
                r[i * N + j] = alpha * s + c;
                magnitude[i * N + j] = Math.Abs(alpha) * mag + Math.Abs(c);
            }
        return r;
    }

    public void Run(GemmPath path, float alpha, float beta) =>
        Gemm.SgemmOn(path, TransA, TransB, M, N, K, alpha, A, Lda, B, Ldb, beta, C, Ldc);

    /// <summary>Float32 summation error is bounded by ≈ k·2⁻²⁴·Σ|terms|; allow 1e-6·(k + 2) of the magnitude.</summary>
    public void AssertClose(double[] expected, double[] magnitude, string what)
    {
        double tol = 1e-6 * (K + 2);
        for (int i = 0; i < M; i++)
            for (int j = 0; j < N; j++)
            {
                double got = C[i * Ldc + j], want = expected[i * N + j];
                double err = Math.Abs(got - want);
                if (!(err <= tol * magnitude[i * N + j] + 1e-30))
                    Assert.Fail($"{what}: C[{i},{j}] = {got}, expected {want} (error {err:g3}, bound {tol * magnitude[i * N + j]:g3})");
            }
    }
}
