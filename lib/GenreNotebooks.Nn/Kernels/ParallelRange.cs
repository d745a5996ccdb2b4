namespace GenreNotebooks.Nn.Kernels;

/// <summary>
/// Static partition of <c>[0, count)</c> into contiguous chunks, one per worker. Static chunks make every reduction
/// order depend only on <see cref="Threads.Count"/>, so results are deterministic for a given thread count.
/// </summary>
internal static class ParallelRange
{
    [ThreadStatic] private static bool _insideWorker;

    /// <summary>
    /// Threads a kernel may use from the calling thread: <see cref="Threads.Count"/>, or 1 inside a worker of an
    /// enclosing <see cref="For(int, int, Action{int, int, int})"/>, whose siblings already occupy the other threads
    /// (a batch-parallel convolution calling GEMM must not split each GEMM again).
    /// </summary>
    public static int AvailableThreads => _insideWorker ? 1 : Threads.Count;

    /// <summary>Number of workers used for <paramref name="count"/> items (never more than items).</summary>
    public static int Workers(int count, int minItemsPerWorker = 1)
    {
        int byWork = Math.Max(1, count / Math.Max(1, minItemsPerWorker));
        return Math.Max(1, Math.Min(AvailableThreads, Math.Min(count, byWork)));
    }

    /// <summary>Runs <paramref name="body"/>(worker, start, end) over the chunks of <c>[0, count)</c>.</summary>
    public static void For(int count, int workers, Action<int, int, int> body)
    {
        if (count <= 0) return;
        if (workers <= 1) { body(0, 0, count); return; }
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, w =>
        {
            var (start, end) = Chunk(count, workers, w);
            if (start >= end) return;
            bool outer = _insideWorker;
            _insideWorker = true;
            try { body(w, start, end); }
            finally { _insideWorker = outer; }
        });
    }

    /// <summary>Runs <paramref name="body"/>(start, end) over chunks with the default worker count.</summary>
    public static void For(int count, Action<int, int> body, int minItemsPerWorker = 1) =>
        For(count, Workers(count, minItemsPerWorker), (_, s, e) => body(s, e));

    public static (int Start, int End) Chunk(int count, int workers, int worker)
    {
        long start = (long)count * worker / workers, end = (long)count * (worker + 1) / workers;
        return ((int)start, (int)end);
    }
}
