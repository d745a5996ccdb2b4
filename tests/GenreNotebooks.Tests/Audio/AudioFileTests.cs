using System.Diagnostics;
using GenreNotebooks.Audio;

namespace GenreNotebooks.Tests.Audio;

public sealed class AudioFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("genre-audio-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Path(string name) => System.IO.Path.Combine(_dir, name);

    private static float[] Tone(double hz, int rate, int n) =>
        Enumerable.Range(0, n).Select(i => (float)(0.5 * Math.Sin(2 * Math.PI * hz * i / rate))).ToArray();

    [Fact]
    public void Load_mixes_to_mono_and_resamples_to_22050_by_default()
    {
        var path = Path("stereo.wav");
        var left = Tone(440, 44100, 44100);
        var right = left.Select(v => -0.5f * v).ToArray();
        var interleaved = new float[2 * left.Length];
        for (int i = 0; i < left.Length; i++) { interleaved[2 * i] = left[i]; interleaved[2 * i + 1] = right[i]; }
        File.WriteAllBytes(path, WavBytes.Riff(WavBytes.Chunk("fmt ", WavBytes.Fmt(3, 2, 44100, 32)),
            WavBytes.Chunk("data", interleaved.SelectMany(BitConverter.GetBytes).ToArray())));

        var native = AudioFile.Load(path, sampleRate: null);
        Assert.Equal(44100, native.SampleRate);
        Assert.Equal((left[100] + right[100]) / 2f, native.Samples[100]);
        var y = AudioFile.Load(path);
        Assert.Equal(22050, y.SampleRate);
        Assert.Equal(22050, y.Length);
        Assert.Equal(2, AudioFile.Read(path).ChannelCount);
        Assert.Throws<ArgumentException>(() => AudioFile.Load(path, mono: false));
    }

    [Fact]
    public void Missing_file_directory_and_headerless_wav_give_documented_exceptions()
    {
        var missing = Path("nope.wav");
        Assert.Contains("nope.wav", Assert.Throws<FileNotFoundException>(() => AudioFile.Load(missing)).Message);
        var dirError = Assert.Throws<AudioFormatException>(() => AudioFile.Load(_dir));
        Assert.Contains("directory", dirError.Message);
        Assert.Equal(_dir, dirError.Path);
        // GTZAN's jazz.00054.wav: raw samples, no RIFF header.
        var raw = Path("jazz.00054.wav");
        File.WriteAllBytes(raw, Enumerable.Range(0, 4096).Select(i => (byte)(i * 31)).ToArray());
        var e = Assert.Throws<AudioFormatException>(() => AudioFile.Load(raw));
        Assert.Contains("jazz.00054.wav", e.Message);
        Assert.Contains("not a RIFF/WAVE file", e.Message);
        var empty = Path("empty.mp3");
        File.WriteAllBytes(empty, []);
        Assert.Contains("empty", Assert.Throws<AudioFormatException>(() => AudioFile.Load(empty)).Message);
    }

    [Fact]
    public void Au_files_are_recognised_by_their_header()
    {
        var path = Path("tone.snd");
        var data = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt16BigEndian(data, 8192);
        File.WriteAllBytes(path, WavBytes.Au(3, 8000, 1, data));
        var y = AudioFile.Load(path, sampleRate: null);
        Assert.Equal([0.25f, 0f], y.Samples);
    }

    [Fact]
    public void Compressed_formats_decode_through_ffmpeg_when_installed()
    {
        bool ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (!FfmpegDecoder.IsAvailable)
        {
            // In CI ffmpeg is part of the setup, so this test must not pass silently without it.
            Assert.False(ci, "CI=true but ffmpeg/ffprobe are not on PATH (apt-get install ffmpeg)");
            var e = Assert.Throws<FfmpegNotFoundException>(() => FfmpegDecoder.Read(WriteWav(Path("x.wav"))));
            Assert.Contains("apt-get install ffmpeg", e.Message);
            return;
        }
        var wav = WriteWav(Path("tone.wav"));
        var flac = Path("tone.flac");
        using (var p = Process.Start(new ProcessStartInfo("ffmpeg", ["-nostdin", "-v", "error", "-i", wav, flac]) { RedirectStandardError = true })!)
        {
            p.WaitForExit();
            Assert.Equal(0, p.ExitCode);
        }
        var decoded = AudioFile.Read(flac);
        Assert.Equal(1, decoded.ChannelCount);
        Assert.Equal(16000, decoded.SampleRate);
        var expected = WavReader.Read(wav).Channels[0];
        Assert.Equal(expected.Length, decoded.Length);
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], decoded.Channels[0][i], 6); // FLAC is lossless
        var loaded = AudioFile.Load(flac);
        Assert.Equal(22050, loaded.SampleRate);

        var notAudio = Path("notes.mp3");
        File.WriteAllText(notAudio, "this is not audio");
        var error = Assert.Throws<AudioFormatException>(() => AudioFile.Load(notAudio));
        Assert.Contains("notes.mp3", error.Message);
    }

    [Fact]
    public void Mp3_and_ogg_load_without_ffmpeg_and_other_formats_ask_for_it()
    {
        string noTools = Directory.CreateDirectory(Path("no-ffmpeg")).FullName;
        var mp3 = Path("song.mp3");
        File.Copy(CodecFixtures.PathOf("lame-cbr-stereo-44k.mp3"), mp3);
        var ogg = Path("song.ogg");
        File.Copy(CodecFixtures.PathOf("vorbis-stereo-44k.ogg"), ogg);
        var m4a = Path("song.m4a");
        File.WriteAllBytes(m4a, [0, 0, 0, 24, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'M', (byte)'4', (byte)'A', (byte)' ', 0, 0, 0, 0]);
        var emptyOgg = Path("empty.ogg");
        File.WriteAllBytes(emptyOgg, []);
        var cutMp3 = Path("cut.mp3");
        var bytes = File.ReadAllBytes(mp3);
        File.WriteAllBytes(cutMp3, bytes[..(bytes.Length / 2 + 7)]);
        using (FfmpegDecoder.UseLocation(noTools))
        {
            Assert.False(FfmpegDecoder.IsAvailable);
            var y = AudioFile.Load(mp3);
            Assert.Equal(22050, y.SampleRate);
            Assert.Equal(5513, y.Length); // ceil(11025 / 2)
            Assert.Equal(11025, AudioFile.Read(ogg).Length);
            var e = Assert.Throws<FfmpegNotFoundException>(() => AudioFile.Load(m4a));
            Assert.Contains("song.m4a", e.Message);
            Assert.Contains("apt-get install ffmpeg", e.Message);
            Assert.Contains("empty", Assert.Throws<AudioFormatException>(() => AudioFile.Load(emptyOgg)).Message);
            var cut = Assert.Throws<AudioFormatException>(() => AudioFile.Load(cutMp3));
            Assert.IsNotType<FfmpegNotFoundException>(cut);
            Assert.Contains("cut.mp3: truncated", cut.Message);
        }
    }

    [Fact]
    public void Folder_scans_list_mp3_and_ogg_among_the_in_process_extensions()
    {
        Assert.Equal([".wav", ".au", ".snd", ".mp3", ".ogg"], GenreNotebooks.Datasets.AudioExtensions.InProcess);
        Assert.All(GenreNotebooks.Datasets.AudioExtensions.InProcess, e => Assert.Contains(e, GenreNotebooks.Datasets.AudioExtensions.All));
        Assert.True(GenreNotebooks.Datasets.AudioExtensions.IsAudio("Song.MP3"));
        Assert.True(GenreNotebooks.Datasets.AudioExtensions.IsAudio("song.ogg"));
    }

    [Fact]
    public void The_decoder_is_chosen_by_content_before_the_extension()
    {
        var mp3AsBin = Path("song.bin");
        File.Copy(CodecFixtures.PathOf("lame-vbr-mono-22k.mp3"), mp3AsBin);
        var oggAsMp3 = Path("really-ogg.mp3");
        File.Copy(CodecFixtures.PathOf("vorbis-mono-22k.ogg"), oggAsMp3);
        var textAsOgg = Path("notes.ogg");
        File.WriteAllText(textAsOgg, "this is not audio");
        using (FfmpegDecoder.UseLocation(Directory.CreateDirectory(Path("none")).FullName))
        {
            Assert.Equal(11025, AudioFile.Read(mp3AsBin).Length);
            Assert.Equal(11025, AudioFile.Read(oggAsMp3).Length);
            var e = Assert.Throws<AudioFormatException>(() => AudioFile.Read(textAsOgg));
            Assert.Contains("notes.ogg: not an Ogg file", e.Message);
        }
    }

    private static string WriteWav(string path)
    {
        WavWriter.Write(path, new AudioSignal(Tone(1000, 16000, 8000), 16000));
        return path;
    }
}
