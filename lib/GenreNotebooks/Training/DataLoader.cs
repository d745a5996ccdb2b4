using System.Collections;
using GenreNotebooks.Nn;

namespace GenreNotebooks.Training;

/// <summary>
/// Mini-batches of samples and labels, as PyTorch's <c>DataLoader(TensorDataset(x, y), batch_size, shuffle,
/// generator)</c>: each pass (<c>foreach</c>) yields batches of <see cref="BatchSize"/> samples, the last one smaller
/// when the count does not divide (PyTorch's <c>drop_last=False</c>); with <see cref="Shuffle"/> every pass draws a new
/// permutation from the loader's generator, so the same seed gives the same batches, epoch after epoch. Inputs are a
/// tensor of shape (N, ...), labels N class indices; each batch is a copy of shape (B, ...) with its B labels.
/// <code>var loader = new DataLoader(x, y, batchSize: 32, shuffle: true, seed: 42);
/// foreach (var (xb, yb) in loader) { ... }   // one epoch</code>
/// <see cref="Trainer"/> batches with it too. Taught in notebooks/04-feature-networks-and-cross-validation.
/// </summary>
public sealed class DataLoader : IEnumerable<(Tensor X, int[] Y)>
{
    private readonly Tensor _x;
    private readonly int[] _y;
    private readonly Generator _generator;

    /// <summary>A loader whose shuffling draws from a generator seeded with <paramref name="seed"/>.</summary>
    /// <exception cref="ArgumentException">Sample and label counts differ, there are no samples, or a label is negative.</exception>
    public DataLoader(Tensor x, IReadOnlyList<int> y, int batchSize = 32, bool shuffle = false, ulong seed = 0)
        : this(x, y, batchSize, shuffle, new Generator(seed))
    {
    }

    /// <summary>A loader whose shuffling draws from <paramref name="generator"/> (shared state: each pass advances it).</summary>
    /// <exception cref="ArgumentException">Sample and label counts differ, there are no samples, or a label is negative.</exception>
    public DataLoader(Tensor x, IReadOnlyList<int> y, int batchSize, bool shuffle, Generator generator)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        if (x.Rank < 2) throw new ArgumentException($"inputs must have shape (N, ...), got {Tensor.ShapeString(x.Shape)}", nameof(x));
        if (x.Shape[0] != y.Count) throw new ArgumentException($"{x.Shape[0]} samples but {y.Count} labels", nameof(y));
        if (y.Count == 0) throw new ArgumentException("no samples", nameof(x));
        for (int i = 0; i < y.Count; i++)
            if (y[i] < 0) throw new ArgumentException($"label {i} is {y[i]}; labels are class indices >= 0", nameof(y));
        _x = x;
        _y = y.ToArray();
        BatchSize = batchSize;
        Shuffle = shuffle;
        _generator = generator;
    }

    /// <summary>Samples per batch (the last batch may be smaller).</summary>
    public int BatchSize { get; }

    /// <summary>Whether every pass draws a new order.</summary>
    public bool Shuffle { get; }

    /// <summary>Number of samples.</summary>
    public int SampleCount => _y.Length;

    /// <summary>Batches per pass, <c>ceil(N / BatchSize)</c> (PyTorch's <c>len(loader)</c>).</summary>
    public int BatchCount => (_y.Length + BatchSize - 1) / BatchSize;

    /// <summary>One pass over the data in batches; with <see cref="Shuffle"/> a new permutation is drawn when the pass starts.</summary>
    public IEnumerator<(Tensor X, int[] Y)> GetEnumerator()
    {
        int n = _y.Length;
        int[] order = Shuffle ? _generator.Permutation(n) : Enumerable.Range(0, n).ToArray();
        for (int start = 0; start < n; start += BatchSize)
            yield return Gather(order.AsSpan(start, Math.Min(BatchSize, n - start)));
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private (Tensor X, int[] Y) Gather(ReadOnlySpan<int> indices)
    {
        int per = _x.Numel / _x.Shape[0];
        var data = new float[indices.Length * per];
        var labels = new int[indices.Length];
        var src = _x.AsSpan();
        for (int i = 0; i < indices.Length; i++)
        {
            src.Slice(indices[i] * per, per).CopyTo(data.AsSpan(i * per, per));
            labels[i] = _y[indices[i]];
        }
        return (new Tensor(data, [indices.Length, .. _x.Shape.Skip(1)]), labels);
    }
}
