using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using GenreNotebooks.Audio;
using GenreNotebooks.Models;

namespace GenreNotebooks.Cli.Bench;

/// <summary>
/// <c>genre bench classify</c>: times <see cref="SongClassifier.ClassifyFile"/> on a 3-minute 44.1 kHz stereo song
/// (deterministic synthetic audio, written as 16-bit WAV and as MP3) with the BU baseline network (bu-baseline, random
/// weights: the time does not depend on their values) for the 10 GTZAN genres, on one thread, and prints the medians
/// of the breakdown: decode (read, decode, mono mix-down), resample (44100 to 22050 Hz), mels (clips, log-mels,
/// scaling) and inference. The MP3 is encoded with lame or ffmpeg when one is on PATH; otherwise it is made by
/// repeating the frames of the repository's plain CBR fixture (tests/GenreNotebooks.Tests/Data/codecs/
/// ffmpeg-cbr-stereo-44k-noxing.mp3, 128 kbit/s, 11 frames without a Xing tag) up to the song's length; without
/// either the MP3 row is skipped, and the output says so.
/// </summary>
internal static class ClassifyBench
{
    private const string Fixture = "ffmpeg-cbr-stereo-44k-noxing.mp3";

    public static Command CreateCommand()
    {
        var runs = new Option<int>("--runs") { Description = "Timed runs per file (after one warm-up).", DefaultValueFactory = _ => 5 };
        var seconds = new Option<int>("--seconds") { Description = "Length of the synthetic song in seconds.", DefaultValueFactory = _ => 180 };
        var threads = new Option<int>("--threads") { Description = "Threads for mels and inference.", DefaultValueFactory = _ => 1 };
        var command = new Command("classify", "Time classifying a 3-minute 44.1 kHz stereo song from WAV and MP3 with bu-baseline (one thread, medians of decode, resample, mels, inference).");
        command.Options.Add(runs);
        command.Options.Add(seconds);
        command.Options.Add(threads);
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            int n = parse.GetValue(runs), length = parse.GetValue(seconds), t = parse.GetValue(threads);
            if (n <= 0 || length <= 0 || t <= 0)
            {
                error.WriteLine("genre bench classify: --runs, --seconds and --threads must be positive");
                return 1;
            }
            var dir = Directory.CreateTempSubdirectory("genre-bench-classify-");
            int previous = Nn.Threads.Count;
            try
            {
                string wav = Path.Combine(dir.FullName, "song.wav"), mp3 = Path.Combine(dir.FullName, "song.mp3");
                DecodeBench.WriteSong(wav, length);
                string? mp3Source = MakeMp3(wav, mp3, length);
                string[] genres = ["blues", "classical", "country", "disco", "hiphop", "jazz", "metal", "pop", "reggae", "rock"];
                var model = ModelCatalog.Build("bu-baseline", [1, 128, 130], genres.Length, seed: 1);
                var classifier = new MelClassifier("bu-baseline", model, genres, new MelScaling(-30f, 20f));
                Nn.Threads.Count = t;
                string mp3Text = mp3Source is null
                    ? "MP3 skipped (no lame or ffmpeg on PATH and the repository's MP3 fixture not found)"
                    : string.Create(CultureInfo.InvariantCulture, $"MP3 {mp3Source} ({new FileInfo(mp3).Length / 1024} KiB)");
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"song: {length} s, 44100 Hz stereo, synthetic; WAV 16-bit ({new FileInfo(wav).Length / 1024} KiB); {mp3Text}"));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"model: bu-baseline, 10 genres, 3-s clips (128 x 130 log-mels); {t} thread(s); {n} runs after one warm-up; load average {LoadAverage()}"));
                output.WriteLine($"{"file",-6} {"clips",6} {"decode",10} {"resample",10} {"mels",10} {"inference",10} {"total",10} {"cpu",10}   (median ms; cpu: the process's CPU time, less sensitive to a loaded machine)");
                var files = new List<(string Name, string Path, double Target)> { ("wav", wav, 0.3) };
                if (mp3Source is not null) files.Add(("mp3", mp3, 1.5));
                foreach (var (name, path, target) in files)
                {
                    SongClassifier.ClassifyFile(classifier, path);  // warm-up
                    var timings = new List<SongClassificationTiming>();
                    var wall = new List<double>();
                    var cpu = new List<double>();
                    using var self = Process.GetCurrentProcess();
                    int clips = 0;
                    for (int i = 0; i < n; i++)
                    {
                        var timing = new SongClassificationTiming();
                        self.Refresh();
                        var cpuStart = self.TotalProcessorTime;
                        long start = Stopwatch.GetTimestamp();
                        clips = SongClassifier.ClassifyFile(classifier, path, timing: timing).ClipCount;
                        wall.Add(Stopwatch.GetElapsedTime(start).TotalSeconds);
                        self.Refresh();
                        cpu.Add((self.TotalProcessorTime - cpuStart).TotalSeconds);
                        timings.Add(timing);
                    }
                    double total = Median(wall);
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{name,-6} {clips,6} {Ms(timings, x => x.Decode),10:F1} {Ms(timings, x => x.Resample),10:F1} {Ms(timings, x => x.Mels),10:F1} {Ms(timings, x => x.Inference),10:F1} {total * 1e3,10:F1} {Median(cpu) * 1e3,10:F1}   {(length == 180 ? (total < target ? "target met" : "target missed") : "target")} (3-min song: < {target * 1e3:F0} ms)"));
                }
                return 0;
            }
            finally
            {
                Nn.Threads.Count = previous;
                dir.Delete(recursive: true);
            }
        });
        return command;
    }

    private static double Ms(List<SongClassificationTiming> timings, Func<SongClassificationTiming, double> part) => Median(timings.Select(part).ToList()) * 1e3;

    private static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        int m = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }

    /// <summary>Writes <paramref name="mp3"/> and says how, or returns null when no way is available.</summary>
    private static string? MakeMp3(string wav, string mp3, int seconds)
    {
        if (OnPath("lame") is { } lame)
        {
            Run(lame, ["--quiet", "--cbr", "-b", "192", wav, mp3]);
            return "192 kbit/s CBR, encoded by lame";
        }
        if (FfmpegDecoder.IsAvailable)
        {
            DecodeBench.Encode(wav, mp3, ["-c:a", "libmp3lame", "-b:a", "192k"]);
            return "192 kbit/s CBR, encoded by ffmpeg";
        }
        string? fixture = FindFixture();
        if (fixture is null) return null;
        // A plain CBR stream without a Xing frame or tags: whole copies concatenate into a valid stream (the first
        // frame of each copy uses no bit reservoir), 11 x 1152 samples per copy.
        var frames = File.ReadAllBytes(fixture);
        int copies = (int)Math.Ceiling(seconds * 44100.0 / (11 * 1152));
        using var s = File.Create(mp3);
        for (int i = 0; i < copies; i++) s.Write(frames);
        return $"128 kbit/s CBR, the repository's fixture {Fixture} repeated {copies} times (no lame or ffmpeg on PATH)";
    }

    private static string? FindFixture()
    {
        try
        {
            string path = Path.Combine(ProjectPaths.FindRoot(), "tests", "GenreNotebooks.Tests", "Data", "codecs", Fixture);
            return File.Exists(path) ? path : null;
        }
        catch (Exception e) when (e is DirectoryNotFoundException or InvalidOperationException or IOException)
        {
            return null;
        }
    }

    private static string? OnPath(string exe) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, exe)).FirstOrDefault(File.Exists);

    private static void Run(string exe, string[] args)
    {
        var psi = new ProcessStartInfo(exe) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {exe}");
        string err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{exe} failed: {err}");
    }

    private static string LoadAverage()
    {
        try { return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
        catch (IOException) { return "unknown"; }
        catch (UnauthorizedAccessException) { return "unknown"; }
    }
}
