namespace GenreNotebooks.Nn;

/// <summary>
/// How many threads the engine's kernels may use (PyTorch's <c>torch.set_num_threads</c>).
/// Results are deterministic for a given seed and thread count.
/// </summary>
public static class Threads
{
    private static int _count = Environment.ProcessorCount;

    /// <summary>Threads used by kernels; at least 1. Defaults to the processor count.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to less than 1.</exception>
    public static int Count
    {
        get => Volatile.Read(ref _count);
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            Volatile.Write(ref _count, value);
        }
    }
}
