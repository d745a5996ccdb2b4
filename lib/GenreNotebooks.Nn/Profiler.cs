using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace GenreNotebooks.Nn;

/// <summary>
/// Opt-in per-op timing of the engine (a much smaller <c>torch.profiler</c>): while <see cref="Enabled"/> is true,
/// every layer forward, every autograd backward node and the kernels inside convolutions (im2col, GEMM, col2im),
/// batch norm, pooling and the optimizer step add their wall time and the calling thread's CPU time to a named
/// entry. Off by default and then costs one branch per op. Used by <c>genre bench nn --profile</c>.
/// </summary>
/// <remarks>
/// Entries nest (a layer's forward includes its kernels), so entries do not sum to the total. CPU time is the
/// calling thread's: with <see cref="Threads.Count"/> = 1 it is the op's whole cost; with more threads, work done by
/// the other workers is not included (wall time still is).
/// </remarks>
public static class Profiler
{
    private static readonly ConcurrentDictionary<string, Entry> Entries = new();
    private static volatile bool _enabled;

    /// <summary>Whether ops record their timings (default false).</summary>
    public static bool Enabled
    {
        get => _enabled;
        set => _enabled = value;
    }

    /// <summary>Forgets all recorded timings.</summary>
    public static void Reset() => Entries.Clear();

    /// <summary>
    /// Starts timing <paramref name="name"/> until the returned scope is disposed (<c>using var _ = Profiler.Scope("x");</c>);
    /// does nothing when profiling is off.
    /// </summary>
    public static ProfileScope Scope(string name) => _enabled ? new ProfileScope(name) : default;

    /// <summary>Like <see cref="Scope(string)"/> for the name <paramref name="prefix"/> + <paramref name="name"/>, concatenated only when profiling is on.</summary>
    internal static ProfileScope Scope(string prefix, string name) => _enabled ? new ProfileScope(prefix + name) : default;

    /// <summary>Recorded entries: name, number of calls, total wall seconds, total CPU seconds of the calling thread.</summary>
    public static IReadOnlyList<ProfileEntry> Snapshot() =>
        Entries.Select(e => new ProfileEntry(e.Key, e.Value.Calls, e.Value.WallTicks / (double)Stopwatch.Frequency, e.Value.CpuNanos * 1e-9))
            .OrderByDescending(e => e.CpuSeconds).ToList();

    internal static void Add(string name, long wallTicks, long cpuNanos)
    {
        var entry = Entries.GetOrAdd(name, _ => new Entry());
        Interlocked.Increment(ref entry.Calls);
        Interlocked.Add(ref entry.WallTicks, wallTicks);
        Interlocked.Add(ref entry.CpuNanos, cpuNanos);
    }

    /// <summary>CPU time of the calling thread in nanoseconds (wall time where the OS offers no thread clock).</summary>
    internal static long ThreadCpuNanos()
    {
        if (OperatingSystem.IsLinux() && ClockGetTime(ClockThreadCpuTime, out var ts) == 0)
            return ts.Seconds * 1_000_000_000L + ts.Nanoseconds;
        return (long)(Stopwatch.GetTimestamp() * (1e9 / Stopwatch.Frequency));
    }

    private const int ClockThreadCpuTime = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    private sealed class Entry
    {
        public long Calls;
        public long WallTicks;
        public long CpuNanos;
    }
}

/// <summary>One timed region of <see cref="Profiler"/>; disposing it records the elapsed time.</summary>
public readonly struct ProfileScope : IDisposable
{
    private readonly string? _name;
    private readonly long _wallStart;
    private readonly long _cpuStart;

    internal ProfileScope(string name)
    {
        _name = name;
        _wallStart = Stopwatch.GetTimestamp();
        _cpuStart = Profiler.ThreadCpuNanos();
    }

    /// <summary>Adds the elapsed wall and CPU time to the scope's entry.</summary>
    public void Dispose()
    {
        if (_name is null) return;
        Profiler.Add(_name, Stopwatch.GetTimestamp() - _wallStart, Profiler.ThreadCpuNanos() - _cpuStart);
    }
}

/// <summary>Totals of one <see cref="Profiler"/> entry.</summary>
/// <param name="Name">Op or layer name, e.g. <c>Conv2d.forward</c> or <c>conv.gemm</c>.</param>
/// <param name="Calls">How many times the region ran.</param>
/// <param name="WallSeconds">Total wall-clock seconds.</param>
/// <param name="CpuSeconds">Total CPU seconds of the thread that ran the region.</param>
public sealed record ProfileEntry(string Name, long Calls, double WallSeconds, double CpuSeconds);
