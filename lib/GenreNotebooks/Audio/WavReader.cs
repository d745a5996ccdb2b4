using System.Buffers.Binary;

namespace GenreNotebooks.Audio;

/// <summary>
/// Reads RIFF/WAVE files: PCM 8-bit (unsigned), 16, 24 and 32-bit integer, IEEE float 32 and 64-bit, any channel
/// count, plain or WAVE_FORMAT_EXTENSIBLE (format taken from the sub-format GUID). Unknown chunks are skipped
/// (with the pad byte after odd-sized chunks). Integers are scaled by <c>1 / 2^(bits - 1)</c> as soundfile/librosa do.
/// Bad files raise <see cref="AudioFormatException"/> naming the file and the problem.
/// </summary>
public static class WavReader
{
    private const ushort FormatPcm = 1;
    private const ushort FormatFloat = 3;
    private const ushort FormatExtensible = 0xFFFE;

    // KSDATAFORMAT_SUBTYPE_* GUIDs share these last 14 bytes; the first two hold the format tag.
    private static ReadOnlySpan<byte> GuidTail => [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];

    /// <summary>Reads the WAV file at <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="AudioFormatException">The path is a directory or the content is not a readable WAV file.</exception>
    public static AudioData Read(string path)
    {
        var bytes = AudioFile.ReadAllBytesChecked(path);
        return Read(bytes, path);
    }

    /// <summary>Reads a WAV file held in <paramref name="bytes"/>; <paramref name="name"/> is used in error messages.</summary>
    /// <exception cref="AudioFormatException">The content is not a readable WAV file.</exception>
    public static AudioData Read(ReadOnlySpan<byte> bytes, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (bytes.Length < 12)
            throw new AudioFormatException(name, $"file is {bytes.Length} bytes, too short for a RIFF/WAVE header (truncated or empty file)");
        if (!bytes[..4].SequenceEqual("RIFF"u8) || !bytes.Slice(8, 4).SequenceEqual("WAVE"u8))
            throw new AudioFormatException(name, $"not a RIFF/WAVE file (it starts with bytes {Hex(bytes[..Math.Min(12, bytes.Length)])}); headerless raw samples or another format with a .wav name cannot be read");

        Format? format = null;
        int dataOffset = -1, dataLength = 0;
        long pos = 12;
        while (pos + 8 <= bytes.Length)
        {
            var id = bytes.Slice((int)pos, 4);
            long size = BinaryPrimitives.ReadUInt32LittleEndian(bytes.Slice((int)pos + 4, 4));
            long body = pos + 8;
            if (id.SequenceEqual("fmt "u8))
            {
                if (body + size > bytes.Length)
                    throw new AudioFormatException(name, $"fmt chunk declares {size} bytes but only {bytes.Length - body} remain (truncated file)");
                format = ParseFormat(bytes.Slice((int)body, (int)size), name);
            }
            else if (id.SequenceEqual("data"u8))
            {
                if (body + size > bytes.Length)
                    throw new AudioFormatException(name, $"data chunk declares {size} bytes but only {bytes.Length - body} remain (truncated file)");
                if (dataOffset < 0)
                {
                    dataOffset = (int)body;
                    dataLength = (int)size;
                }
            }
            pos = body + size + (size & 1);
        }
        if (format is null) throw new AudioFormatException(name, "no fmt chunk (not a valid WAV file, or truncated)");
        if (dataOffset < 0) throw new AudioFormatException(name, "no data chunk (not a valid WAV file, or truncated)");
        var f = format.Value;
        int frameBytes = f.Channels * PcmDecoding.BytesPerSample(f.Encoding);
        if (dataLength < frameBytes)
            throw new AudioFormatException(name, $"data chunk is {(dataLength == 0 ? "empty" : $"{dataLength} bytes, less than one frame")} (no samples)");
        var channels = PcmDecoding.Decode(bytes.Slice(dataOffset, dataLength), f.Channels, f.Encoding, bigEndian: false, name);
        return new AudioData(channels, f.SampleRate);
    }

    private readonly record struct Format(int Channels, int SampleRate, PcmEncoding Encoding);

    private static Format ParseFormat(ReadOnlySpan<byte> fmt, string name)
    {
        if (fmt.Length < 16) throw new AudioFormatException(name, $"fmt chunk is {fmt.Length} bytes, at least 16 are needed");
        ushort tag = BinaryPrimitives.ReadUInt16LittleEndian(fmt);
        int channels = BinaryPrimitives.ReadUInt16LittleEndian(fmt[2..]);
        long rate = BinaryPrimitives.ReadUInt32LittleEndian(fmt[4..]);
        int bits = BinaryPrimitives.ReadUInt16LittleEndian(fmt[14..]);
        if (tag == FormatExtensible)
        {
            if (fmt.Length < 40) throw new AudioFormatException(name, $"WAVE_FORMAT_EXTENSIBLE fmt chunk is {fmt.Length} bytes, 40 are needed");
            var guid = fmt.Slice(24, 16);
            if (!guid[2..].SequenceEqual(GuidTail))
                throw new AudioFormatException(name, $"unsupported WAVE_FORMAT_EXTENSIBLE sub-format GUID {Hex(guid)}");
            tag = BinaryPrimitives.ReadUInt16LittleEndian(guid);
        }
        if (channels == 0) throw new AudioFormatException(name, "fmt chunk says 0 channels");
        if (rate == 0 || rate > int.MaxValue) throw new AudioFormatException(name, $"fmt chunk says sample rate {rate} Hz");
        PcmEncoding encoding = (tag, bits) switch
        {
            (FormatPcm, 8) => PcmEncoding.UInt8,
            (FormatPcm, 16) => PcmEncoding.Int16,
            (FormatPcm, 24) => PcmEncoding.Int24,
            (FormatPcm, 32) => PcmEncoding.Int32,
            (FormatFloat, 32) => PcmEncoding.Float32,
            (FormatFloat, 64) => PcmEncoding.Float64,
            (FormatPcm, _) => throw new AudioFormatException(name, $"unsupported PCM sample size of {bits} bits (8, 16, 24 and 32 are supported)"),
            (FormatFloat, _) => throw new AudioFormatException(name, $"unsupported IEEE float sample size of {bits} bits (32 and 64 are supported)"),
            _ => throw new AudioFormatException(name, $"unsupported codec: WAV format tag {tag} ({CodecName(tag)}); only PCM and IEEE float are read directly, convert it with ffmpeg"),
        };
        return new Format(channels, (int)rate, encoding);
    }

    private static string CodecName(ushort tag) => tag switch
    {
        2 => "Microsoft ADPCM",
        6 => "A-law",
        7 => "mu-law",
        0x11 => "IMA ADPCM",
        0x31 => "GSM 6.10",
        0x50 => "MPEG",
        0x55 => "MPEG layer 3",
        _ => "unknown",
    };

    private static string Hex(ReadOnlySpan<byte> b) => Convert.ToHexString(b);
}
