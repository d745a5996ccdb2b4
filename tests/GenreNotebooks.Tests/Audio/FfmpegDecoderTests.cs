using System.Diagnostics;
using GenreNotebooks.Audio;

namespace GenreNotebooks.Tests.Audio;

public sealed class FfmpegDecoderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("genre-ffmpeg-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_stalled_decode_times_out_with_the_file_named_and_leaves_no_process_behind()
    {
        if (OperatingSystem.IsWindows()) return; // named pipes via mkfifo are a Unix feature
        if (!FfmpegDecoder.IsAvailable)
        {
            // In CI ffmpeg is part of the setup, so this test must not pass silently without it.
            bool ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
            Assert.False(ci, "CI=true but ffmpeg/ffprobe are not on PATH (apt-get install ffmpeg)");
            return;
        }
        // A named pipe nobody writes to: ffprobe blocks in open() forever, like a file on a hung mount.
        string fifo = Path.Combine(_dir, "stalled.mp3");
        using (var mk = Process.Start(new ProcessStartInfo("mkfifo", [fifo]))!) mk.WaitForExit();
        Assert.True(File.Exists(fifo));
        var before = DecoderProcessesReading(fifo);
        Assert.Empty(before);

        var watch = Stopwatch.StartNew();
        var e = Assert.Throws<AudioFormatException>(() => FfmpegDecoder.Read(fifo, TimeSpan.FromMilliseconds(500)));
        watch.Stop();
        Assert.Contains(fifo, e.Message);
        Assert.Contains("did not finish within 0.5 s", e.Message);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
        Assert.Empty(DecoderProcessesReading(fifo));
    }

    [Fact]
    public void A_non_positive_timeout_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FfmpegDecoder.Read("x.mp3", TimeSpan.Zero));
    }

    // Processes (ffprobe/ffmpeg) whose command line mentions the path.
    private static List<int> DecoderProcessesReading(string path)
    {
        var ids = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out int pid)) continue;
            try
            {
                var cmd = File.ReadAllText(Path.Combine(dir, "cmdline"));
                if (cmd.Contains(path, StringComparison.Ordinal) && cmd.Contains("ff", StringComparison.Ordinal)) ids.Add(pid);
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        return ids;
    }
}
