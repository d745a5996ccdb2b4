using System.CommandLine;
using System.Diagnostics;
using GenreNotebooks.Nn;
using GenreNotebooks.Nn.Modules;
using GenreNotebooks.Nn.Optim;

namespace GenreNotebooks.Cli.Bench;

/// <summary>
/// <c>genre bench nn</c>: training (Adam, batch 32, cross-entropy) and inference throughput of the NN engine on the
/// 5-block Conv2D network (input 1x128x130) and the 1-D CNN on 57 features, with 1 and 2 threads, plus peak memory;
/// compares inference with ONNX Runtime (the same networks exported with the same weights, same batch and thread
/// counts, in the same run) and, when <c>bench_torch.py</c> and a python3 with torch are available, with PyTorch.
/// </summary>
public static class NnBench
{
    private const int Batch = 32;

    /// <summary>Time each measurement first runs its step untimed, so the JIT has promoted the hot paths.</summary>
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(0.4);

    /// <summary>Builds the <c>nn</c> subcommand.</summary>
    public static Command Create()
    {
        var batches = new Option<int>("--batches") { Description = "Timed batches per measurement (median reported).", DefaultValueFactory = _ => 7 };
        var threads = new Option<int[]>("--threads") { Description = "Thread counts to measure.", DefaultValueFactory = _ => [1, 2], AllowMultipleArgumentsPerToken = true };
        var noTorch = new Option<bool>("--no-torch") { Description = "Skip the PyTorch comparison." };
        var noOnnx = new Option<bool>("--no-onnxruntime") { Description = "Skip the ONNX Runtime inference comparison." };
        var profile = new Option<bool>("--profile") { Description = "Instead of the table, print CPU and wall ms per batch of every layer, backward node and kernel (cnn2d, first --threads value)." };
        var command = new Command("nn", "NN engine: train/infer samples/s of the 2-D CNN (1x128x130) and the 1-D CNN (57 features), peak memory.");
        command.Options.Add(batches);
        command.Options.Add(threads);
        command.Options.Add(noTorch);
        command.Options.Add(noOnnx);
        command.Options.Add(profile);
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(profile))
            {
                RunProfile(output, Math.Max(1, parse.GetValue(batches)), (parse.GetValue(threads) ?? [1]).FirstOrDefault(1));
                return 0;
            }
            Run(output, Math.Max(1, parse.GetValue(batches)), parse.GetValue(threads) ?? [1, 2], !parse.GetValue(noTorch), !parse.GetValue(noOnnx));
            return 0;
        });
        return command;
    }

    /// <summary>
    /// Runs the measurements (each after 0.4 s of untimed warm-up steps) and prints one table, then the ONNX Runtime
    /// inference comparison (measured right after ours for each model and thread count) and the PyTorch one.
    /// </summary>
    public static void Run(TextWriter output, int batches, int[] threadCounts, bool compareTorch, bool compareOnnxRuntime = true)
    {
        var ours = new Dictionary<(string Model, string Mode, int Threads), double>();
        var onnx = new List<OnnxRuntimeRow>();
        int previous = Threads.Count;
        output.WriteLine($"NN engine, batch {Batch}, median of {batches} batches after warm-up (shared machine: numbers are noisy)");
        output.WriteLine($"{"model",-8} {"mode",-6} {"threads",7} {"samples/s",12} {"ms/batch",10} {"cpu ms",10}");
        try
        {
            foreach (int t in threadCounts)
            {
                Threads.Count = t;
                foreach (var (name, factory, shape) in Models())
                {
                    double train = Measure(factory, shape, batches, training: true, out double trainCpu);
                    double infer = Measure(factory, shape, batches, training: false, out double inferCpu);
                    ours[(name, "train", t)] = train;
                    ours[(name, "infer", t)] = infer;
                    output.WriteLine($"{name,-8} {"train",-6} {t,7} {train,12:F1} {Batch / train * 1e3,10:F1} {trainCpu * 1e3,10:F1}");
                    output.WriteLine($"{name,-8} {"infer",-6} {t,7} {infer,12:F1} {Batch / infer * 1e3,10:F1} {inferCpu * 1e3,10:F1}");
                    if (compareOnnxRuntime) onnx.Add(MeasureAgainstOnnxRuntime(name, factory, shape, batches * 2, t));
                }
            }
        }
        finally
        {
            Threads.Count = previous;
        }
        using var process = Process.GetCurrentProcess();
        output.WriteLine($"peak working set {process.PeakWorkingSet64 / 1048576.0:F0} MB, GC heap {GC.GetTotalMemory(false) / 1048576.0:F0} MB, " +
                         $"allocated in total {GC.GetTotalAllocatedBytes() / 1048576.0:F0} MB, gen2 collections {GC.CollectionCount(2)}");
        if (compareOnnxRuntime) PrintOnnxRuntime(output, onnx);
        if (compareTorch) CompareWithTorch(output, ours, threadCounts, batches);
    }

    /// <summary>
    /// Inference of the engine and of ONNX Runtime (the same network exported) timed in alternation, batch after
    /// batch, so both see the same machine load; medians of each.
    /// </summary>
    private static OnnxRuntimeRow MeasureAgainstOnnxRuntime(
        string name, Func<Module> factory, int[] shape, int runs, int threads)
    {
        var ourStep = MakeStep(factory, shape, training: false);
        var (session, theirStep, diff) = OnnxRuntimePeer.Prepare(factory(), shape, Tensor.Randn([Batch, .. shape], new Generator(2)), threads);
        using (session)
        {
            var warm = Stopwatch.StartNew();
            while (warm.Elapsed < WarmUp) { ourStep(); theirStep(); }
            var ours = new double[runs];
            var theirs = new double[runs];
            // Process CPU time per side as well: under load, CPU ms per batch says more than wall time.
            using var process = Process.GetCurrentProcess();
            TimeSpan ourCpu = TimeSpan.Zero, theirCpu = TimeSpan.Zero;
            for (int i = 0; i < runs; i++)
            {
                process.Refresh();
                var cpu0 = process.TotalProcessorTime;
                long start = Stopwatch.GetTimestamp();
                ourStep();
                ours[i] = Stopwatch.GetElapsedTime(start).TotalSeconds;
                process.Refresh();
                var cpu1 = process.TotalProcessorTime;
                start = Stopwatch.GetTimestamp();
                theirStep();
                theirs[i] = Stopwatch.GetElapsedTime(start).TotalSeconds;
                process.Refresh();
                ourCpu += cpu1 - cpu0;
                theirCpu += process.TotalProcessorTime - cpu1;
            }
            return new OnnxRuntimeRow(name, threads, Batch / new BenchResult("onnxruntime", theirs).Median, Batch / new BenchResult("ours", ours).Median,
                theirCpu.TotalMilliseconds / runs, ourCpu.TotalMilliseconds / runs, diff);
        }
    }

    private static void PrintOnnxRuntime(TextWriter output, List<OnnxRuntimeRow> rows)
    {
        output.WriteLine($"ONNX Runtime {OnnxRuntimePeer.Version}, inference of the same networks exported (same weights, batch {Batch}, intra-op threads = threads), " +
                         "timed in alternation with ours (medians; cpu ms: process CPU per batch):");
        output.WriteLine($"{"model",-8} {"threads",7} {"onnxrt/s",12} {"ours/s",10} {"ours/onnxrt",11} {"onnxrt cpu",11} {"ours cpu",9} {"max |diff|",11}");
        foreach (var r in rows)
            output.WriteLine($"{r.Model,-8} {r.Threads,7} {r.Theirs,12:F1} {r.Ours,10:F1} {r.Ours / r.Theirs,11:F2} {r.TheirCpuMs,11:F2} {r.OurCpuMs,9:F2} {r.Difference,11:E1}");
    }

    private sealed record OnnxRuntimeRow(string Model, int Threads, double Theirs, double Ours, double TheirCpuMs, double OurCpuMs, double Difference);

    /// <summary>
    /// Per-op profile of the 2-D CNN: training and inference steps with <see cref="Profiler"/> on, then one row per
    /// layer forward, backward node and kernel with CPU and wall ms per batch (entries nest, so they do not add up).
    /// </summary>
    public static void RunProfile(TextWriter output, int batches, int threads)
    {
        int previous = Threads.Count;
        Threads.Count = Math.Max(1, threads);
        try
        {
            foreach (bool training in new[] { true, false })
            {
                var (name, factory, shape) = Models().First();
                var step = MakeStep(factory, shape, training);
                step();
                step();
                Profiler.Reset();
                Profiler.Enabled = true;
                int gen0 = GC.CollectionCount(0);
                long allocated = GC.GetTotalAllocatedBytes(true);
                using var process = Process.GetCurrentProcess();
                var cpuBefore = process.TotalProcessorTime;
                long wallBefore = Stopwatch.GetTimestamp();
                for (int i = 0; i < batches; i++)
                    using (Profiler.Scope("step (total)")) step();
                double wall = Stopwatch.GetElapsedTime(wallBefore).TotalMilliseconds / batches;
                process.Refresh();
                double cpu = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds / batches;
                Profiler.Enabled = false;
                allocated = GC.GetTotalAllocatedBytes(true) - allocated;
                output.WriteLine($"{name} {(training ? "train" : "infer")}, {Threads.Count} thread(s), {batches} batches of {Batch}: " +
                                 $"{allocated / 1024.0 / batches:F0} KB allocated and {(GC.CollectionCount(0) - gen0) / (double)batches:F2} gen0 GCs per batch; " +
                                 $"process CPU {cpu:F1} ms and wall {wall:F1} ms per batch (all threads; rows below: calling thread's CPU)");
                output.WriteLine($"{"op",-40} {"calls/b",8} {"cpu ms/b",9} {"wall ms/b",10}");
                foreach (var e in Profiler.Snapshot())
                    output.WriteLine($"{e.Name,-40} {e.Calls / (double)batches,8:F0} {e.CpuSeconds * 1e3 / batches,9:F2} {e.WallSeconds * 1e3 / batches,10:F2}");
                output.WriteLine();
            }
        }
        finally
        {
            Profiler.Enabled = false;
            Threads.Count = previous;
        }
    }

    /// <summary>The two benchmark models: name, factory and input shape without the batch dimension.</summary>
    public static IEnumerable<(string Name, Func<Module> Factory, int[] Shape)> Models()
    {
        yield return ("cnn2d", () => Cnn2d(new Generator(1)), [1, 128, 130]);
        yield return ("cnn1d", () => Cnn1d(new Generator(1)), [1, 57]);
    }

    /// <summary>The 5-block Conv2D network: Conv2d(5x5, pad 2)+BN+ReLU+MaxPool(2) with 8..128 filters, Dropout(0.2), Linear(2048, 10).</summary>
    public static Sequential Cnn2d(Generator g)
    {
        var model = new Sequential();
        int cin = 1;
        foreach (int cout in new[] { 8, 16, 32, 64, 128 })
        {
            model.Add(new Conv2d(cin, cout, 5, padding: 2, generator: g)).Add(new BatchNorm2d(cout)).Add(new ReLU()).Add(new MaxPool2d(2));
            cin = cout;
        }
        return model.Add(new Dropout(0.2f, g)).Add(new Flatten()).Add(new Linear(128 * 4 * 4, 10, generator: g));
    }

    /// <summary>The 1-D CNN on 57 features: two Conv1d(k3)+ReLU+MaxPool1d(2), Linear(768, 64)+ReLU, Dropout(0.3), Linear(64, 10).</summary>
    public static Sequential Cnn1d(Generator g) => new(
        new Conv1d(1, 32, 3, generator: g), new ReLU(), new MaxPool1d(2),
        new Conv1d(32, 64, 3, generator: g), new ReLU(), new MaxPool1d(2),
        new Flatten(), new Linear(64 * 12, 64, generator: g), new ReLU(), new Dropout(0.3f, g), new Linear(64, 10, generator: g));

    private static double Measure(Func<Module> factory, int[] shape, int batches, bool training, out double cpuSeconds)
    {
        var step = MakeStep(factory, shape, training);
        int iterations = training ? batches : batches * 2;
        // Warm up for a fixed time rather than a fixed count: a small model's step takes about a millisecond, and two
        // steps leave code paths the previous model did not use still unoptimised by the tiered JIT.
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed < WarmUp) step();
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var result = BenchTimer.Measure("step", step, runs: iterations, warmup: 2);
        process.Refresh();
        cpuSeconds = (process.TotalProcessorTime - cpuBefore).TotalSeconds / (iterations + 2);
        return Batch / result.Median;
    }

    /// <summary>One training step (zero_grad, forward, loss, backward, Adam step) or one inference forward pass.</summary>
    private static Action MakeStep(Func<Module> factory, int[] shape, bool training)
    {
        var model = factory();
        var x = Tensor.Randn([Batch, .. shape], new Generator(2));
        var gen = new Generator(3);
        var y = Enumerable.Range(0, Batch).Select(_ => gen.NextInt(10)).ToArray();
        var opt = new Adam(model.Parameters(), 1e-3f);
        var loss = new CrossEntropyLoss();
        if (training) model.Train(); else model.Eval();
        return () =>
        {
            using var scope = Torch.NewDisposeScope();
            if (training)
            {
                opt.ZeroGrad();
                Tensor logits;
                using (Profiler.Scope("forward (total)")) logits = model.Forward(x);
                Tensor l;
                using (Profiler.Scope("loss.forward")) l = loss.Forward(logits, y);
                using (Profiler.Scope("backward (total)")) l.Backward();
                opt.Step();
            }
            else
            {
                using var noGrad = Torch.NoGrad();
                model.Forward(x);
            }
        };
    }

    private static void CompareWithTorch(TextWriter output, Dictionary<(string, string, int), double> ours, int[] threadCounts, int batches)
    {
        var script = FindScript();
        if (script is null) { output.WriteLine("PyTorch comparison skipped: bench_torch.py not found."); return; }
        // Debian's python3 carries torch; a python3 earlier on PATH (pyenv, venv) often does not.
        var psi = new ProcessStartInfo(File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(script);
        if (batches < 5) psi.ArgumentList.Add("--quick");
        psi.ArgumentList.Add("--threads");
        foreach (int t in threadCounts) psi.ArgumentList.Add(t.ToString(System.Globalization.CultureInfo.InvariantCulture));
        string text;
        try
        {
            using var p = Process.Start(psi)!;
            text = p.StandardOutput.ReadToEnd();
            string err = p.StandardError.ReadToEnd();
            p.WaitForExit();
            if (p.ExitCode != 0) { output.WriteLine($"PyTorch comparison skipped: python3 {Path.GetFileName(script)} failed: {err.Trim().Split('\n').LastOrDefault()}"); return; }
        }
        catch (System.ComponentModel.Win32Exception) { output.WriteLine("PyTorch comparison skipped: python3 not found."); return; }
        output.WriteLine($"{"model",-8} {"mode",-6} {"threads",7} {"torch/s",12} {"ours/s",10} {"ours/torch",10}");
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var f = line.Split(' ');
            if (f.Length != 5 || f[0] != "torch") continue;
            double torch = double.Parse(f[4], System.Globalization.CultureInfo.InvariantCulture);
            int t = int.Parse(f[3], System.Globalization.CultureInfo.InvariantCulture);
            if (ours.TryGetValue((f[1], f[2], t), out var mine))
                output.WriteLine($"{f[1],-8} {f[2],-6} {t,7} {torch,12:F1} {mine,10:F1} {mine / torch,10:F2}");
        }
    }

    private static string? FindScript()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "GenreNotebooks.Nn.Tests", "Data", "torch", "bench_torch.py");
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}
