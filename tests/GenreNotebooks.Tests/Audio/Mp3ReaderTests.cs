using GenreNotebooks.Audio;

namespace GenreNotebooks.Tests.Audio;

public class Mp3ReaderTests
{
    // file, channels, rate, expected length. The gapless files decode to the 11025 samples that were encoded;
    // files without a LAME/Lavc tag keep every frame (11 x 1152 or 22 x 576 = 12672), as ffmpeg does.
    [Theory]
    [InlineData("lame-cbr-stereo-44k.mp3", 2, 44100, 11025)]
    [InlineData("lame-vbr-mono-22k.mp3", 1, 22050, 11025)]
    [InlineData("lame-cbr-mono-22k-notag.mp3", 1, 22050, 12672)]
    [InlineData("ffmpeg-cbr-mono-22k.mp3", 1, 22050, 11025)]
    [InlineData("ffmpeg-vbr-stereo-44k.mp3", 2, 44100, 11025)]
    [InlineData("ffmpeg-cbr-stereo-44k-noxing.mp3", 2, 44100, 12672)]
    public void Decodes_to_ffmpegs_exact_length_and_samples(string file, int channels, int rate, int length)
    {
        var decoded = Mp3Reader.Read(CodecFixtures.PathOf(file));
        var reference = CodecFixtures.FfmpegDecode(file);
        Assert.Equal(channels, decoded.ChannelCount);
        Assert.Equal(rate, decoded.SampleRate);
        Assert.Equal(length, reference.Length);
        Assert.Equal(reference.Length, decoded.Length);
        double diff = CodecFixtures.MaxAbsDifference(decoded, reference);
        Assert.True(diff < 1e-5, $"{file}: max abs difference {diff:E2} from ffmpeg");
    }

    [Fact]
    public void Gapless_fields_of_lame_and_ffmpeg_tags_are_read()
    {
        var lame = Mp3FrameIndex.Build(CodecFixtures.Bytes("lame-cbr-stereo-44k.mp3"), "lame");
        Assert.Equal("Info", lame.Tag.Kind);
        Assert.StartsWith("LAME", lame.Tag.Encoder);
        Assert.Equal(576, lame.Tag.EncoderDelay);
        // The frames hold delay + signal + padding exactly.
        Assert.Equal(lame.Offsets.Length * 1152L, lame.Tag.EncoderDelay + 11025L + lame.Tag.EncoderPadding);
        Assert.Equal(lame.Tag.FrameCount, lame.Offsets.Length);

        var ffmpeg = Mp3FrameIndex.Build(CodecFixtures.Bytes("ffmpeg-vbr-stereo-44k.mp3"), "ffmpeg");
        Assert.Equal("Xing", ffmpeg.Tag.Kind);
        Assert.StartsWith("Lav", ffmpeg.Tag.Encoder);
        Assert.True(ffmpeg.Tag.HasGaplessFields);
        Assert.Equal(ffmpeg.Offsets.Length * 1152L, ffmpeg.Tag.EncoderDelay + 11025L + ffmpeg.Tag.EncoderPadding);

        var plain = Mp3FrameIndex.Build(CodecFixtures.Bytes("lame-cbr-mono-22k-notag.mp3"), "plain");
        Assert.Null(plain.Tag.Kind);
        Assert.Equal(22, plain.Offsets.Length);
        Assert.Equal(576, plain.First.SamplesPerFrame);
    }

    [Fact]
    public void Trim_follows_ffmpegs_rule_across_frame_boundaries()
    {
        // delay 576 + 529 = 1105 skipped; 10 frames of 1152, padding 1000: the last kept sample is 10*1152 - 1000 + 529.
        var trim = new Mp3GaplessTrim(1105, 10 * 1152 - 1000 + 529, 10 * 1152);
        long skip = trim.StartSkip, kept = 0;
        var pieces = new List<(int From, int Count)>();
        for (int f = 0; f < 10; f++)
        {
            trim.Apply(f * 1152L, 1152, ref skip, out int from, out int count);
            pieces.Add((from, count));
            kept += count;
        }
        Assert.Equal((1105, 47), pieces[0]);       // the skip ends inside the first frame
        Assert.Equal(10 * 1152 - 1105 - (1000 - 529), kept);
        Assert.Equal(0, skip);
    }

