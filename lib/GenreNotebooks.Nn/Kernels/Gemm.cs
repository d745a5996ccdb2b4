using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace GenreNotebooks.Nn.Kernels;

/// <summary>
/// Single-precision general matrix multiply, BLAS <c>sgemm</c> semantics on row-major storage:
/// <c>C = alpha * op(A) * op(B) + beta * C</c>, op(X) = X or Xᵀ; op(A) is m×k, op(B) is k×n, C is m×n.
/// Every dense layer and convolution (via im2col) of the engine runs through here.
/// </summary>
/// <remarks>
/// Large products use a packed, cache-blocked (Goto/BLIS) algorithm with an AVX-512 8×32, AVX2+FMA 6×16 or portable
/// <see cref="System.Numerics.Vector{T}"/> micro-kernel, split over <see cref="Threads.Count"/> threads along
/// rows or columns of C; small and vector-shaped products use plain vectorised loops. Results are deterministic for
/// a given thread count (with the blocked paths they do not even depend on it).
/// </remarks>
public static class Gemm
{
    /// <summary>Below this m·n·k the packing overhead outweighs blocking.</summary>
    private const long SimpleMaxVolume = 32 * 32 * 32;

    /// <summary>Floating-point operations per extra thread below which threading costs more than it gains.</summary>
    private const double FlopsPerThread = 4e6;

    /// <summary>Work items per thread of a threaded product (items are claimed dynamically).</summary>
    private const int ItemsPerThread = 3;

    /// <summary>A·Bᵀ goes to the dot-product path when k ≥ this × max(m, n).</summary>
    private const int DotMinKOverMN = 2;

    /// <summary>
    /// Computes <c>C = alpha * op(A) * op(B) + beta * C</c> (row-major; <paramref name="lda"/>, <paramref name="ldb"/>,
    /// <paramref name="ldc"/> are row strides of the stored matrices). With beta = 0, C's old contents are ignored (NaN-safe).
    /// </summary>
    /// <param name="transA">Use Aᵀ: A is stored k×m instead of m×k.</param>
    /// <param name="transB">Use Bᵀ: B is stored n×k instead of k×n.</param>
    /// <param name="m">Rows of op(A) and C.</param>
    /// <param name="n">Columns of op(B) and C.</param>
    /// <param name="k">Columns of op(A), rows of op(B); k = 0 gives C = beta·C.</param>
    /// <param name="alpha">Scale of the product.</param>
    /// <param name="a">A, row-major with row stride <paramref name="lda"/>.</param>
    /// <param name="lda">Row stride of the stored A (≥ its column count).</param>
    /// <param name="b">B, row-major with row stride <paramref name="ldb"/>.</param>
    /// <param name="ldb">Row stride of the stored B (≥ its column count).</param>
    /// <param name="beta">Scale of the old C; 0 means C is write-only.</param>
    /// <param name="c">C, m×n row-major with row stride <paramref name="ldc"/>.</param>
    /// <param name="ldc">Row stride of C (≥ n).</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is negative or a stride is smaller than its row length.</exception>
    /// <exception cref="ArgumentException">A span is too short for the given sizes and strides.</exception>
    public static void Sgemm(bool transA, bool transB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc)
        => SgemmOn(GemmPath.Auto, transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);

    /// <summary>True if <paramref name="path"/> can run on this CPU (Auto, Simple, Portable and Dot always can).</summary>
    public static bool IsSupported(GemmPath path) => path switch
    {
        GemmPath.Auto or GemmPath.Simple or GemmPath.Portable or GemmPath.Dot => true,
        GemmPath.Avx2 => GemmKernelAvx2.IsSupported,
        GemmPath.Avx512 => GemmKernelAvx512.IsSupported,
        _ => false,
    };

    /// <summary>The blocked path <see cref="GemmPath.Auto"/> uses for large problems on this CPU.</summary>
    public static GemmPath BestBlockedPath =>
        GemmKernelAvx512.IsSupported ? GemmPath.Avx512 : GemmKernelAvx2.IsSupported ? GemmPath.Avx2 : GemmPath.Portable;

