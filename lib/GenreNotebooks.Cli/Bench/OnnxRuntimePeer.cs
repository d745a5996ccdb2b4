using GenreNotebooks.Nn;
using GenreNotebooks.Nn.Modules;
using GenreNotebooks.Nn.Onnx;
using Microsoft.ML.OnnxRuntime;

namespace GenreNotebooks.Cli.Bench;

/// <summary>
/// ONNX Runtime as the inference peer of <c>genre bench nn</c>: the benchmark network exported with
/// <see cref="OnnxExport"/> from the same weights, run on the same batch with a given number of intra-op threads
/// (ONNX Runtime's default session settings otherwise: all graph optimisations, worker threads that spin briefly,
/// as the engine's do).
/// </summary>
internal static class OnnxRuntimePeer
{
    /// <summary>The version of the ONNX Runtime package the CLI references.</summary>
    public static string Version => typeof(InferenceSession).Assembly.GetName().Version?.ToString(3) ?? "?";

    /// <summary>
    /// A session for <paramref name="model"/> exported with <see cref="OnnxExport"/>, run on the batch
    /// <paramref name="x"/>: the step that runs one forward pass, and max |ONNX Runtime - engine| on that batch.
    /// Dispose the returned session when done.
    /// </summary>
    public static (IDisposable Session, Action Step, double MaxDifference) Prepare(Module model, int[] inputShape, Tensor x, int threads)
    {
        model.Eval();
        var bytes = model.ToOnnxBytes(inputShape);
        using var options = new SessionOptions { IntraOpNumThreads = threads, InterOpNumThreads = 1, ExecutionMode = ExecutionMode.ORT_SEQUENTIAL };
        // ONNX Runtime's intra-op threads spin-wait after each run by default; timed in alternation with the engine,
        // that spinning takes the cores the engine's next batch needs. Off, both engines yield the CPU between batches.
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        var session = new InferenceSession(bytes, options);
        var input = OrtValue.CreateTensorValueFromMemory(x.ToArray(), [.. x.Shape.Select(d => (long)d)]);
        var runOptions = new RunOptions();
        string[] inputNames = [session.InputNames[0]], outputNames = [session.OutputNames[0]];
        OrtValue[] inputs = [input];

        float[] theirs;
        using (var outputs = session.Run(runOptions, inputNames, inputs, outputNames)) theirs = outputs[0].GetTensorDataAsSpan<float>().ToArray();
        float[] ours;
        using (Torch.NewDisposeScope())
        using (Torch.NoGrad())
            ours = model.Forward(x).ToArray();
        double diff = ours.Zip(theirs, (a, b) => Math.Abs((double)a - b)).Max();

        void Step()
        {
            using var outputs = session.Run(runOptions, inputNames, inputs, outputNames);
        }
        return (new Owned(session, input, runOptions), Step, diff);
    }

    private sealed class Owned(params IDisposable[] parts) : IDisposable
    {
        public void Dispose()
        {
            foreach (var p in parts) p.Dispose();
        }
    }
}
