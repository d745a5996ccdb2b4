using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using GenreNotebooks.Audio;

namespace GenreNotebooks.Cli.Bench;

/// <summary>
/// <c>genre bench decode</c>: times the in-process MP3 (NLayer) and Ogg Vorbis (NVorbis) decoders on a 3-minute
/// 44.1 kHz stereo file made from deterministic synthetic audio, against an ffmpeg process decoding the same file in
/// the same run (<see cref="FfmpegDecoder"/>: ffprobe + ffmpeg to float32), plus NLayer's own <c>MpegFile</c> reader
/// and the mono mix-down and resampling to 22050 Hz that <see cref="AudioFile.Load"/> adds. One thread; medians.
/// Needs ffmpeg to encode the test files and as the peer.
/// </summary>
internal static class DecodeBench
{
    public static Command CreateCommand()
    {
        var runs = new Option<int>("--runs") { Description = "Timed runs per benchmark.", DefaultValueFactory = _ => 5 };
        var seconds = new Option<int>("--seconds") { Description = "Length of the synthetic song in seconds.", DefaultValueFactory = _ => 180 };
        var command = new Command("decode", "Time MP3 and Ogg Vorbis decoding in-process against an ffmpeg process, plus mono mix-down and resampling (one thread, medians).");
        command.Options.Add(runs);
        command.Options.Add(seconds);
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            int n = parse.GetValue(runs), length = parse.GetValue(seconds);
            if (n <= 0 || length <= 0)
            {
                error.WriteLine("genre bench decode: --runs and --seconds must be positive");
                return 1;
            }
            if (!FfmpegDecoder.IsAvailable)
            {
                error.WriteLine("genre bench decode: needs ffmpeg (to encode the test files and as the peer); install it (Debian/Ubuntu: sudo apt-get install ffmpeg)");
                return 1;
            }
            var dir = Directory.CreateTempSubdirectory("genre-bench-decode-");
            try
            {
                string wav = Path.Combine(dir.FullName, "song.wav"), mp3 = Path.Combine(dir.FullName, "song.mp3"), ogg = Path.Combine(dir.FullName, "song.ogg");
                WriteSong(wav, length);
                Encode(wav, mp3, ["-c:a", "libmp3lame", "-b:a", "192k"]);
                Encode(wav, ogg, ["-c:a", "libvorbis", "-q:a", "5"]);
                var decoded = Mp3Reader.Read(mp3);
                var mono = decoded.ToMono();
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"synthetic song: {length} s, 44100 Hz stereo; mp3 192 kbit/s CBR ({new FileInfo(mp3).Length / 1024} KiB), ogg q5 ({new FileInfo(ogg).Length / 1024} KiB); {Environment.ProcessorCount} cores, decoders single-threaded"));
                var results = new List<BenchResult>
                {
                    BenchTimer.Measure("mp3: Mp3Reader (NLayer frames)", () => Mp3Reader.Read(mp3), n, 1),
                    BenchTimer.Measure("mp3: NLayer MpegFile.ReadSamples", () => NLayerMpegFile(mp3), n, 1),
                    BenchTimer.Measure("mp3: ffmpeg process (FfmpegDecoder)", () => FfmpegDecoder.Read(mp3), n, 1),
                    BenchTimer.Measure("ogg: OggVorbisReader (NVorbis)", () => OggVorbisReader.Read(ogg), n, 1),
                    BenchTimer.Measure("ogg: ffmpeg process (FfmpegDecoder)", () => FfmpegDecoder.Read(ogg), n, 1),
                    BenchTimer.Measure("mono mix-down (2 -> 1 channel)", () => decoded.ToMono(), n, 1),
                    BenchTimer.Measure("resample 44100 -> 22050 Hz (mono)", () => mono.Resample(22050), n, 1),
                    BenchTimer.Measure("mp3: AudioFile.Load (decode+mono+22050)", () => AudioFile.Load(mp3), n, 1),
                };
                BenchTimer.Print(output, results);
                double Ratio(int peer, int ours) => results[peer].Median / results[ours].Median;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"ratio ffmpeg / in-process (above 1: in-process faster): mp3 {Ratio(2, 0):F2}, ogg {Ratio(4, 3):F2}; NLayer MpegFile / Mp3Reader {Ratio(1, 0):F2}"));
                return 0;
            }
            finally
            {
                dir.Delete(recursive: true);
            }
        });
        return command;
    }

    // NLayer's own stream reader and sample loop, the way its README uses it, into per-channel arrays as Mp3Reader
    // returns them (NLayer's own trimming, so the length differs from ffmpeg's), for comparison with Mp3Reader.
    private static float[][] NLayerMpegFile(string path)
    {
        using var file = new NLayer.MpegFile(path);
        int channels = file.Channels;
        long frames = file.Length / sizeof(float) / channels;
        var output = new float[channels][];
        for (int c = 0; c < channels; c++) output[c] = new float[frames];
        var buffer = new float[4608 * channels];
        long at = 0;
        int got;
        while ((got = file.ReadSamples(buffer, 0, buffer.Length)) > 0 && at < frames)
        {
            int n = (int)Math.Min(got / channels, frames - at);
            for (int i = 0; i < n; i++)
                for (int c = 0; c < channels; c++) output[c][at + i] = buffer[i * channels + c];
            at += n;
        }
        return output;
    }

    // A deterministic song: a chord progression with a bass line, noise-burst drums and a stereo spread.
    internal static void WriteSong(string path, int seconds)
    {
        const int rate = 44100;
        int n = seconds * rate;
        var left = new float[n];
        var right = new float[n];
        var rng = new Random(1234);
        double[][] chords = [[220, 277.18, 329.63], [196, 246.94, 293.66], [174.61, 220, 261.63], [164.81, 207.65, 246.94]];
        for (int i = 0; i < n; i++)
        {
            double t = (double)i / rate;
            var chord = chords[(int)(t / 2) % chords.Length];
            double beat = t * 2 % 1, env = Math.Exp(-8 * beat);
            double tone = 0;
            foreach (double f in chord) tone += Math.Sin(2 * Math.PI * f * t);
            double bass = Math.Sin(2 * Math.PI * chord[0] / 2 * t) * (0.5 + 0.5 * env);
            double drum = (rng.NextDouble() * 2 - 1) * Math.Exp(-30 * beat);
            left[i] = (float)(0.12 * tone + 0.2 * bass + 0.25 * drum);
            right[i] = (float)(0.1 * tone * (0.8 + 0.2 * Math.Sin(2 * Math.PI * 0.25 * t)) + 0.2 * bass + 0.2 * drum);
        }
        WriteStereoPcm16(path, left, right, rate);
    }

    private static void WriteStereoPcm16(string path, float[] left, float[] right, int rate)
    {
        using var w = new BinaryWriter(File.Create(path));
        int dataBytes = left.Length * 4;
        w.Write("RIFF"u8);
        w.Write(36 + dataBytes);
        w.Write("WAVEfmt "u8);
        w.Write(16);
        w.Write((short)1);
        w.Write((short)2);
        w.Write(rate);
        w.Write(rate * 4);
        w.Write((short)4);
        w.Write((short)16);
        w.Write("data"u8);
        w.Write(dataBytes);
        static short Pcm(float v) => (short)Math.Round(Math.Clamp(v, -1f, 1f) * 32767);
        for (int i = 0; i < left.Length; i++)
        {
            w.Write(Pcm(left[i]));
            w.Write(Pcm(right[i]));
        }
    }

    internal static void Encode(string wav, string target, string[] codec)
    {
        var psi = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in (string[])["-nostdin", "-v", "error", "-y", "-i", wav, .. codec, target]) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("could not start ffmpeg");
        string err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"ffmpeg could not encode {target}: {err}");
    }
}
