using System.Buffers.Binary;
using GenreNotebooks.Audio;

namespace GenreNotebooks.Tests.Audio;

public class WavReaderTests
{
    private static AudioData Read(byte[] b) => WavReader.Read(b, "test.wav");

    [Fact]
    public void Pcm8_is_unsigned_and_centred_on_128()
    {
        var a = Read(WavBytes.Riff(WavBytes.Chunk("fmt ", WavBytes.Fmt(1, 1, 8000, 8)), WavBytes.Chunk("data", [0, 128, 255, 64])));
        Assert.Equal([-1f, 0f, 127 / 128f, -0.5f], a.Channels[0]);
        Assert.Equal(8000, a.SampleRate);
    }

    [Fact]
    public void Pcm16_stereo_is_deinterleaved_and_scaled_by_32768()
    {
        var data = new byte[8];
        short[] values = [16384, -32768, 32767, 1];
        for (int i = 0; i < 4; i++) BinaryPrimitives.WriteInt16LittleEndian(data.AsSpan(2 * i), values[i]);
        var a = Read(WavBytes.Riff(WavBytes.Chunk("fmt ", WavBytes.Fmt(1, 2, 44100, 16)), WavBytes.Chunk("data", data)));
        Assert.Equal(2, a.ChannelCount);
        Assert.Equal([0.5f, 32767 / 32768f], a.Channels[0]);
        Assert.Equal([-1f, 1 / 32768f], a.Channels[1]);
        Assert.Equal([(0.5f - 1f) / 2f, (32767 / 32768f + 1 / 32768f) / 2f], a.ToMono().Samples);
    }

    [Fact]
    public void Pcm24_is_sign_extended_and_scaled_by_2_pow_23()
    {
        byte[] data = [0x00, 0x00, 0x40, 0x00, 0x00, 0x80, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F];
        var a = Read(WavBytes.Riff(WavBytes.Chunk("fmt ", WavBytes.Fmt(1, 1, 48000, 24)), WavBytes.Chunk("data", data)));
        Assert.Equal([0.5f, -1f, -1f / 8388608f, 8388607f / 8388608f], a.Channels[0]);
    }

    [Fact]
    public void Pcm32_and_float_formats_are_scaled_as_soundfile()
    {
        var i32 = new byte[8];
        BinaryPrimitives.WriteInt32LittleEndian(i32, int.MinValue);
        BinaryPrimitives.WriteInt32LittleEndian(i32.AsSpan(4), 1 << 29);
        Assert.Equal([-1f, 0.25f], Read(WavBytes.Riff(WavBytes.Chunk("fmt ", WavBytes.Fmt(1, 1, 8000, 32)), WavBytes.Chunk("data", i32))).Channels[0]);

        var f32 = new byte[8];
        BinaryPrimitives.WriteSingleLittleEndian(f32, 0.1f);
        BinaryPrimitives.WriteSingleLittleEndian(f32.AsSpan(4), -1.5f);
        Assert.Equal([0.1f, -1.5f], Read(WavBytes.Riff(WavBytes.Chunk("fmt ", WavBytes.Fmt(3, 1, 8000, 32)), WavBytes.Chunk("data", f32))).Channels[0]);

        var f64 = new byte[16];
        BinaryPrimitives.WriteDoubleLittleEndian(f64, 0.1);
        BinaryPrimitives.WriteDoubleLittleEndian(f64.AsSpan(8), -0.75);
        Assert.Equal([0.1f, -0.75f], Read(WavBytes.Riff(WavBytes.Chunk("fmt ", WavBytes.Fmt(3, 1, 8000, 64)), WavBytes.Chunk("data", f64))).Channels[0]);
    }

    [Fact]
    public void Extensible_format_takes_the_codec_from_the_sub_format_guid()
    {
        var f32 = new byte[16];
        for (int i = 0; i < 4; i++) BinaryPrimitives.WriteSingleLittleEndian(f32.AsSpan(4 * i), i * 0.25f);
        var a = Read(WavBytes.Riff(WavBytes.Chunk("fmt ", WavBytes.FmtExtensible(3, 2, 96000, 32)), WavBytes.Chunk("data", f32)));
        Assert.Equal([0f, 0.5f], a.Channels[0]);
        Assert.Equal([0.25f, 0.75f], a.Channels[1]);
        var adpcm = WavBytes.Riff(WavBytes.Chunk("fmt ", WavBytes.FmtExtensible(2, 1, 8000, 4)), WavBytes.Chunk("data", new byte[8]));
        Assert.Contains("ADPCM", Assert.Throws<AudioFormatException>(() => Read(adpcm)).Message);
    }