    /// <summary>
    /// <see cref="Sgemm"/> forced onto one implementation, for tests and benchmarks that compare paths;
    /// <see cref="GemmPath.Auto"/> is exactly <see cref="Sgemm"/>.
    /// </summary>
    /// <param name="path">The implementation to run.</param>
    /// <param name="transA">Use Aᵀ: A is stored k×m instead of m×k.</param>
    /// <param name="transB">Use Bᵀ: B is stored n×k instead of k×n.</param>
    /// <param name="m">Rows of op(A) and C.</param>
    /// <param name="n">Columns of op(B) and C.</param>
    /// <param name="k">Columns of op(A), rows of op(B).</param>
    /// <param name="alpha">Scale of the product.</param>
    /// <param name="a">A, row-major with row stride <paramref name="lda"/>.</param>
    /// <param name="lda">Row stride of the stored A.</param>
    /// <param name="b">B, row-major with row stride <paramref name="ldb"/>.</param>
    /// <param name="ldb">Row stride of the stored B.</param>
    /// <param name="beta">Scale of the old C; 0 means C is write-only.</param>
    /// <param name="c">C, m×n row-major with row stride <paramref name="ldc"/>.</param>
    /// <param name="ldc">Row stride of C.</param>
    /// <exception cref="ArgumentOutOfRangeException">Bad size or stride, or an unknown path.</exception>
    /// <exception cref="ArgumentException">A span is too short, or <paramref name="path"/> is not supported on this CPU.</exception>
    [EditorBrowsable(EditorBrowsableState.Advanced)]
    // Fully optimised from the first call: training runs start with thousands of GEMMs, and tier-0 code here
    // (pinning, dispatch) costs more than a small product itself.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static unsafe void SgemmOn(GemmPath path, bool transA, bool transB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        if (!Enum.IsDefined(path)) throw new ArgumentOutOfRangeException(nameof(path), path, "Unknown GEMM path.");
        if (!IsSupported(path)) throw new ArgumentException($"GEMM path {path} is not supported on this CPU.", nameof(path));
        CheckOperand(a, nameof(a), lda, nameof(lda), transA ? k : m, transA ? m : k);
        CheckOperand(b, nameof(b), ldb, nameof(ldb), transB ? n : k, transB ? k : n);
        CheckOperand(c, nameof(c), ldc, nameof(ldc), m, n);
        if (m == 0 || n == 0) return;

