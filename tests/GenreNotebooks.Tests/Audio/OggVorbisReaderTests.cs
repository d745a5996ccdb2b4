using GenreNotebooks.Audio;

namespace GenreNotebooks.Tests.Audio;

public class OggVorbisReaderTests
{
    // Both span several pages and end mid-block: the last page's granule position (11025) cuts the final packet short.
    [Theory]
    [InlineData("vorbis-mono-22k.ogg", 1, 22050)]
    [InlineData("vorbis-stereo-44k.ogg", 2, 44100)]
    public void Decodes_to_ffmpegs_exact_length_and_samples(string file, int channels, int rate)
    {
        var decoded = OggVorbisReader.Read(CodecFixtures.PathOf(file));
        var reference = CodecFixtures.FfmpegDecode(file);
        Assert.Equal(channels, decoded.ChannelCount);
        Assert.Equal(rate, decoded.SampleRate);
        Assert.Equal(11025, reference.Length);
        Assert.Equal(reference.Length, decoded.Length);
        double diff = CodecFixtures.MaxAbsDifference(decoded, reference);
        Assert.True(diff < 1e-5, $"{file}: max abs difference {diff:E2} from ffmpeg");
    }

    [Fact]
    public void A_stream_in_one_page_keeps_to_its_granule_position_where_ffmpeg_5_1_overruns()
    {
        // The source had 11025 samples and the final granule position says 11025; ffmpeg 5.1 returns 11264 here.
        const string file = "vorbis-mono-22k-onepage.ogg";
        var decoded = OggVorbisReader.Read(CodecFixtures.PathOf(file));
        var reference = CodecFixtures.FfmpegDecode(file);
        Assert.Equal(11025, decoded.Length);
        Assert.True(reference.Length > decoded.Length, $"ffmpeg's decode has {reference.Length} samples");
        double worst = 0;
        for (int i = 0; i < decoded.Length; i++) worst = Math.Max(worst, Math.Abs(decoded.Channels[0][i] - reference.Channels[0][i]));
        Assert.True(worst < 1e-5, $"max abs difference {worst:E2} over the common samples");
    }

    [Fact]
    public void Truncated_damaged_and_foreign_streams_are_refused_with_the_byte()
    {
        var ogg = CodecFixtures.Bytes("vorbis-stereo-44k.ogg");
        var cut = OggError(ogg[..(ogg.Length * 2 / 3)]);
        Assert.Contains("truncated", cut.Message);
        var damaged = (byte[])ogg.Clone();
        damaged[ogg.Length / 2] ^= 0x55;
        Assert.Contains("fails its CRC check", OggError(damaged).Message);
        Assert.Contains("not an Ogg file", OggError("not audio at all"u8.ToArray()).Message);
        Assert.Contains("file is empty", OggError([]).Message);
        var opus = (byte[])ogg.Clone();
        "OpusHead"u8.CopyTo(opus.AsSpan(28));
        Assert.Contains("not Vorbis", OggError(opus).Message);
    }

    private static AudioFormatException OggError(byte[] bytes)
    {
        var e = Assert.Throws<AudioFormatException>(() => OggVorbisReader.Read(bytes, "song.ogg"));
        Assert.StartsWith("song.ogg: ", e.Message);
        return e;
    }
}
