using GenreNotebooks.Nn;
using GenreNotebooks.Nn.Modules;
using Microsoft.ML.OnnxRuntime;

namespace GenreNotebooks.Nn.Onnx.Tests.Support;

/// <summary>Runs the same input through the engine (eval mode, no grad) and through ONNX Runtime, and compares.</summary>
internal static class Parity
{
    /// <summary>The tolerance on logits the export promises: 1e-4 absolute.</summary>
    public const double LogitTolerance = 1e-4;

    public static InferenceSession Session(byte[] model, int threads = 1)
    {
        using var options = new SessionOptions { IntraOpNumThreads = threads, InterOpNumThreads = 1 };
        return new InferenceSession(model, options);
    }

    /// <summary>ONNX Runtime's first output for <paramref name="data"/> of <paramref name="shape"/>, with its shape.</summary>
    public static (float[] Values, long[] Shape) Run(InferenceSession session, float[] data, int[] shape, string inputName = "input")
    {
        using var input = OrtValue.CreateTensorValueFromMemory(data, shape.Select(d => (long)d).ToArray());
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, [inputName], [input], session.OutputNames);
        return (outputs[0].GetTensorDataAsSpan<float>().ToArray(), outputs[0].GetTensorTypeAndShape().Shape);
    }

    /// <summary>The engine's output in eval mode for <paramref name="data"/> of <paramref name="shape"/>.</summary>
    public static float[] Engine(Module model, float[] data, int[] shape)
    {
        model.Eval();
        using var scope = Torch.NewDisposeScope();
        using var noGrad = Torch.NoGrad();
        return model.Forward(new Tensor((float[])data.Clone(), shape)).ToArray();
    }

    public static double MaxAbsDifference(float[] a, float[] b)
    {
        Assert.Equal(a.Length, b.Length);
        double max = 0;
        for (int i = 0; i < a.Length; i++) max = Math.Max(max, Math.Abs((double)a[i] - b[i]));
        return max;
    }

    /// <summary>Seeded standard-normal input values for a batch of <paramref name="shape"/>.</summary>
    public static float[] Input(int[] shape, ulong seed) => Tensor.Randn(shape, new Generator(seed)).ToArray();

    /// <summary>max |engine - ONNX Runtime| over a batch of <paramref name="batch"/> seeded inputs.</summary>
    public static double Compare(Module model, InferenceSession session, IReadOnlyList<int> inputShape, int batch, ulong seed = 11) =>
        Compare(model, session, inputShape, batch, out _, seed);

    /// <summary><see cref="Compare(Module, InferenceSession, IReadOnlyList{int}, int, ulong)"/>, also giving max |engine output| for scale.</summary>
    public static double Compare(Module model, InferenceSession session, IReadOnlyList<int> inputShape, int batch, out double largest, ulong seed = 11)
    {
        int[] shape = [batch, .. inputShape];
        var x = Input(shape, seed);
        var ours = Engine(model, x, shape);
        var (theirs, outShape) = Run(session, x, shape);
        Assert.Equal(batch, outShape[0]);
        largest = ours.Max(v => Math.Abs((double)v));
        return MaxAbsDifference(ours, theirs);
    }
}
