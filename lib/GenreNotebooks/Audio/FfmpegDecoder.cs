using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;

namespace GenreNotebooks.Audio;

/// <summary>
/// Decodes any format ffmpeg understands (flac, m4a, opus, ...; <see cref="AudioFile"/> reads WAV, AU, MP3 and Ogg
/// Vorbis in-process and uses this for the rest) by running <c>ffprobe</c> for the first audio
/// stream's rate and channel count and <c>ffmpeg</c> to write it as float32 little-endian samples to stdout, at the
/// native rate and channel count. Needs ffmpeg on PATH (or in the folder given to <see cref="UseLocation"/>); otherwise <see cref="FfmpegNotFoundException"/> says how to
/// install it. Each ffmpeg/ffprobe run is bounded by a timeout (<see cref="DefaultTimeout"/>) and killed when it
/// overruns or the read fails, so a stalled file (a named pipe, a hung network mount) cannot block a batch forever.
/// </summary>
public static class FfmpegDecoder
{
    private static readonly AsyncLocal<Location?> LocationOverride = new();

    /// <summary>Whether both <c>ffmpeg</c> and <c>ffprobe</c> are found (on PATH, or where <see cref="UseLocation"/> says).</summary>
    public static bool IsAvailable => FindOnPath("ffmpeg") is not null && FindOnPath("ffprobe") is not null;

    /// <summary>
    /// Until the returned handle is disposed, code on this thread and its async continuations looks for ffmpeg and
    /// ffprobe only in <paramref name="directory"/> instead of on PATH (a folder without them: ffmpeg counts as not
    /// installed). Other threads keep using PATH, so a test can take ffmpeg away without changing the process.
    /// </summary>
    /// <param name="directory">The folder holding <c>ffmpeg</c> and <c>ffprobe</c>.</param>
    public static IDisposable UseLocation(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var previous = LocationOverride.Value;
        LocationOverride.Value = new Location(directory);
        return new Restore(previous);
    }

    private sealed record Location(string Directory);

    private sealed class Restore(Location? previous) : IDisposable
    {
        private bool _done;

        public void Dispose()
        {
            if (_done) return;
            _done = true;
            LocationOverride.Value = previous;
        }
    }

    /// <summary>Time each of the ffprobe and ffmpeg runs may take before it is killed: 5 minutes.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

    /// <summary>Decodes <paramref name="path"/> with ffmpeg, each process bounded by <see cref="DefaultTimeout"/>.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="FfmpegNotFoundException">ffmpeg or ffprobe is not installed.</exception>
    /// <exception cref="AudioFormatException">ffmpeg cannot decode the file, it has no audio stream, or decoding overran the timeout.</exception>
    public static AudioData Read(string path) => Read(path, DefaultTimeout);

