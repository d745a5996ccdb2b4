namespace GenreNotebooks.Nn.Kernels;

/// <summary>
/// Static partition of <c>[0, count)</c> into contiguous chunks run on the <see cref="WorkerPool"/>. Chunk boundaries
/// depend only on the chunk count, and a body that writes its own range (or its own partial buffer, indexed by the
/// chunk) gives the same result whichever thread claims which chunk.
/// </summary>
internal static class ParallelRange
{
    /// <summary>
    /// Threads a kernel may use from the calling thread: <see cref="Threads.Count"/>, or 1 inside a chunk of an
    /// enclosing parallel loop, whose siblings already occupy the other threads (a batch-parallel convolution calling
    /// GEMM must not split each GEMM again).
    /// </summary>
    public static int AvailableThreads => WorkerPool.InsideItem ? 1 : Threads.Count;

    /// <summary>
    /// Number of chunks for <paramref name="count"/> items: never more than the items, at most
    /// <paramref name="minItemsPerWorker"/>-sized, and about two per thread so a descheduled thread's share can be
    /// picked up by the others; 1 when only one thread is available.
    /// </summary>
    public static int Workers(int count, int minItemsPerWorker = 1)
    {
        int threads = AvailableThreads;
        if (threads <= 1) return 1;
        int byWork = Math.Max(1, count / Math.Max(1, minItemsPerWorker));
        return Math.Max(1, Math.Min(2 * threads, Math.Min(count, byWork)));
    }

    /// <summary>Runs <paramref name="body"/>(chunk, start, end) over <paramref name="chunks"/> chunks of <c>[0, count)</c>.</summary>
    public static void For(int count, int chunks, Action<int, int, int> body)
    {
        if (count <= 0) return;
        if (chunks <= 1) { body(0, 0, count); return; }
        WorkerPool.Run(chunks, AvailableThreads, w =>
        {
            var (start, end) = Chunk(count, chunks, w);
            if (start < end) body(w, start, end);
        });
    }

    /// <summary>Runs <paramref name="body"/>(start, end) over chunks with the default chunk count.</summary>
    public static void For(int count, Action<int, int> body, int minItemsPerWorker = 1) =>
        For(count, Workers(count, minItemsPerWorker), (_, s, e) => body(s, e));

    /// <summary>Bounds of chunk <paramref name="worker"/> of <paramref name="workers"/> over <c>[0, count)</c>.</summary>
    public static (int Start, int End) Chunk(int count, int workers, int worker)
    {
        long start = (long)count * worker / workers, end = (long)count * (worker + 1) / workers;
        return ((int)start, (int)end);
    }
}