    [Fact]
    public void Layer_II_is_left_to_ffmpeg_and_names_the_layer()
    {
        // MPEG-1 layer II, 128 kbit/s, 44.1 kHz, stereo: 417-byte frames of zeros after the header.
        var frame = new byte[417];
        frame[0] = 0xFF; frame[1] = 0xFD; frame[2] = 0x80; frame[3] = 0x00;
        var bytes = frame.Concat(frame).Concat(frame).ToArray();
        Assert.Null(Mp3Reader.TryReadLayer3(bytes, "x.mp2"));
        var e = Assert.Throws<AudioFormatException>(() => Mp3Reader.Read(bytes, "x.mp2"));
        Assert.Contains("layer 2", e.Message);
    }
}

public class Mp3CorruptionTests
{
    private static AudioFormatException Mp3Error(byte[] bytes)
    {
        var e = Assert.Throws<AudioFormatException>(() => Mp3Reader.Read(bytes, "song.mp3"));
        Assert.StartsWith("song.mp3: ", e.Message);
        return e;
    }

    [Fact]
    public void A_file_cut_inside_a_frame_is_truncated()
    {
        var mp3 = CodecFixtures.Bytes("lame-cbr-mono-22k-notag.mp3");
        var e = Mp3Error(mp3[..(mp3.Length - 30)]);
        Assert.Contains("truncated", e.Message);
        Assert.Contains("needs", e.Message);
    }

    [Fact]
    public void A_file_cut_at_a_frame_boundary_is_truncated_when_its_tag_counts_more_frames()
    {
        var mp3 = CodecFixtures.Bytes("lame-cbr-stereo-44k.mp3");
        var index = Mp3FrameIndex.Build(mp3, "x");
        var e = Mp3Error(mp3[..index.Offsets[^2]]);
        Assert.Contains($"counts {index.Tag.FrameCount} audio frames but the file holds {index.Offsets.Length - 2}", e.Message);
    }

    [Fact]
    public void Bytes_between_frames_are_lost_sync_and_tags_or_trailing_padding_are_not()
    {
        var mp3 = CodecFixtures.Bytes("lame-cbr-mono-22k-notag.mp3");
        var index = Mp3FrameIndex.Build(mp3, "x");
        int at = index.Offsets[5];
        var junk = mp3[..at].Concat(new byte[] { 1, 2, 3, 4, 5 }).Concat(mp3[at..]).ToArray();
        Assert.Contains($"lost MPEG frame sync at byte {at}", Mp3Error(junk).Message);

        var id3v1 = new byte[128];
        "TAG"u8.CopyTo(id3v1);
        var tagged = mp3.Concat(id3v1).ToArray();
        Assert.Equal(12672, Mp3Reader.Read(tagged, "tagged.mp3").Length);
        var padded = mp3.Concat(new byte[300]).ToArray();
        Assert.Equal(12672, Mp3Reader.Read(padded, "padded.mp3").Length);
    }

    [Fact]
    public void Empty_text_and_overrunning_id3_are_refused()
    {
        Assert.Contains("file is empty", Mp3Error([]).Message);
        Assert.Contains("no MPEG audio frame", Mp3Error("this is not audio"u8.ToArray()).Message);
        var id3 = new byte[] { (byte)'I', (byte)'D', (byte)'3', 4, 0, 0, 0, 0, 0x7F, 0x7F, 1, 2, 3 };
        Assert.Contains("ID3v2 tag at byte 0 claims", Mp3Error(id3).Message);
    }
}
