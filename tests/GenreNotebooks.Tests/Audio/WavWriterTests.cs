using System.Buffers.Binary;
using GenreNotebooks.Audio;

namespace GenreNotebooks.Tests.Audio;

public class WavWriterTests
{
    [Fact]
    public void Pcm16_header_and_samples_are_as_the_RIFF_spec_says()
    {
        var signal = new AudioSignal([0f, 0.5f, -1f, 2f, -2f], 22050);
        using var ms = new MemoryStream();
        WavWriter.Write(ms, signal, WavSampleFormat.Pcm16);
        var b = ms.ToArray();

        Assert.Equal(44 + 10, b.Length);
        Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString(b, 0, 4));
        Assert.Equal((uint)(b.Length - 8), BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(4)));
        Assert.Equal(1, BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(20)));      // PCM
        Assert.Equal(22050u, BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(24)));
        Assert.Equal(16, BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(34)));
        Assert.Equal(10u, BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(40)));
        short[] expected = [0, 16384, -32768, 32767, -32768];                          // clipped at both ends
        for (int i = 0; i < expected.Length; i++)
            Assert.Equal(expected[i], BinaryPrimitives.ReadInt16LittleEndian(b.AsSpan(44 + 2 * i)));
    }

    [Fact]
    public void Float32_keeps_values_exactly()
    {
        var signal = new AudioSignal([0.1f, -0.25f, 1.5f], 8000);
        using var ms = new MemoryStream();
        WavWriter.Write(ms, signal, WavSampleFormat.Float32);
        var b = ms.ToArray();
        Assert.Equal(3, BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(20)));      // IEEE float
        for (int i = 0; i < 3; i++)
            Assert.Equal(signal.Samples[i], BinaryPrimitives.ReadSingleLittleEndian(b.AsSpan(44 + 4 * i)));
    }

    [Fact]
    public void Signal_rejects_bad_sample_rate_and_bad_slices()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AudioSignal([1f], 0));
        var s = new AudioSignal(new float[10], 100);
        Assert.Equal(0.1, s.DurationSeconds, 12);
        Assert.Throws<ArgumentOutOfRangeException>(() => s.Slice(5, 6));
        Assert.Equal(5, s.Slice(5, 5).Length);
    }
}
