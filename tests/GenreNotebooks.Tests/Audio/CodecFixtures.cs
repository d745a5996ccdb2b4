using GenreNotebooks.Audio;

namespace GenreNotebooks.Tests.Audio;

/// <summary>The mp3/ogg files of Data/codecs and ffmpeg 5.1's float32 decodes of them (see the README there).</summary>
internal static class CodecFixtures
{
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "Data", "codecs");

    public static string PathOf(string file) => Path.Combine(Folder, file);

    public static byte[] Bytes(string file) => File.ReadAllBytes(PathOf(file));

    /// <summary>ffmpeg's decode of <paramref name="encoded"/> (x.mp3 -> x.ffmpeg.wav, float32).</summary>
    public static AudioData FfmpegDecode(string encoded) =>
        WavReader.Read(PathOf(Path.GetFileNameWithoutExtension(encoded) + ".ffmpeg.wav"));

    /// <summary>Largest absolute difference over all channels and samples (the lengths must agree).</summary>
    public static double MaxAbsDifference(AudioData a, AudioData b)
    {
        Assert.Equal(a.ChannelCount, b.ChannelCount);
        Assert.Equal(a.Length, b.Length);
        double worst = 0;
        for (int c = 0; c < a.ChannelCount; c++)
            for (int i = 0; i < a.Length; i++)
                worst = Math.Max(worst, Math.Abs(a.Channels[c][i] - b.Channels[c][i]));
        return worst;
    }
}
