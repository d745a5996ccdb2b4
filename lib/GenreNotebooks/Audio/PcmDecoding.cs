using System.Buffers.Binary;

namespace GenreNotebooks.Audio;

/// <summary>Sample encodings shared by the WAV and AU readers, with libsndfile's float scaling.</summary>
internal enum PcmEncoding
{
    UInt8,
    Int8,
    Int16,
    Int24,
    Int32,
    Float32,
    Float64,
    MuLaw,
    ALaw,
}

/// <summary>Interleaved bytes to per-channel float32, scaling integers by 2^(bits-1) as soundfile does.</summary>
internal static class PcmDecoding
{
    public static int BytesPerSample(PcmEncoding e) => e switch
    {
        PcmEncoding.UInt8 or PcmEncoding.Int8 or PcmEncoding.MuLaw or PcmEncoding.ALaw => 1,
        PcmEncoding.Int16 => 2,
        PcmEncoding.Int24 => 3,
        PcmEncoding.Int32 or PcmEncoding.Float32 => 4,
        _ => 8,
    };

    public static float[][] Decode(ReadOnlySpan<byte> data, int channels, PcmEncoding encoding, bool bigEndian, string path)
    {
        int bps = BytesPerSample(encoding);
        int frames = data.Length / (bps * channels);
        var result = new float[channels][];
        for (int c = 0; c < channels; c++) result[c] = new float[frames];
        if (encoding == PcmEncoding.Int16 && !bigEndian && BitConverter.IsLittleEndian)
        {
            // The common case (16-bit WAV) without the per-sample switch: the same value, v / 32768f.
            var pcm = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, short>(data[..(frames * channels * 2)]);
            if (channels == 1)
                for (int i = 0; i < frames; i++) result[0][i] = pcm[i] / 32768f;
            else if (channels == 2)
            {
                float[] left = result[0], right = result[1];
                for (int i = 0; i < frames; i++)
                {
                    left[i] = pcm[2 * i] / 32768f;
                    right[i] = pcm[2 * i + 1] / 32768f;
                }
            }
            else
                for (int i = 0, k = 0; i < frames; i++)
                    for (int c = 0; c < channels; c++) result[c][i] = pcm[k++] / 32768f;
            return result;
        }
        int pos = 0;
        for (int i = 0; i < frames; i++)
        {
            for (int c = 0; c < channels; c++, pos += bps)
            {
                var b = data.Slice(pos, bps);
                float v = encoding switch
                {
                    PcmEncoding.UInt8 => (b[0] - 128) / 128f,
                    PcmEncoding.Int8 => (sbyte)b[0] / 128f,
                    PcmEncoding.Int16 => (bigEndian ? BinaryPrimitives.ReadInt16BigEndian(b) : BinaryPrimitives.ReadInt16LittleEndian(b)) / 32768f,
                    PcmEncoding.Int24 => Int24(b, bigEndian) / 8388608f,
                    PcmEncoding.Int32 => (float)((bigEndian ? BinaryPrimitives.ReadInt32BigEndian(b) : BinaryPrimitives.ReadInt32LittleEndian(b)) / 2147483648.0),
                    PcmEncoding.Float32 => bigEndian ? BinaryPrimitives.ReadSingleBigEndian(b) : BinaryPrimitives.ReadSingleLittleEndian(b),
                    PcmEncoding.Float64 => (float)(bigEndian ? BinaryPrimitives.ReadDoubleBigEndian(b) : BinaryPrimitives.ReadDoubleLittleEndian(b)),
                    PcmEncoding.MuLaw => MuLawToLinear(b[0]) / 32768f,
                    _ => ALawToLinear(b[0]) / 32768f,
                };
                if (!float.IsFinite(v))
                    throw new AudioFormatException(path, $"sample {i} of channel {c} is {v} (not a finite number); the float data is corrupt");
                result[c][i] = v;
            }
        }
        return result;
    }

    private static int Int24(ReadOnlySpan<byte> b, bool bigEndian)
    {
        int v = bigEndian ? (b[0] << 16) | (b[1] << 8) | b[2] : b[0] | (b[1] << 8) | (b[2] << 16);
        return (v << 8) >> 8; // sign-extend from 24 bits
    }

    /// <summary>ITU-T G.711 mu-law byte to a 16-bit linear value (range +-32124).</summary>
    internal static int MuLawToLinear(byte code)
    {
        int u = ~code & 0xFF;
        int exponent = (u >> 4) & 0x07;
        int mantissa = u & 0x0F;
        int magnitude = ((mantissa << 3) + 0x84) << exponent;
        return (u & 0x80) != 0 ? 0x84 - magnitude : magnitude - 0x84;
    }

    /// <summary>ITU-T G.711 A-law byte to a 16-bit linear value (range +-32256).</summary>
    internal static int ALawToLinear(byte code)
    {
        int a = code ^ 0x55;
        int exponent = (a >> 4) & 0x07;
        int mantissa = a & 0x0F;
        int magnitude = exponent == 0 ? (mantissa << 4) + 8 : ((mantissa << 4) + 0x108) << (exponent - 1);
        return (a & 0x80) != 0 ? magnitude : -magnitude;
    }
}
