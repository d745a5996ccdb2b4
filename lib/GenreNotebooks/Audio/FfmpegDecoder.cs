using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;

namespace GenreNotebooks.Audio;

/// <summary>
/// Decodes any format ffmpeg understands (mp3, ogg, flac, m4a, ...) by running <c>ffprobe</c> for the first audio
/// stream's rate and channel count and <c>ffmpeg</c> to write it as float32 little-endian samples to stdout, at the
/// native rate and channel count. Needs ffmpeg on PATH; otherwise <see cref="FfmpegNotFoundException"/> says how to
/// install it. Taught in notebooks/02-building-the-datasets.
/// </summary>
public static class FfmpegDecoder
{
    /// <summary>Whether both <c>ffmpeg</c> and <c>ffprobe</c> are on PATH.</summary>
    public static bool IsAvailable => FindOnPath("ffmpeg") is not null && FindOnPath("ffprobe") is not null;

    /// <summary>Decodes <paramref name="path"/> with ffmpeg.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="FfmpegNotFoundException">ffmpeg or ffprobe is not installed.</exception>
    /// <exception cref="AudioFormatException">ffmpeg cannot decode the file or it has no audio stream.</exception>
    public static AudioData Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path)) throw new AudioFormatException(path, "is a directory, not an audio file");
        if (!File.Exists(path)) throw new FileNotFoundException($"audio file not found: {path}", path);
        string ffmpeg = FindOnPath("ffmpeg") ?? throw new FfmpegNotFoundException(path);
        string ffprobe = FindOnPath("ffprobe") ?? throw new FfmpegNotFoundException(path);

        var (probeOut, probeErr, probeCode) = Run(ffprobe, path, ["-v", "error", "-select_streams", "a:0",
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

        var (pcm, err, code) = Run(ffmpeg, path, ["-nostdin", "-v", "error", "-i", path, "-map", "0:a:0",
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

    private static (byte[] Stdout, string Stderr, int ExitCode) Run(string exe, string path, IEnumerable<string> args)
    {
        var psi = new ProcessStartInfo(exe)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        try
        {
            using var process = Process.Start(psi) ?? throw new AudioFormatException(path, $"could not start {exe}");
            process.StandardInput.Close();
            var stderrTask = process.StandardError.ReadToEndAsync();
            using var ms = new MemoryStream();
            process.StandardOutput.BaseStream.CopyTo(ms);
            process.WaitForExit();
            return (ms.ToArray(), stderrTask.GetAwaiter().GetResult(), process.ExitCode);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new AudioFormatException(path, $"could not run {exe}: {e.Message}", e);
        }
    }

    private static string Trim(string s)
    {
        s = s.Trim();
        return s.Length == 0 ? "(no message)" : s.Length > 500 ? s[..500] + "..." : s;
    }

    private static string? FindOnPath(string program)
    {
        var paths = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
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