    /// <summary>Decodes <paramref name="path"/> with ffmpeg; ffprobe and ffmpeg are each killed after <paramref name="timeout"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is not positive.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="FfmpegNotFoundException">ffmpeg or ffprobe is not installed.</exception>
    /// <exception cref="AudioFormatException">ffmpeg cannot decode the file, it has no audio stream, or a process overran <paramref name="timeout"/>.</exception>
    public static AudioData Read(string path, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (timeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "the timeout must be positive");
        if (Directory.Exists(path)) throw new AudioFormatException(path, "is a directory, not an audio file");
        if (!File.Exists(path)) throw new FileNotFoundException($"audio file not found: {path}", path);
        string ffmpeg = FindOnPath("ffmpeg") ?? throw new FfmpegNotFoundException(path);
        string ffprobe = FindOnPath("ffprobe") ?? throw new FfmpegNotFoundException(path);

        var (probeOut, probeErr, probeCode) = Run(ffprobe, path, timeout, ["-v", "error", "-select_streams", "a:0",
            "-show_entries", "stream=sample_rate,channels", "-of", "default=noprint_wrappers=1", path]);
        if (probeCode != 0) throw new AudioFormatException(path, $"ffprobe cannot read it: {Trim(probeErr)}");
        int rate = 0, channels = 0;
        foreach (var line in System.Text.Encoding.UTF8.GetString(probeOut).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split('=', 2);
            if (parts.Length != 2) continue;
            if (parts[0] == "sample_rate") int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out rate);
            if (parts[0] == "channels") int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out channels);
        }
        if (rate <= 0 || channels <= 0) throw new AudioFormatException(path, "ffprobe finds no audio stream in it");

        var (pcm, err, code) = Run(ffmpeg, path, timeout, ["-nostdin", "-v", "error", "-i", path, "-map", "0:a:0",
            "-f", "f32le", "-acodec", "pcm_f32le", "-ac", channels.ToString(CultureInfo.InvariantCulture), "-"]);
        if (code != 0) throw new AudioFormatException(path, $"ffmpeg cannot decode it: {Trim(err)}");
        int frames = pcm.Length / (4 * channels);
        if (frames == 0) throw new AudioFormatException(path, "ffmpeg decoded no samples");
        var data = new float[channels][];
        for (int c = 0; c < channels; c++) data[c] = new float[frames];
        for (int i = 0, pos = 0; i < frames; i++)
            for (int c = 0; c < channels; c++, pos += 4)
            {
                float v = BinaryPrimitives.ReadSingleLittleEndian(pcm.AsSpan(pos));
                if (!float.IsFinite(v)) throw new AudioFormatException(path, $"ffmpeg produced a non-finite sample at {i}");
                data[c][i] = v;
            }
        return new AudioData(data, rate);
    }

    private static (byte[] Stdout, string Stderr, int ExitCode) Run(string exe, string path, TimeSpan timeout, IEnumerable<string> args)
    {
        var psi = new ProcessStartInfo(exe)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        Process? process = null;
        try
        {
            process = Process.Start(psi) ?? throw new AudioFormatException(path, $"could not start {exe}");
            process.StandardInput.Close();
            // Both pipes drain concurrently (a full stderr pipe must not stall the stdout copy) so the wait can time out.
            var stderrTask = process.StandardError.ReadToEndAsync();
            using var ms = new MemoryStream();
            var stdoutTask = process.StandardOutput.BaseStream.CopyToAsync(ms);
            if (!process.WaitForExit(timeout))
                throw new AudioFormatException(path, string.Create(CultureInfo.InvariantCulture,
                    $"{System.IO.Path.GetFileName(exe)} did not finish within {timeout.TotalSeconds:0.###} s and was stopped (a named pipe, device or stalled mount instead of a file?)"));
            Task.WaitAll(stdoutTask, stderrTask);
            return (ms.ToArray(), stderrTask.GetAwaiter().GetResult(), process.ExitCode);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new AudioFormatException(path, $"could not run {exe}: {e.Message}", e);
        }
        finally
        {
            if (process is not null)
            {
                // Never leave a running decoder behind (timeout, or an exception while reading its output).
                try
                {
                    if (!process.HasExited)
                    {
                        process.Kill(entireProcessTree: true);
                        process.WaitForExit(5000);
                    }
                }
                catch (InvalidOperationException)
                {
                    // Already exited between the check and the kill.
                }
                process.Dispose();
            }
        }
    }

    private static string Trim(string s)
    {
        s = s.Trim();
        return s.Length == 0 ? "(no message)" : s.Length > 500 ? s[..500] + "..." : s;
    }

    private static string? FindOnPath(string program)
    {
        var paths = LocationOverride.Value is { } only
            ? [only.Directory]
            : (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        string[] names = OperatingSystem.IsWindows() ? [program + ".exe", program] : [program];
        foreach (var dir in paths)
            foreach (var name in names)
            {
                var candidate = Path.Combine(dir, name);
                if (File.Exists(candidate)) return candidate;
            }
        return null;
    }
}
