using System.Collections.Concurrent;

namespace GenreNotebooks.Nn.Kernels;

/// <summary>
/// Exact-length float buffer cache. Training repeats the same shapes every batch, so a buffer returned at the end
/// of one batch is rented again by the same op in the next one: no large per-batch allocations after warm-up.
/// </summary>
internal static class BufferPool
{
    private const long MaxPooledFloats = 512L * 1024 * 1024 / sizeof(float);
    private static readonly ConcurrentDictionary<int, ConcurrentBag<float[]>> Bags = new();
    private static long _pooledFloats;

    /// <summary>A buffer of exactly <paramref name="length"/> floats with unspecified contents.</summary>
    public static float[] Rent(int length)
    {
        if (length == 0) return [];
        if (Bags.TryGetValue(length, out var bag) && bag.TryTake(out var buffer))
        {
            Interlocked.Add(ref _pooledFloats, -length);
            return buffer;
        }
        return GC.AllocateUninitializedArray<float>(length);
    }

    /// <summary>A zero-filled buffer of exactly <paramref name="length"/> floats.</summary>
    public static float[] RentZeroed(int length)
    {
        var buffer = Rent(length);
        Array.Clear(buffer);
        return buffer;
    }

    /// <summary>Gives a buffer back; dropped (left to the GC) when the pool is already large.</summary>
    public static void Return(float[] buffer)
    {
        if (buffer.Length == 0) return;
        if (Interlocked.Add(ref _pooledFloats, buffer.Length) > MaxPooledFloats)
        {
            Interlocked.Add(ref _pooledFloats, -buffer.Length);
            return;
        }
        Bags.GetOrAdd(buffer.Length, _ => new ConcurrentBag<float[]>()).Add(buffer);
    }
}
