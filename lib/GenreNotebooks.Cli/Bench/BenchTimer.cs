using System.Diagnostics;

namespace GenreNotebooks.Cli.Bench;

/// <summary>One benchmark's timings in seconds.</summary>
/// <param name="Name">What was timed.</param>
/// <param name="Seconds">Each measured run, in order.</param>
public sealed record BenchResult(string Name, IReadOnlyList<double> Seconds)
{
    /// <summary>Median run time in seconds.</summary>
    public double Median => Percentile(0.5);

    /// <summary>Fastest run in seconds.</summary>
    public double Min => Seconds.Min();

    /// <summary>Slowest run in seconds.</summary>
    public double Max => Seconds.Max();

    private double Percentile(double p)
    {
        var sorted = Seconds.Order().ToArray();
        double pos = p * (sorted.Length - 1);
        int lo = (int)Math.Floor(pos), hi = (int)Math.Ceiling(pos);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }
}

/// <summary>
/// The project's small bench runner: warm-up runs, then timed runs, reporting the median.
/// Used by every <c>genre bench</c> subcommand so their numbers are comparable.
/// </summary>
public static class BenchTimer
{
    /// <summary>Runs <paramref name="action"/> <paramref name="warmup"/> times untimed, then <paramref name="runs"/> times timed.</summary>
    public static BenchResult Measure(string name, Action action, int runs = 11, int warmup = 2)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(runs);
        for (int i = 0; i < warmup; i++) action();
        var seconds = new double[runs];
        for (int i = 0; i < runs; i++)
        {
            long start = Stopwatch.GetTimestamp();
            action();
            seconds[i] = Stopwatch.GetElapsedTime(start).TotalSeconds;
        }
        return new BenchResult(name, seconds);
    }

    /// <summary>Writes one aligned line per result: name, median, min, max (milliseconds), run count.</summary>
    public static void Print(TextWriter output, IEnumerable<BenchResult> results)
    {
        output.WriteLine($"{"benchmark",-40} {"median ms",12} {"min ms",12} {"max ms",12} {"runs",6}");
        foreach (var r in results)
            output.WriteLine($"{r.Name,-40} {r.Median * 1e3,12:F3} {r.Min * 1e3,12:F3} {r.Max * 1e3,12:F3} {r.Seconds.Count,6}");
    }
}
