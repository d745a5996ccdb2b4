using GenreNotebooks.Nn;
using GenreNotebooks.Nn.Modules;

namespace GenreNotebooks.Training;

/// <summary>
/// Class probabilities of a trained model: softmax of the logits in eval mode without gradients, in batches
/// (Keras <c>model.predict</c>; PyTorch <c>model.eval(); with torch.no_grad(): torch.softmax(model(x), 1)</c>).
/// The rows feed <see cref="Evaluation.SongPredictor"/> for whole-song prediction.
/// Taught in notebooks/07-whole-songs-and-remixes (one clip at a time vs batches).
/// </summary>
public static class Predictions
{
    /// <summary>Probabilities of shape (N, C) for inputs <paramref name="x"/> of shape (N, ...).</summary>
    public static FloatMatrix Probabilities(Module model, Tensor x, int batchSize = 256)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        if (x.Rank < 2) throw new ArgumentException($"x must have shape (N, ...), got {Tensor.ShapeString(x.Shape)}", nameof(x));
        bool wasTraining = model.Training;
        model.Eval();
        try
        {
            using var noGrad = Torch.NoGrad();
            int n = x.Shape[0];
            float[]? all = null;
            int classes = 0;
            for (int start = 0; start < n; start += batchSize)
            {
                int b = Math.Min(batchSize, n - start);
                using var scope = Torch.NewDisposeScope();
                var p = Functional.Softmax(model.Forward(Batches.Slice(x, start, b)), 1);
                if (all is null)
                {
                    classes = p.Shape[1];
                    all = new float[n * classes];
                }
                p.AsSpan().CopyTo(all.AsSpan(start * classes, b * classes));
            }
            return new FloatMatrix(n, classes, all ?? []);
        }
        finally
        {
            model.Train(wasTraining);
        }
    }
}
