using System.CommandLine;
using System.Diagnostics;
using GenreNotebooks.Audio;
using GenreNotebooks.Datasets;
using GenreNotebooks.Datasets.Synthesis;
using GenreNotebooks.Features;
using GenreNotebooks.Segments;

namespace GenreNotebooks.Cli.Bench;

/// <summary>
/// <c>genre bench segments</c>: time of the segment analysis (segments, timbre, pitch) of a 30-s synthetic track on one
/// thread (median), its stages, the 60-column GTZAN feature row of the same track as the peer measured in the same run,
/// and a many-track extraction on 2 threads.
/// </summary>
internal static class SegmentsBench
{
    public static Command CreateCommand()
    {
        var runs = new Option<int>("--runs") { Description = "Timed runs of the segment analysis.", DefaultValueFactory = _ => 21 };
        var tracks = new Option<int>("--tracks") { Description = "Tracks in the many-track extraction (0 skips it).", DefaultValueFactory = _ => 20 };
        var genre = new Option<string>("--genre") { Description = "Synthetic genre of the 30-s track.", DefaultValueFactory = _ => "rock" };
        var command = new Command("segments", "Segment analysis (segments + timbre + pitch) of a 30-s track on 1 thread, its stages, and the feature row as peer.");
        command.Options.Add(runs);
        command.Options.Add(tracks);
        command.Options.Add(genre);
        command.SetAction(parse =>
        {
            int n = parse.GetValue(runs), count = parse.GetValue(tracks);
            string g = parse.GetValue(genre)!;
            if (n <= 0 || count < 0 || !GenreRecipes.Contains(g))
            {
                parse.InvocationConfiguration.Error.WriteLine($"genre bench segments: --runs must be positive, --tracks non-negative and --genre known ({string.Join(", ", GenreRecipes.All)})");
                return 1;
            }
            Run(parse.InvocationConfiguration.Output, n, count, g);
            return 0;
        });
        return command;
    }

    private static void Run(TextWriter output, int runs, int tracks, string genre)
    {
        var y = SyntheticGenres.Generate(genre, 0, 42).Samples;
        int rate = SyntheticGenres.SampleRate;
        var timbre = SegmentTimbre.Fit([SegmentAnalyzer.Analyze(y, rate)]);
        // Stage times of the same analyses: one SegmentTimings per run, medians per stage.
        var stages = new List<SegmentTimings>();
        var whole = BenchTimer.Measure($"segments + timbre + pitch, 30 s ({genre})", () =>
        {
            var timings = new SegmentTimings();
            var t = SegmentAnalyzer.Analyze(y, rate, timings: timings);
            timbre.Transform(t);
            stages.Add(timings);
        }, runs);
        stages.RemoveRange(0, 2); // the warm-up runs
        int peerRuns = Math.Max(3, runs / 3);
        var peer = BenchTimer.Measure("peer: 60-column feature row, same track", () => GtzanFeatureExtractor.Compute(y), peerRuns, warmup: 1);
        var segments = SegmentAnalyzer.Analyze(y, rate);
        BenchTimer.Print(output, [whole, peer]);
        output.WriteLine($"ratio segments / feature row: {whole.Median / peer.Median:F3} ({segments.Count} segments; target: under 50 ms unloaded)");
        // Process CPU time per run (all threads, GC included) is less sensitive than wall time to other processes on a busy machine.
        double cpuSegments = CpuMilliseconds(() => timbre.Transform(SegmentAnalyzer.Analyze(y, rate)), runs);
        double cpuPeer = CpuMilliseconds(() => GtzanFeatureExtractor.Compute(y), peerRuns);
        output.WriteLine($"cpu time per run: segments {cpuSegments:F1} ms, feature row {cpuPeer:F1} ms, ratio {cpuSegments / cpuPeer:F3}");
        output.WriteLine();
        output.WriteLine($"{"stage (median over the timed runs)",-40} {"ms",12}");
        foreach (var (name, pick) in new (string, Func<SegmentTimings, TimeSpan>)[]
        {
            ("stft + power + mel projection", s => s.Spectrogram),
            ("log-mel + onset strength", s => s.OnsetStrength),
            ("rms + peak picking + backtrack", s => s.PeakPicking),
            ("tuning + chroma", s => s.Chroma),
            ("mfcc (segment means + dct)", s => s.Mfcc),
            ("aggregation (pitch, loudness)", s => s.Aggregation),
        })
            output.WriteLine($"{name,-40} {Median(stages.Select(pick)),12:F3}");
        var tr = BenchTimer.Measure("timbre transform", () => timbre.Transform(segments), runs);
        output.WriteLine($"{"timbre transform",-40} {tr.Median * 1e3,12:F3}");
        if (tracks == 0) return;

        var dir = Directory.CreateTempSubdirectory("genre-bench-segments-");
        try
        {
            var list = new List<Track>();
            for (int i = 0; i < tracks; i++)
            {
                string g = GenreRecipes.All[i % GenreRecipes.All.Count];
                string path = Path.Combine(dir.FullName, $"{g}.{i:D5}.wav");
                WavWriter.Write(path, SyntheticGenres.Generate(g, i, 7));
                list.Add(new Track($"{g}.{i:D5}", g, path));
            }
            long start = Stopwatch.GetTimestamp();
            var report = SegmentExtraction.Run(list, new SegmentExtractionOptions { Threads = 2 });
            double s = Stopwatch.GetElapsedTime(start).TotalSeconds;
            output.WriteLine();
            output.WriteLine($"{tracks} x 30-s tracks (load + segments), 2 threads: {s:F2} s total, {s / tracks * 1e3:F1} ms per track ({report})");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>Median over <paramref name="runs"/> runs of the process CPU time of one run, in milliseconds.</summary>
    private static double CpuMilliseconds(Action action, int runs)
    {
        action();
        var process = Process.GetCurrentProcess();
        var times = new List<TimeSpan>();
        for (int i = 0; i < runs; i++)
        {
            process.Refresh();
            var before = process.TotalProcessorTime;
            action();
            process.Refresh();
            times.Add(process.TotalProcessorTime - before);
        }
        return Median(times);
    }

    private static double Median(IEnumerable<TimeSpan> values)
    {
        var sorted = values.Select(v => v.TotalMilliseconds).Order().ToArray();
        if (sorted.Length == 0) return double.NaN;
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
