using GenreNotebooks.Models;
using GenreNotebooks.Nn;
using GenreNotebooks.Nn.Modules;
using GenreNotebooks.Nn.Optim;

namespace GenreNotebooks.Nn.Onnx.Tests.Support;

/// <summary>Catalogue networks with seeded weights, moved by a few Adam steps so weights and BatchNorm statistics are not their initial values.</summary>
internal static class TrainedModels
{
    public const int Classes = 10;

    /// <summary>Largest input (values without batch) the parity tests use; a larger typical input (UCT's 30-s clips) is cut to 130 frames.</summary>
    private const int MaxInputValues = 128 * 130;

    /// <summary>The architecture's typical input shape, or the same with every size capped at 130 when it is larger than a 3-s clip.</summary>
    public static int[] ParityShape(string name)
    {
        var typical = ModelCatalog.Get(name).TypicalInputShape;
        return typical.Aggregate(1L, (a, d) => a * d) <= MaxInputValues ? [.. typical] : typical.Select(d => Math.Min(d, 130)).ToArray();
    }

    public static (Module Model, int[] Shape) Build(string name, ulong seed = 7, int steps = 3)
    {
        var shape = ParityShape(name);
        var model = ModelCatalog.Build(name, shape, Classes, seed);
        Train(model, shape, steps, seed);
        return (model, shape);
    }

    /// <summary>A few Adam steps (lr 1e-3) on seeded inputs of batch 4 and seeded labels.</summary>
    public static void Train(Module model, int[] shape, int steps, ulong seed)
    {
        var optimizer = new Adam(model.Parameters(), 1e-3f);
        var loss = new CrossEntropyLoss();
        var gen = new Generator(seed + 100);
        int classes;
        model.Eval();
        using (Torch.NoGrad()) classes = model.Forward(Tensor.Zeros([1, .. shape])).Size(-1);
        model.Train();
        for (int step = 0; step < steps; step++)
        {
            using var scope = Torch.NewDisposeScope();
            var x = Tensor.Randn([4, .. shape], gen);
            // Shifted and scaled inputs, so the BatchNorm running means and variances move away from 0 and 1.
            var data = x.AsSpan();
            for (int i = 0; i < data.Length; i++) data[i] = 0.5f + 2f * data[i];
            int[] y = [.. Enumerable.Range(0, 4).Select(_ => gen.NextInt(classes))];
            optimizer.ZeroGrad();
            loss.Forward(model.Forward(x), y).Backward();
            optimizer.Step();
        }
        model.Eval();
    }
}
