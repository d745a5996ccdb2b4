using System.CommandLine;
using GenreNotebooks.Nn;
using GenreNotebooks.Nn.Kernels;

namespace GenreNotebooks.Cli.Bench;

/// <summary>
/// <c>genre bench gemm</c>: SGEMM throughput (GFLOP/s, median of timed runs) for a 512³ product and for the im2col
/// GEMMs of the 5-block Conv2D net (input 1×128×130, 5×5 kernels with padding 2, filters 8-16-32-64-128; one sample's
/// forward product and the two backward products per layer), on every GEMM path this CPU supports, 1 and 2 threads.
/// </summary>
public static class GemmBench
{
    /// <summary>One benchmarked product: C (m×n) = op(A) (m×k) · op(B) (k×n).</summary>
    /// <param name="Name">Label printed in the first column.</param>
    /// <param name="M">Rows of C.</param>
    /// <param name="N">Columns of C.</param>
    /// <param name="K">Inner dimension.</param>
    /// <param name="TransA">A stored transposed.</param>
    /// <param name="TransB">B stored transposed.</param>
    public sealed record Shape(string Name, int M, int N, int K, bool TransA, bool TransB);

    /// <summary>
    /// The shapes: 512³, then per conv layer the forward W·cols (out×(in·25) · (in·25)×pixels), the weight gradient
    /// dY·colsᵀ and the input gradient Wᵀ·dY for one sample; then the 1D CNN's second conv and dense layers (batch 32).
    /// </summary>
    public static IReadOnlyList<Shape> Shapes()
    {
        var shapes = new List<Shape> { new("square512", 512, 512, 512, false, false) };
        int inC = 1, h = 128, w = 130;
        foreach (int outC in new[] { 8, 16, 32, 64, 128 })
        {
            int pixels = h * w, patch = inC * 25;
            string layer = $"conv{shapes.Count / 3 + 1}";
            shapes.Add(new($"{layer}.fwd", outC, pixels, patch, false, false));
            shapes.Add(new($"{layer}.dW", outC, patch, pixels, false, true));
            shapes.Add(new($"{layer}.dX", patch, pixels, outC, true, false));
            inC = outC;
            h /= 2;
            w /= 2;
        }
        // The 1D CNN on 57 features (per sample) and the dense layers at batch 32: small products where
        // per-call overhead and the Simple/blocked crossover matter.
        shapes.Add(new("c1d1.fwd", 32, 55, 3, false, false));
        shapes.Add(new("c1d2.fwd", 64, 25, 96, false, false));
        shapes.Add(new("c1d2.dW", 64, 96, 25, false, true));
        shapes.Add(new("c1d2.dX", 96, 25, 64, true, false));
        shapes.Add(new("fc768.fwd", 32, 64, 768, false, true));
        shapes.Add(new("fc768.dW", 64, 768, 32, true, false));
        shapes.Add(new("fc768.dX", 32, 768, 64, false, false));
        shapes.Add(new("fc2048.fwd", 32, 10, 2048, false, true));
        return shapes;
    }

    /// <summary>Runs every shape × supported path × thread count in {1, 2} and prints one line per measurement.</summary>
    /// <param name="output">Where the table goes.</param>
    /// <param name="quick">Fewer timed runs (smoke test).</param>
    /// <param name="filter">Only shapes whose name contains this text (null: all).</param>
    public static void Run(TextWriter output, bool quick, string? filter)
    {
        ArgumentNullException.ThrowIfNull(output);
        var paths = Enum.GetValues<GemmPath>().Where(Gemm.IsSupported).ToArray();
        int savedThreads = Threads.Count;
        output.WriteLine($"{"shape",-12} {"m",6} {"n",6} {"k",6} {"tA",2} {"tB",2} {"path",-9} {"threads",7} {"GFLOP/s",9} {"median ms",10}");
        try
        {
            foreach (var s in Shapes().Where(s => filter is null || s.Name.Contains(filter, StringComparison.OrdinalIgnoreCase)))
            {
                var rng = new Random(42);
                var a = RandomArray(rng, s.M * s.K);
                var b = RandomArray(rng, s.K * s.N);
                var c = new float[s.M * s.N];
                int lda = s.TransA ? s.M : s.K, ldb = s.TransB ? s.K : s.N;
                double flops = 2.0 * s.M * s.N * s.K;
                // Repeat small products inside one timed run so each run lasts a few milliseconds.
                int reps = (int)Math.Clamp(2e7 / flops, 1, 1000);
                // Untimed pass over every path first, so no row pays for JIT tiering or first-touch page faults.
                foreach (var path in paths)
                    BenchTimer.Measure("warm-up", () =>
                    {
                        for (int r = 0; r < reps; r++)
                            Gemm.SgemmOn(path, s.TransA, s.TransB, s.M, s.N, s.K, 1f, a, lda, b, ldb, 0f, c, s.N);
                    }, runs: 2, warmup: 1);
                foreach (var path in paths)
                {
                    foreach (int threads in new[] { 1, 2 })
                    {
                        Threads.Count = threads;
                        var result = BenchTimer.Measure($"{s.Name} {path} {threads}", () =>
                        {
                            for (int r = 0; r < reps; r++)
                                Gemm.SgemmOn(path, s.TransA, s.TransB, s.M, s.N, s.K, 1f, a, lda, b, ldb, 0f, c, s.N);
                        }, runs: quick ? 3 : 9, warmup: 3);
                        double perCall = result.Median / reps;
                        output.WriteLine($"{s.Name,-12} {s.M,6} {s.N,6} {s.K,6} {(s.TransA ? "T" : "N"),2} {(s.TransB ? "T" : "N"),2} " +
                            $"{path,-9} {threads,7} {flops / perCall / 1e9,9:F1} {perCall * 1e3,10:F3}");
                    }
                }
            }
        }
        finally
        {
            Threads.Count = savedThreads;
        }
    }

    /// <summary>The <c>gemm</c> subcommand of <c>genre bench</c>.</summary>
    public static Command CreateCommand()
    {
        var quick = new Option<bool>("--quick") { Description = "Few timed runs (smoke test, noisier numbers)." };
        var filter = new Option<string?>("--filter") { Description = "Only shapes whose name contains this text, e.g. conv1 or square." };
        var command = new Command("gemm", "SGEMM GFLOP/s per path and thread count: 512^3 and the 5-block CNN's im2col shapes.");
        command.Options.Add(quick);
        command.Options.Add(filter);
        command.SetAction(parse => Run(parse.InvocationConfiguration.Output, parse.GetValue(quick), parse.GetValue(filter)));
        return command;
    }

    private static float[] RandomArray(Random rng, int length)
    {
        var x = new float[length];
        for (int i = 0; i < length; i++) x[i] = (float)(rng.NextDouble() * 2 - 1);
        return x;
    }
}
