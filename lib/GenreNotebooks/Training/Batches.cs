using GenreNotebooks.Nn;

namespace GenreNotebooks.Training;

/// <summary>Copies a run of samples out of an (N, ...) tensor, for batched prediction (labelled batches: <see cref="DataLoader"/>).</summary>
internal static class Batches
{
    public static Tensor Slice(Tensor x, int start, int count)
    {
        int per = x.Numel / x.Shape[0];
        return new Tensor(x.AsSpan().Slice(start * per, count * per).ToArray(), [count, .. x.Shape.Skip(1)]);
    }
}
