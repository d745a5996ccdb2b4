using System.Diagnostics;
using GenreNotebooks.Nn;
using GenreNotebooks.Nn.Modules;
using GenreNotebooks.Nn.Onnx;
using Microsoft.ML.OnnxRuntime;

namespace GenreNotebooks.Cli.Bench;

/// <summary>
/// ONNX Runtime as the inference peer of <c>genre bench nn</c>: the benchmark network exported with
/// <see cref="OnnxExport"/> from the same weights, run on the same batch with a given number of intra-op threads
/// (ONNX Runtime's default session settings otherwise: all graph optimisations, spinning worker threads).
/// </summary>
internal static class OnnxRuntimePeer
{
    /// <summary>The version of the ONNX Runtime package the CLI references.</summary>
    public static string Version => typeof(InferenceSession).Assembly.GetName().Version?.ToString(3) ?? "?";

    /// <summary>
    /// Samples per second of ONNX Runtime's forward pass on <paramref name="x"/> (median of <paramref name="runs"/>
    /// after <paramref name="warmUp"/> of untimed runs), and max |ONNX Runtime - engine| on that batch.
    /// </summary>
    public static (double SamplesPerSecond, double MaxDifference) Measure(Module model, int[] inputShape, Tensor x, int threads, int runs, TimeSpan warmUp)
    {
        model.Eval();
        var bytes = model.ToOnnxBytes(inputShape);
        using var options = new SessionOptions { IntraOpNumThreads = threads, InterOpNumThreads = 1, ExecutionMode = ExecutionMode.ORT_SEQUENTIAL };
        using var session = new InferenceSession(bytes, options);
        var data = x.ToArray();
        long[] shape = [.. x.Shape.Select(d => (long)d)];
        using var input = OrtValue.CreateTensorValueFromMemory(data, shape);
        using var runOptions = new RunOptions();
        string[] inputNames = [session.InputNames[0]], outputNames = [session.OutputNames[0]];
        OrtValue[] inputs = [input];
        void Step()
        {
            using var outputs = session.Run(runOptions, inputNames, inputs, outputNames);
        }

        float[] theirs;
        using (var outputs = session.Run(runOptions, inputNames, inputs, outputNames)) theirs = outputs[0].GetTensorDataAsSpan<float>().ToArray();
        float[] ours;
        using (Torch.NewDisposeScope())
        using (Torch.NoGrad())
            ours = model.Forward(x).ToArray();
        double diff = ours.Zip(theirs, (a, b) => Math.Abs((double)a - b)).Max();

        var warm = Stopwatch.StartNew();
        while (warm.Elapsed < warmUp) Step();
        var result = BenchTimer.Measure("onnxruntime", Step, runs: runs, warmup: 2);
        return (x.Size(0) / result.Median, diff);
    }
}
