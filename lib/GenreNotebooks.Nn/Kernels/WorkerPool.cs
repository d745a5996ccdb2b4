using System.Diagnostics;

namespace GenreNotebooks.Nn.Kernels;

/// <summary>
/// The engine's own persistent worker threads (<see cref="Threads.Count"/> - 1 of them; the calling thread is the
/// other participant). A job is a number of items claimed one at a time from a shared counter, so a thread that the
/// OS deschedules on a busy machine simply claims fewer items instead of stalling the others at a barrier, and no
/// thread-pool injection heuristics or task allocations sit between consecutive kernels. Workers spin briefly between
/// jobs (training runs hundreds of kernels back to back) and then block.
/// </summary>
/// <remarks>
/// Which thread runs an item is not deterministic, so callers must make each item's result depend only on the item
/// (own output range or own partial buffer, reduced afterwards in item order). One job runs at a time; a second
/// caller arriving while a job runs, or a call from inside an item, runs its items inline on its own thread.
/// </remarks>
internal static class WorkerPool
{
    /// <summary>How long an idle worker keeps polling for the next job before it blocks.</summary>
    private static readonly long SpinTicks = Stopwatch.Frequency / 5000; // 200 µs

    private static readonly object StartGate = new();
    private static readonly object SleepGate = new();
    private static readonly object RunGate = new();
    private static int _started;
    private static int _sleepers;
    private static long _generation;
    private static Job? _job;

    [ThreadStatic] private static bool _isItem;

    /// <summary>True on a thread that is running an item of a job (nested parallel calls then run inline).</summary>
    public static bool InsideItem => _isItem;

    /// <summary>
    /// Runs <paramref name="body"/>(item) for every item in [0, <paramref name="items"/>) on up to
    /// <paramref name="threads"/> threads including the caller, and returns when all have finished. The first
    /// exception thrown by an item is rethrown (remaining items still run).
    /// </summary>
    public static void Run(int items, int threads, Action<int> body)
    {
        if (items <= 0) return;
        threads = Math.Min(threads, items);
        if (threads <= 1 || _isItem || !Monitor.TryEnter(RunGate))
        {
            RunInline(items, body);
            return;
        }
        try
        {
            EnsureStarted(threads - 1);
            var job = new Job(body, items, threads - 1);
            Volatile.Write(ref _job, job);
            Interlocked.Increment(ref _generation);
            if (Volatile.Read(ref _sleepers) > 0)
                lock (SleepGate) Monitor.PulseAll(SleepGate);
            Work(job);
            var spin = new SpinWait();
            while (Volatile.Read(ref job.Pending) > 0) spin.SpinOnce(sleep1Threshold: -1);
            Volatile.Write(ref _job, null);
            if (job.Error is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(job.Error).Throw();
        }
        finally
        {
            Monitor.Exit(RunGate);
        }
    }

    private static void RunInline(int items, Action<int> body)
    {
        bool outer = _isItem;
        _isItem = true;
        try
        {
            for (int i = 0; i < items; i++) body(i);
        }
        finally
        {
            _isItem = outer;
        }
    }

    private static void Work(Job job)
    {
        bool outer = _isItem;
        _isItem = true;
        try
        {
            int i;
            while ((i = Interlocked.Increment(ref job.Next) - 1) < job.Items)
            {
                try { job.Body(i); }
                catch (Exception e) { Interlocked.CompareExchange(ref job.Error, e, null); }
                finally { Interlocked.Decrement(ref job.Pending); }
            }
        }
        finally
        {
            _isItem = outer;
        }
    }

    private static void EnsureStarted(int helpers)
    {
        if (Volatile.Read(ref _started) >= helpers) return;
        lock (StartGate)
        {
            while (_started < helpers)
            {
                int index = _started;
                var thread = new Thread(() => Loop(index)) { IsBackground = true, Name = $"GenreNotebooks.Nn worker {index + 1}" };
                thread.Start();
                _started++;
            }
        }
    }

    private static void Loop(int index)
    {
        long seen = Volatile.Read(ref _generation);
        while (true)
        {
            long spinUntil = Stopwatch.GetTimestamp() + SpinTicks;
            while (Volatile.Read(ref _generation) == seen && Stopwatch.GetTimestamp() < spinUntil)
                Thread.SpinWait(50);
            if (Volatile.Read(ref _generation) == seen)
            {
                lock (SleepGate)
                {
                    // Announce before the final check; the publisher bumps the generation before reading the count,
                    // so either it sees a sleeper and pulses, or this thread sees the new generation.
                    Interlocked.Increment(ref _sleepers);
                    while (Volatile.Read(ref _generation) == seen) Monitor.Wait(SleepGate);
                    Interlocked.Decrement(ref _sleepers);
                }
            }
            seen = Volatile.Read(ref _generation);
            var job = Volatile.Read(ref _job);
            if (job is null || index >= job.Helpers) continue;
            Work(job);
        }
    }

    private sealed class Job(Action<int> body, int items, int helpers)
    {
        public readonly Action<int> Body = body;
        public readonly int Items = items;
        public readonly int Helpers = helpers;
        public int Next;
        public int Pending = items;
        public Exception? Error;
    }
}
