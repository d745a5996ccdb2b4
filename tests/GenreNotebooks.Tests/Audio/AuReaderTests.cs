using System.Buffers.Binary;
using GenreNotebooks.Audio;

namespace GenreNotebooks.Tests.Audio;

public class AuReaderTests
{
    [Fact]
    public void Pcm16_big_endian_with_header_offset_is_read()
    {
        var data = new byte[6];
        BinaryPrimitives.WriteInt16BigEndian(data, 16384);
        BinaryPrimitives.WriteInt16BigEndian(data.AsSpan(2), -32768);
        BinaryPrimitives.WriteInt16BigEndian(data.AsSpan(4), 1);
        var a = AuReader.Read(WavBytes.Au(3, 22050, 1, data, offset: 32), "x.au");
        Assert.Equal([0.5f, -1f, 1 / 32768f], a.Channels[0]);
        Assert.Equal(22050, a.SampleRate);
    }

    [Fact]
    public void Unknown_size_means_data_runs_to_the_end()
    {
        var data = new byte[8];
        BinaryPrimitives.WriteSingleBigEndian(data, 0.25f);
        BinaryPrimitives.WriteSingleBigEndian(data.AsSpan(4), -0.5f);
        var a = AuReader.Read(WavBytes.Au(6, 8000, 2, data, sizeField: 0xFFFFFFFF), "x.au");
        Assert.Equal([0.25f], a.Channels[0]);
        Assert.Equal([-0.5f], a.Channels[1]);
    }

    [Fact]
    public void Mu_law_and_A_law_decode_as_G711()
    {
        // mu-law 0xFF and 0x7F are the two zeros, 0x80 is +32124, 0x00 is -32124.
        var mu = AuReader.Read(WavBytes.Au(1, 8000, 1, [0xFF, 0x7F, 0x80, 0x00]), "x.au").Channels[0];
        Assert.Equal([0f, 0f, 32124 / 32768f, -32124 / 32768f], mu);
        // A-law 0xD5 is +8, 0x55 is -8, 0xAA is +32256.
        var a = AuReader.Read(WavBytes.Au(27, 8000, 1, [0xD5, 0x55, 0xAA]), "x.au").Channels[0];
        Assert.Equal([8 / 32768f, -8 / 32768f, 32256 / 32768f], a);
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("not a Sun .au")]
    [InlineData("0 channels")]
    [InlineData("unsupported .au encoding")]
    [InlineData("empty")]
    public void Bad_au_files_raise_AudioFormatException(string problem)
    {
        byte[] bytes = problem switch
        {
            "truncated" => WavBytes.Au(3, 8000, 1, new byte[10], sizeField: 100),
            "not a Sun .au" => WavBytes.Riff(WavBytes.Chunk("data", new byte[20])),
            "0 channels" => WavBytes.Au(3, 8000, 0, new byte[10]),
            "unsupported .au encoding" => WavBytes.Au(23, 8000, 1, new byte[10]),
            _ => WavBytes.Au(3, 8000, 1, []),
        };
        var e = Assert.Throws<AudioFormatException>(() => AuReader.Read(bytes, "song.au"));
        Assert.Contains("song.au", e.Message);
        Assert.Contains(problem, e.Message);
    }
}
