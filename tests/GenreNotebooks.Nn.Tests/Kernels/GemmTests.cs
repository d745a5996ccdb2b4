using GenreNotebooks.Nn.Kernels;

namespace GenreNotebooks.Nn.Tests.Kernels;

public class GemmTests
{
    private static readonly (int M, int N, int K)[] Shapes =
    [
        (1, 1, 1), (1, 7, 3), (5, 1, 9), (2, 3, 1), (7, 13, 5), (8, 32, 16), (9, 33, 17), (33, 33, 33),
        (31, 37, 41), (6, 16, 256), (6, 16, 257), (47, 1, 300), (13, 300, 2), (65, 70, 300), (257, 31, 19),
        (8, 2100, 9), (200, 40, 30), (25, 523, 8), (3, 5, 600), (9, 6, 4100),
    ];

    private static readonly (float Alpha, float Beta)[] Scales = [(1f, 0f), (0.5f, 1f), (-1.5f, 0.25f)];

    public static TheoryData<GemmPath, bool, bool> PathsAndTransposes()
    {
        var data = new TheoryData<GemmPath, bool, bool>();
        foreach (var path in Enum.GetValues<GemmPath>())
            foreach (bool ta in new[] { false, true })
                foreach (bool tb in new[] { false, true })
                    data.Add(path, ta, tb);
        return data;
    }

    [Theory]
    [MemberData(nameof(PathsAndTransposes))]
    public void Sgemm_matches_float64_reference_on_many_shapes(GemmPath path, bool transA, bool transB)
    {
        if (!Gemm.IsSupported(path)) return; // this CPU lacks the instruction set; the other paths still run
        var rng = new Random(1234 + (int)path * 4 + (transA ? 2 : 0) + (transB ? 1 : 0));
        int caseIndex = 0;
        foreach (var (m, n, k) in Shapes)
        {
            foreach (var (alpha, beta) in Scales)
            {
                int pad = caseIndex++ % 2 == 0 ? 0 : 3; // alternate minimal and padded strides
                var p = GemmCase.Random(rng, transA, transB, m, n, k, pad);
                var expected = p.Reference(alpha, beta, out var magnitude);
                p.Run(path, alpha, beta);
                p.AssertClose(expected, magnitude, $"{path} tA={transA} tB={transB} {m}x{n}x{k} alpha={alpha} beta={beta} pad={pad}");
            }
        }
    }

    [Theory]
    [InlineData(GemmPath.Auto)]
    [InlineData(GemmPath.Simple)]
    [InlineData(GemmPath.Portable)]
    [InlineData(GemmPath.Avx2)]
    [InlineData(GemmPath.Avx512)]
    [InlineData(GemmPath.Dot)]
    public void Sgemm_with_beta_zero_ignores_NaN_in_C(GemmPath path)
    {
        if (!Gemm.IsSupported(path)) return;
        var p = GemmCase.Random(new Random(5), false, path == GemmPath.Dot, 37, 45, 29, 2);
        Array.Fill(p.C, float.NaN);
        var expected = p.Reference(1f, 0f, out var magnitude);
        p.Run(path, 1f, 0f);
        p.AssertClose(expected, magnitude, path.ToString());
        for (int i = 0; i < p.M; i++)
            for (int j = 0; j < p.N; j++)
                Assert.False(float.IsNaN(p.C[i * p.Ldc + j]), $"C[{i},{j}] is NaN");
    }

    [Fact]
    public void Sgemm_with_k_zero_scales_C_by_beta()
    {
        var c = new float[] { 1, 2, 3, 4, 5, 6 };
        Gemm.Sgemm(false, false, 2, 3, 0, 1f, [], 1, [], 3, 0.5f, c, 3);
        Assert.Equal(new float[] { 0.5f, 1, 1.5f, 2, 2.5f, 3 }, c);
        var nan = new float[] { float.NaN, float.NaN };
        Gemm.Sgemm(false, false, 1, 2, 0, 1f, [], 1, [], 2, 0f, nan, 2);
        Assert.Equal(new float[] { 0, 0 }, nan);
    }

