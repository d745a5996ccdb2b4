using System.Buffers.Binary;

namespace GenreNotebooks.Tests.Audio;

/// <summary>Builds WAV and AU files byte by byte, so readers are tested against the specs rather than our writer.</summary>
internal static class WavBytes
{
    public static byte[] Chunk(string id, byte[] body)
    {
        var b = new byte[8 + body.Length + (body.Length & 1)];
        System.Text.Encoding.ASCII.GetBytes(id).CopyTo(b, 0);
        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(4), (uint)body.Length);
        body.CopyTo(b, 8);
        return b;
    }

    public static byte[] Fmt(ushort tag, int channels, int rate, int bits)
    {
        var f = new byte[16];
        BinaryPrimitives.WriteUInt16LittleEndian(f, tag);
        BinaryPrimitives.WriteUInt16LittleEndian(f.AsSpan(2), (ushort)channels);
        BinaryPrimitives.WriteUInt32LittleEndian(f.AsSpan(4), (uint)rate);
        BinaryPrimitives.WriteUInt32LittleEndian(f.AsSpan(8), (uint)(rate * channels * bits / 8));
        BinaryPrimitives.WriteUInt16LittleEndian(f.AsSpan(12), (ushort)(channels * bits / 8));
        BinaryPrimitives.WriteUInt16LittleEndian(f.AsSpan(14), (ushort)bits);
        return f;
    }

    public static byte[] FmtExtensible(ushort subFormat, int channels, int rate, int bits)
    {
        var f = new byte[40];
        Fmt(0xFFFE, channels, rate, bits).CopyTo(f, 0);
        BinaryPrimitives.WriteUInt16LittleEndian(f.AsSpan(16), 22);
        BinaryPrimitives.WriteUInt16LittleEndian(f.AsSpan(18), (ushort)bits);
        BinaryPrimitives.WriteUInt32LittleEndian(f.AsSpan(20), channels == 2 ? 3u : 4u);
        BinaryPrimitives.WriteUInt16LittleEndian(f.AsSpan(24), subFormat);
        byte[] tail = [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];
        tail.CopyTo(f, 26);
        return f;
    }

    public static byte[] Riff(params byte[][] chunks)
    {
        var body = chunks.SelectMany(c => c).ToArray();
        var b = new byte[12 + body.Length];
        "RIFF"u8.CopyTo(b);
        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(4), (uint)(4 + body.Length));
        "WAVE"u8.CopyTo(b.AsSpan(8));
        body.CopyTo(b, 12);
        return b;
    }

    public static byte[] Au(uint encoding, int rate, int channels, byte[] data, uint? sizeField = null, int offset = 24)
    {
        var b = new byte[offset + data.Length];
        ".snd"u8.CopyTo(b);
        BinaryPrimitives.WriteUInt32BigEndian(b.AsSpan(4), (uint)offset);
        BinaryPrimitives.WriteUInt32BigEndian(b.AsSpan(8), sizeField ?? (uint)data.Length);
        BinaryPrimitives.WriteUInt32BigEndian(b.AsSpan(12), encoding);
        BinaryPrimitives.WriteUInt32BigEndian(b.AsSpan(16), (uint)rate);
        BinaryPrimitives.WriteUInt32BigEndian(b.AsSpan(20), (uint)channels);
        data.CopyTo(b, offset);
        return b;
    }
}
