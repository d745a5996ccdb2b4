using System.CommandLine;
using System.Diagnostics;
using GenreNotebooks.Audio;
using GenreNotebooks.Features;
using GenreNotebooks.Spectral;

namespace GenreNotebooks.Cli.Bench;

/// <summary>
/// <c>genre bench features</c>: time of the 60-column GTZAN row of a 30-s clip on one thread (median), of its costliest
/// parts (HPSS signals, beat-track tempo, chroma_stft, each from the signal), and of a folder extraction of generated
/// 30-s tracks on 2 cores. librosa 0.10.2 takes 2.2 s for the row on the reference machine (HPSS 1.5 s, tempo 0.16 s).
/// </summary>
public static class FeaturesBench
{
    /// <summary>A deterministic 30-s test clip at 22050 Hz: a chord, a gliding tone, clicks at 120 BPM and seeded noise.</summary>
    public static float[] Clip(int seed, int seconds = 30)
    {
        var rng = new Random(seed);
        int n = GtzanFeatureExtractor.SampleRate * seconds;
        var y = new float[n];
        double f0 = 110 * Math.Pow(2, rng.Next(12) / 12.0);
        double bpm = 80 + rng.Next(80);
        int beat = (int)(GtzanFeatureExtractor.SampleRate * 60 / bpm);
        for (int i = 0; i < n; i++)
        {
            double t = (double)i / GtzanFeatureExtractor.SampleRate;
            double v = 0.2 * Math.Sin(2 * Math.PI * f0 * t) + 0.1 * Math.Sin(2 * Math.PI * f0 * 1.5 * t)
                + 0.1 * Math.Sin(2 * Math.PI * (f0 * 4 + 50 * Math.Sin(t)) * t);
            int k = i % beat;
            if (k < 400) v += 0.5 * Math.Exp(-k / 60.0) * (rng.NextDouble() * 2 - 1);
            v += 0.01 * (rng.NextDouble() * 2 - 1);
            y[i] = (float)v;
        }
        return y;
    }

    /// <summary>Runs the benchmarks and prints one line each (milliseconds; the folder line is one timed run).</summary>
    public static void Run(TextWriter output, bool quick, int tracks)
    {
        ArgumentNullException.ThrowIfNull(output);
        var y = Clip(1);
        int runs = quick ? 3 : 11;
        var results = new List<BenchResult>
        {
            BenchTimer.Measure("gtzan row 30 s (1 thread)", () => GtzanFeatureExtractor.Compute(y), runs, 1),
            BenchTimer.Measure("  hpss signals", () => Hpss.Separate(y), runs, 1),
            BenchTimer.Measure("  tempo (stft+mel+onset+tempo)", () =>
            {
                var power = Stft.Compute(y).Power();
                var db = Decibels.PowerToDb(MelSpectrogram.FromPower(power, new MelOptions()));
                Tempo.BeatTrackTempo(OnsetStrength.FromMelDb(db, OnsetAggregate.Median));
            }, runs, 1),
            BenchTimer.Measure("  chroma_stft (stft+tuning+chroma)", () => Chroma.FromPower(Stft.Compute(y).Power()), runs, 1),
            BenchTimer.Measure("  stft", () => Stft.Compute(y), runs, 1),
        };
        BenchTimer.Print(output, results);

        var dir = Path.Combine(Path.GetTempPath(), $"genre-bench-features-{Environment.ProcessId}");
        Directory.CreateDirectory(dir);
        try
        {
            for (int i = 0; i < tracks; i++)
                WavWriter.Write(Path.Combine(dir, $"bench.{i:D5}.wav"), new AudioSignal(Clip(100 + i), GtzanFeatureExtractor.SampleRate));
            string csv = Path.Combine(dir, "features.csv");
            long start = Stopwatch.GetTimestamp();
            var report = FeatureExtraction.Run([dir], csv, new FeatureExtractionOptions { Threads = 2 });
            double s = Stopwatch.GetElapsedTime(start).TotalSeconds;
            output.WriteLine($"folder of {tracks} x 30-s tracks, 2 threads: {s:F2} s total, {s / tracks * 1e3:F1} ms per track ({report.RowsWritten} rows, {report.Failures.Count} failures)");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>The <c>features</c> subcommand of <c>genre bench</c>.</summary>
    public static Command CreateCommand()
    {
        var quick = new Option<bool>("--quick") { Description = "Few timed runs and 10 tracks (smoke test, noisier numbers)." };
        var tracks = new Option<int?>("--tracks") { Description = "Tracks in the folder benchmark (default 100, 10 with --quick)." };
        var command = new Command("features", "GTZAN 60-column row of a 30-s clip on 1 thread and its parts; folder extraction on 2 cores.");
        command.Options.Add(quick);
        command.Options.Add(tracks);
        command.SetAction(parse =>
        {
            bool q = parse.GetValue(quick);
            Run(parse.InvocationConfiguration.Output, q, parse.GetValue(tracks) ?? (q ? 10 : 100));
        });
        return command;
    }
}
