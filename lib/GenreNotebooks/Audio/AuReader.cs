using System.Buffers.Binary;

namespace GenreNotebooks.Audio;

/// <summary>
/// Reads Sun/NeXT <c>.au</c> files (big-endian): 8-bit mu-law and A-law, 8, 16, 24 and 32-bit linear PCM,
/// 32 and 64-bit float, any channel count. Honours the header's data offset and the "unknown size" marker
/// 0xFFFFFFFF (data runs to the end of the file). Integers are scaled by <c>1 / 2^(bits - 1)</c>, G.711 codes by
/// 1/32768 of their 16-bit value, as libsndfile does.
/// </summary>
public static class AuReader
{
    private const uint UnknownSize = 0xFFFFFFFF;

    /// <summary>Reads the AU file at <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="AudioFormatException">The path is a directory or the content is not a readable AU file.</exception>
    public static AudioData Read(string path)
    {
        var bytes = AudioFile.ReadAllBytesChecked(path);
        return Read(bytes, path);
    }

    /// <summary>Reads an AU file held in <paramref name="bytes"/>; <paramref name="name"/> is used in error messages.</summary>
    /// <exception cref="AudioFormatException">The content is not a readable AU file.</exception>
    public static AudioData Read(ReadOnlySpan<byte> bytes, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (bytes.Length < 24)
            throw new AudioFormatException(name, $"file is {bytes.Length} bytes, too short for a .au header (truncated or empty file)");
        if (!bytes[..4].SequenceEqual(".snd"u8))
            throw new AudioFormatException(name, $"not a Sun .au file (it starts with bytes {Convert.ToHexString(bytes[..4])}, not \".snd\")");
        uint offset = BinaryPrimitives.ReadUInt32BigEndian(bytes[4..]);
        uint size = BinaryPrimitives.ReadUInt32BigEndian(bytes[8..]);
        uint encodingCode = BinaryPrimitives.ReadUInt32BigEndian(bytes[12..]);
        uint rate = BinaryPrimitives.ReadUInt32BigEndian(bytes[16..]);
        uint channels = BinaryPrimitives.ReadUInt32BigEndian(bytes[20..]);
        if (offset < 24) throw new AudioFormatException(name, $"header says data starts at byte {offset}, inside the 24-byte header");
        if (offset > bytes.Length) throw new AudioFormatException(name, $"header says data starts at byte {offset} but the file has {bytes.Length} bytes (truncated file)");
        if (channels == 0) throw new AudioFormatException(name, "header says 0 channels");
        if (channels > 1024) throw new AudioFormatException(name, $"header says {channels} channels");
        if (rate == 0 || rate > int.MaxValue) throw new AudioFormatException(name, $"header says sample rate {rate} Hz");
        PcmEncoding encoding = encodingCode switch
        {
            1 => PcmEncoding.MuLaw,
            2 => PcmEncoding.Int8,
            3 => PcmEncoding.Int16,
            4 => PcmEncoding.Int24,
            5 => PcmEncoding.Int32,
            6 => PcmEncoding.Float32,
            7 => PcmEncoding.Float64,
            27 => PcmEncoding.ALaw,
            _ => throw new AudioFormatException(name, $"unsupported .au encoding {encodingCode} (supported: 1 mu-law, 2-5 linear PCM, 6-7 float, 27 A-law)"),
        };
        long available = bytes.Length - offset;
        long length = size == UnknownSize ? available : size;
        if (length > available)
            throw new AudioFormatException(name, $"header declares {size} data bytes but only {available} remain (truncated file)");
        int frameBytes = (int)channels * PcmDecoding.BytesPerSample(encoding);
        if (length < frameBytes) throw new AudioFormatException(name, "data is empty (no samples)");
        var data = PcmDecoding.Decode(bytes.Slice((int)offset, (int)length), (int)channels, encoding, bigEndian: true, name);
        return new AudioData(data, (int)rate);
    }
}