    [Fact]
    public void Sgemm_with_alpha_zero_does_not_read_A_or_B()
    {
        var a = new float[] { float.NaN, float.NaN, float.NaN, float.NaN };
        var c = new float[] { 1, 2, 3, 4 };
        Gemm.Sgemm(false, false, 2, 2, 2, 0f, a, 2, a, 2, 2f, c, 2);
        Assert.Equal(new float[] { 2, 4, 6, 8 }, c);
    }

    [Theory]
    [InlineData(GemmPath.Auto)]
    [InlineData(GemmPath.Portable)]
    [InlineData(GemmPath.Avx2)]
    [InlineData(GemmPath.Avx512)]
    public void Sgemm_leaves_C_padding_between_rows_untouched(GemmPath path)
    {
        if (!Gemm.IsSupported(path)) return;
        var p = GemmCase.Random(new Random(9), true, false, 41, 67, 23, 5);
        const float sentinel = 12345f;
        for (int i = 0; i < p.M; i++)
            for (int j = p.N; j < p.Ldc && i * p.Ldc + j < p.C.Length; j++)
                p.C[i * p.Ldc + j] = sentinel;
        p.Run(path, 1f, 1f);
        for (int i = 0; i < p.M - 1; i++)
            for (int j = p.N; j < p.Ldc; j++)
                Assert.Equal(sentinel, p.C[i * p.Ldc + j]);
    }

    [Theory]
    [InlineData(GemmPath.Auto)]
    [InlineData(GemmPath.Portable)]
    [InlineData(GemmPath.Avx2)]
    [InlineData(GemmPath.Avx512)]
    [InlineData(GemmPath.Dot)]
    public void Sgemm_is_bitwise_deterministic_across_runs_and_thread_counts(GemmPath path)
    {
        if (!Gemm.IsSupported(path)) return;
        // Large enough to be split across threads (both along columns and, for the tall case, rows).
        foreach (var (m, n, k) in new[] { (150, 301, 270), (517, 40, 200), (8, 25, 9000), (30, 9, 9000) })
        {
            var p = GemmCase.Random(new Random(77), false, true, m, n, k, 1);
            var c0 = (float[])p.C.Clone();
            int saved = Threads.Count;
            try
            {
                float[]? first = null;
                foreach (int threads in new[] { 2, 2, 1 })
                {
                    Threads.Count = threads;
                    c0.CopyTo(p.C, 0);
                    p.Run(path, 0.75f, 0.5f);
                    if (first is null) first = (float[])p.C.Clone();
                    else Assert.Equal(first, p.C);
                }
            }
            finally
            {
                Threads.Count = saved;
            }
        }
    }

    [Fact]
    public void Sgemm_rejects_short_spans_and_small_strides()
    {
        var a = new float[6];
        var b = new float[6];
        var c = new float[4];
        Assert.Throws<ArgumentException>("a", () => Gemm.Sgemm(false, false, 2, 2, 3, 1f, a.AsSpan(0, 5), 3, b, 2, 0f, c, 2));
        Assert.Throws<ArgumentException>("b", () => Gemm.Sgemm(false, true, 2, 2, 3, 1f, a, 3, b.AsSpan(0, 5), 3, 0f, c, 2));
        Assert.Throws<ArgumentException>("c", () => Gemm.Sgemm(false, false, 2, 2, 3, 1f, a, 3, b, 2, 0f, c.AsSpan(0, 3), 2));
        Assert.Throws<ArgumentOutOfRangeException>("lda", () => Gemm.Sgemm(false, false, 2, 2, 3, 1f, a, 2, b, 2, 0f, c, 2));
        Assert.Throws<ArgumentOutOfRangeException>("ldc", () => Gemm.Sgemm(false, false, 2, 2, 3, 1f, a, 3, b, 2, 0f, c, 1));
        Assert.Throws<ArgumentOutOfRangeException>("m", () => Gemm.Sgemm(false, false, -1, 2, 3, 1f, a, 3, b, 2, 0f, c, 2));
        Assert.Throws<ArgumentOutOfRangeException>("path", () => Gemm.SgemmOn((GemmPath)99, false, false, 1, 1, 1, 1f, a, 1, b, 1, 0f, c, 1));
    }
}