        fixed (float* pa = a)
        fixed (float* pb = b)
        fixed (float* pc = c)
        {
            if (k == 0 || alpha == 0f)
            {
                ScaleC(pc, m, n, ldc, beta);
                return;
            }
            if (path == GemmPath.Auto)
                path = ChooseAuto(transA, transB, m, n, k);
            if (path == GemmPath.Dot && (transA || !transB))
                path = GemmPath.Simple;
            var problem = new Problem(path, transA, transB, m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc);
            if (path == GemmPath.Simple)
                GemmSimple.Run(transA, transB, m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc);
            else if (path == GemmPath.Dot)
                RunDotParallel(problem);
            else
                RunBlockedParallel(problem);
        }
    }

    private static GemmPath ChooseAuto(bool transA, bool transB, int m, int n, int k)
    {
        if ((long)m * n * k <= SimpleMaxVolume || m == 1 || n == 1)
            return GemmPath.Simple;
        // Long dot products into a small C: packing would cost about as much as the product.
        if (!transA && transB && k >= DotMinKOverMN * Math.Max(m, n))
            return GemmPath.Dot;
        return BestBlockedPath;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void RunDotParallel(Problem p)
    {
        double flops = 2.0 * p.M * p.N * p.K;
        int threads = (int)Math.Clamp(flops / FlopsPerThread, 1, ParallelRange.AvailableThreads);
        int rowBlocks = (p.M + GemmDot.Block - 1) / GemmDot.Block, colBlocks = (p.N + GemmDot.Block - 1) / GemmDot.Block;
        bool splitColumns = colBlocks >= rowBlocks;
        int units = splitColumns ? colBlocks : rowBlocks;
        threads = Math.Min(threads, units);
        if (threads <= 1)
        {
            GemmDot.Run(0, p.M, 0, p.N, p.K, p.Alpha, p.A, p.Lda, p.B, p.Ldb, p.Beta, p.C, p.Ldc);
            return;
        }
        // Whole 4×4 blocks per item: each C element is computed exactly as on one thread.
        int items = Math.Min(units, ItemsPerThread * threads);
        WorkerPool.Run(items, threads, t =>
        {
            int u0 = (int)((long)units * t / items) * GemmDot.Block, u1 = (int)((long)units * (t + 1) / items) * GemmDot.Block;
            if (splitColumns)
                GemmDot.Run(0, p.M, u0, Math.Min(p.N, u1), p.K, p.Alpha, p.A, p.Lda, p.B, p.Ldb, p.Beta, p.C, p.Ldc);
            else
                GemmDot.Run(u0, Math.Min(p.M, u1), 0, p.N, p.K, p.Alpha, p.A, p.Lda, p.B, p.Ldb, p.Beta, p.C, p.Ldc);
        });
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void RunBlockedParallel(Problem p)
    {
        double flops = 2.0 * p.M * p.N * p.K;
        int threads = (int)Math.Clamp(flops / FlopsPerThread, 1, ParallelRange.AvailableThreads);
        var (mr, nr) = TileOf(p.Path);
        // Split along the longer side of C in whole tiles, so every thread's tiles line up with the
        // single-threaded tiling and the result does not depend on the thread count.
        bool splitColumns = (long)p.N * mr >= (long)p.M * nr;
        int units = splitColumns ? (p.N + nr - 1) / nr : (p.M + mr - 1) / mr;
        threads = Math.Min(threads, units);
        if (threads <= 1)
        {
            RunBlocked(p);
            return;
        }
        // A few items per thread, claimed dynamically, so a thread the OS deschedules does not hold up the product;
        // each item repacks its shared operand, which costs little next to the item's arithmetic.
        int items = Math.Min(units, ItemsPerThread * threads);
        WorkerPool.Run(items, threads, t =>
        {
            int u0 = (int)((long)units * t / items), u1 = (int)((long)units * (t + 1) / items);
            RunBlocked(splitColumns ? p.Columns(u0 * nr, Math.Min(p.N, u1 * nr)) : p.Rows(u0 * mr, Math.Min(p.M, u1 * mr)));
        });
    }

    private static (int Mr, int Nr) TileOf(GemmPath path) => path switch
    {
        GemmPath.Avx512 => (GemmKernelAvx512.MR, GemmKernelAvx512.NR),
        GemmPath.Avx2 => (GemmKernelAvx2.MR, GemmKernelAvx2.NR),
        _ => (GemmKernelPortable.MR, GemmKernelPortable.NR),
    };

    private static unsafe void RunBlocked(Problem p)
    {
        switch (p.Path)
        {
            case GemmPath.Avx512:
                GemmBlocked<GemmKernelAvx512>.Run(p.TransA, p.TransB, p.M, p.N, p.K, p.Alpha, p.A, p.Lda, p.B, p.Ldb, p.Beta, p.C, p.Ldc);
                break;
            case GemmPath.Avx2:
                GemmBlocked<GemmKernelAvx2>.Run(p.TransA, p.TransB, p.M, p.N, p.K, p.Alpha, p.A, p.Lda, p.B, p.Ldb, p.Beta, p.C, p.Ldc);
                break;
            default:
                GemmBlocked<GemmKernelPortable>.Run(p.TransA, p.TransB, p.M, p.N, p.K, p.Alpha, p.A, p.Lda, p.B, p.Ldb, p.Beta, p.C, p.Ldc);
                break;
        }
    }

    private static unsafe void ScaleC(float* c, int m, int n, nint ldc, float beta)
    {
        for (int i = 0; i < m; i++)
        {
            var row = new Span<float>(c + i * ldc, n);
            if (beta == 0f) row.Clear();
            else if (beta != 1f)
                for (int j = 0; j < n; j++) row[j] *= beta;
        }
    }

    private static void CheckOperand(ReadOnlySpan<float> data, string name, int ld, string ldName, int rows, int cols)
    {
        if (ld < Math.Max(1, cols))
            throw new ArgumentOutOfRangeException(ldName, ld, $"Row stride must be at least max(1, {cols}) (the stored matrix is {rows}×{cols}).");
        long needed = rows == 0 || cols == 0 ? 0 : (long)(rows - 1) * ld + cols;
        if (data.Length < needed)
            throw new ArgumentException($"Span '{name}' has {data.Length} elements but a {rows}×{cols} matrix with row stride {ld} needs {needed}.", name);
    }

    /// <summary>One GEMM call's operands as raw pointers, so it can be split across threads.</summary>
    private readonly unsafe struct Problem(GemmPath path, bool transA, bool transB, int m, int n, int k, float alpha,
        float* a, nint lda, float* b, nint ldb, float beta, float* c, nint ldc)
    {
        public GemmPath Path => path;
        public bool TransA => transA;
        public bool TransB => transB;
        public int M => m;
        public int N => n;
        public int K => k;
        public float Alpha => alpha;
        public float* A => a;
        public nint Lda => lda;
        public float* B => b;
        public nint Ldb => ldb;
        public float Beta => beta;
        public float* C => c;
        public nint Ldc => ldc;

        /// <summary>The sub-problem producing columns [j0, j1) of C.</summary>
        public Problem Columns(int j0, int j1) => new(path, transA, transB, m, j1 - j0, k, alpha,
            a, lda, transB ? b + j0 * ldb : b + j0, ldb, beta, c + j0, ldc);

        /// <summary>The sub-problem producing rows [i0, i1) of C.</summary>
        public Problem Rows(int i0, int i1) => new(path, transA, transB, i1 - i0, n, k, alpha,
            transA ? a + i0 : a + i0 * lda, lda, b, ldb, beta, c + i0 * ldc, ldc);
    }
}
