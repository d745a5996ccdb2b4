using GenreNotebooks.Nn;

namespace GenreNotebooks.Training;

/// <summary>Copies mini-batches out of an (N, ...) tensor (what a PyTorch DataLoader's collate does).</summary>
internal static class Batches
{
    public static (Tensor X, int[] Y) Gather(Tensor x, int[] y, ReadOnlySpan<int> indices)
    {
        int per = x.Numel / x.Shape[0];
        var data = new float[indices.Length * per];
        var labels = new int[indices.Length];
        var src = x.AsSpan();
        for (int i = 0; i < indices.Length; i++)
        {
            src.Slice(indices[i] * per, per).CopyTo(data.AsSpan(i * per, per));
            labels[i] = y[indices[i]];
        }
        return (new Tensor(data, [indices.Length, .. x.Shape.Skip(1)]), labels);
    }

    public static (Tensor X, int[] Y) Slice(Tensor x, int[] y, int start, int count)
    {
        int per = x.Numel / x.Shape[0];
        var data = x.AsSpan().Slice(start * per, count * per).ToArray();
        return (new Tensor(data, [count, .. x.Shape.Skip(1)]), y.AsSpan(start, count).ToArray());
    }

    public static Tensor Slice(Tensor x, int start, int count)
    {
        int per = x.Numel / x.Shape[0];
        return new Tensor(x.AsSpan().Slice(start * per, count * per).ToArray(), [count, .. x.Shape.Skip(1)]);
    }
}
