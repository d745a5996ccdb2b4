using System.Buffers.Binary;

namespace GenreNotebooks.Audio;

/// <summary>
/// Writes mono RIFF/WAVE files: 16-bit PCM (rounded, clipped) or 32-bit float. The synthetic dataset is written with it.
/// </summary>
public static class WavWriter
{
    /// <summary>Writes <paramref name="signal"/> to <paramref name="path"/>, creating the folder if needed.</summary>
    public static void Write(string path, AudioSignal signal, WavSampleFormat format = WavSampleFormat.Pcm16)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(signal);
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        using var stream = File.Create(path);
        Write(stream, signal, format);
    }

    /// <summary>Writes <paramref name="signal"/> as a WAV byte stream to <paramref name="stream"/>.</summary>
    public static void Write(Stream stream, AudioSignal signal, WavSampleFormat format = WavSampleFormat.Pcm16)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(signal);
        int bytesPerSample = format == WavSampleFormat.Pcm16 ? 2 : 4;
        long dataBytes = (long)signal.Length * bytesPerSample;
        if (dataBytes > uint.MaxValue - 44)
            throw new ArgumentException($"signal of {signal.Length} samples is too long for a WAV file", nameof(signal));

        Span<byte> header = stackalloc byte[44];
        "RIFF"u8.CopyTo(header);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], (uint)(36 + dataBytes));
        "WAVE"u8.CopyTo(header[8..]);
        "fmt "u8.CopyTo(header[12..]);
        BinaryPrimitives.WriteUInt32LittleEndian(header[16..], 16);
        BinaryPrimitives.WriteUInt16LittleEndian(header[20..], (ushort)(format == WavSampleFormat.Pcm16 ? 1 : 3));
        BinaryPrimitives.WriteUInt16LittleEndian(header[22..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(header[24..], (uint)signal.SampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(header[28..], (uint)(signal.SampleRate * bytesPerSample));
        BinaryPrimitives.WriteUInt16LittleEndian(header[32..], (ushort)bytesPerSample);
        BinaryPrimitives.WriteUInt16LittleEndian(header[34..], (ushort)(8 * bytesPerSample));
        "data"u8.CopyTo(header[36..]);
        BinaryPrimitives.WriteUInt32LittleEndian(header[40..], (uint)dataBytes);
        stream.Write(header);

        var buffer = new byte[Math.Min(dataBytes, 1 << 16)];
        int perChunk = buffer.Length / bytesPerSample;
        var samples = signal.Samples;
        for (int start = 0; start < samples.Length; start += perChunk)
        {
            int n = Math.Min(perChunk, samples.Length - start);
            for (int i = 0; i < n; i++)
            {
                float x = samples[start + i];
                if (format == WavSampleFormat.Pcm16)
                {
                    // Scale by 32768 (the reader's divisor) so write -> read is the identity on 16-bit values.
                    float scaled = MathF.Round(x * 32768f);
                    short s = scaled >= short.MaxValue ? short.MaxValue : scaled <= short.MinValue ? short.MinValue : (short)scaled;
                    BinaryPrimitives.WriteInt16LittleEndian(buffer.AsSpan(2 * i), s);
                }
                else
                {
                    BinaryPrimitives.WriteSingleLittleEndian(buffer.AsSpan(4 * i), x);
                }
            }
            stream.Write(buffer, 0, n * bytesPerSample);
        }
    }
}