    [Fact]
    public void Unknown_and_odd_sized_chunks_are_skipped_with_their_pad_byte()
    {
        var b = WavBytes.Riff(
            WavBytes.Chunk("LIST", [1, 2, 3]),            // odd size: one pad byte follows
            WavBytes.Chunk("fmt ", WavBytes.Fmt(1, 1, 8000, 16)),
            WavBytes.Chunk("junk", new byte[5]),
            WavBytes.Chunk("data", [0x00, 0x40]),
            WavBytes.Chunk("id3 ", [9]));
        Assert.Equal([0.5f], Read(b).Channels[0]);
    }

    [Fact]
    public void Writer_output_reads_back_exactly()
    {
        var signal = new AudioSignal([0f, 0.5f, -0.25f, 0.999f], 22050);
        using var ms = new MemoryStream();
        WavWriter.Write(ms, signal, WavSampleFormat.Float32);
        Assert.Equal(signal.Samples, Read(ms.ToArray()).Channels[0]);
    }

    public static TheoryData<string, byte[], string> BadFiles()
    {
        var fmt16 = WavBytes.Chunk("fmt ", WavBytes.Fmt(1, 1, 8000, 16));
        var good = WavBytes.Riff(fmt16, WavBytes.Chunk("data", new byte[200]));
        var nan = new byte[8];
        BinaryPrimitives.WriteSingleLittleEndian(nan.AsSpan(4), float.NaN);
        var inf = new byte[4];
        BinaryPrimitives.WriteSingleLittleEndian(inf, float.PositiveInfinity);
        return new()
        {
            { "empty file", [], "too short" },
            { "raw samples with a .wav name", Enumerable.Range(0, 1000).Select(i => (byte)(i * 7)).ToArray(), "not a RIFF/WAVE file" },
            { "truncated data", good[..150], "truncated" },
            { "truncated header", good[..30], "truncated" },
            { "zero-length data", WavBytes.Riff(fmt16, WavBytes.Chunk("data", [])), "empty" },
            { "ADPCM", WavBytes.Riff(WavBytes.Chunk("fmt ", WavBytes.Fmt(2, 1, 8000, 4)), WavBytes.Chunk("data", new byte[10])), "unsupported codec" },
            { "zero channels", WavBytes.Riff(WavBytes.Chunk("fmt ", WavBytes.Fmt(1, 0, 8000, 16)), WavBytes.Chunk("data", new byte[10])), "0 channels" },
            { "zero rate", WavBytes.Riff(WavBytes.Chunk("fmt ", WavBytes.Fmt(1, 1, 0, 16)), WavBytes.Chunk("data", new byte[10])), "sample rate 0" },
            { "12-bit PCM", WavBytes.Riff(WavBytes.Chunk("fmt ", WavBytes.Fmt(1, 1, 8000, 12)), WavBytes.Chunk("data", new byte[10])), "12 bits" },
            { "NaN in float data", WavBytes.Riff(WavBytes.Chunk("fmt ", WavBytes.Fmt(3, 1, 8000, 32)), WavBytes.Chunk("data", nan)), "NaN" },
            { "Inf in float data", WavBytes.Riff(WavBytes.Chunk("fmt ", WavBytes.Fmt(3, 1, 8000, 32)), WavBytes.Chunk("data", inf)), "Infinity" },
            { "no fmt chunk", WavBytes.Riff(WavBytes.Chunk("data", new byte[10])), "no fmt chunk" },
            { "no data chunk", WavBytes.Riff(fmt16), "no data chunk" },
        };
    }

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void Bad_files_raise_AudioFormatException_naming_file_and_problem(string what, byte[] bytes, string problem)
    {
        var e = Assert.Throws<AudioFormatException>(() => WavReader.Read(bytes, "blues.00042.wav"));
        Assert.Equal("blues.00042.wav", e.Path);
        Assert.StartsWith("blues.00042.wav: ", e.Message);
        Assert.True(e.Message.Contains(problem, StringComparison.OrdinalIgnoreCase), $"{what}: message '{e.Message}' lacks '{problem}'");
    }
}
