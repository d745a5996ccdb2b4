using NVorbis;

namespace GenreNotebooks.Audio;

/// <summary>
/// Decodes Ogg Vorbis files in-process, without ffmpeg, through NVorbis 0.10.5 (pure C#): float32 at the file's rate,
/// one array per channel, cut to the final granule position (<c>TotalSamples</c>, the exact length the Vorbis
/// specification gives; NVorbis may otherwise hand out samples past it). This equals ffmpeg's decode in length
/// and agrees with it to within 1e-6 for streams that span more than one Ogg page (every real recording tried);
/// for a stream whose audio fits in a single page (well under a second at low bit rates) ffmpeg 5.1 misplaces the
/// end and returns a different length (128 samples fewer, or the decoder's tail), while this reader keeps to the
/// granule position. Only the first logical stream is read (chained files: the first link).
/// Every page is checked first (placement, length, CRC, an end-of-stream page), so truncated, corrupt or empty files
/// raise <see cref="AudioFormatException"/> naming the file and the byte, instead of decoding short or with gaps.
/// </summary>
public static class OggVorbisReader
{
    // A Vorbis packet of at least one byte decodes to at most half the largest block (8192): 4096 samples.
    private const long MaxSamplesPerByte = 4096;

    /// <summary>Decodes the Ogg Vorbis file at <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="AudioFormatException">The file is not a decodable Ogg Vorbis stream (the message says why).</exception>
    public static AudioData Read(string path) => Read(AudioFile.ReadAllBytesChecked(path), path);

    /// <summary>Decodes Ogg Vorbis <paramref name="bytes"/>; <paramref name="name"/> names the source in error messages.</summary>
    /// <exception cref="AudioFormatException">The bytes are not a decodable Ogg Vorbis stream (the message names the source and the problem).</exception>
    public static AudioData Read(byte[] bytes, string name)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(name);
        if (bytes.Length == 0) throw new AudioFormatException(name, "file is empty");
        if (!IsOgg(bytes)) throw new AudioFormatException(name, "not an Ogg file (no \"OggS\" page at its start)");
        if (!IsVorbis(bytes)) throw new AudioFormatException(name, "its first Ogg stream is not Vorbis (Opus, FLAC or Speex in Ogg are decoded through ffmpeg)");
        OggPageCheck.Validate(bytes, name);
        try
        {
            return Decode(bytes, name);
        }
        catch (AudioFormatException)
        {
            throw;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new AudioFormatException(name, $"corrupt Ogg Vorbis data: {e.Message}", e);
        }
    }

    /// <summary>Whether <paramref name="bytes"/> start with an Ogg page.</summary>
    internal static bool IsOgg(ReadOnlySpan<byte> bytes) => bytes.Length >= 4 && bytes[..4].SequenceEqual("OggS"u8);

    /// <summary>Whether the first Ogg page carries a Vorbis identification header ("\x01vorbis").</summary>
    internal static bool IsVorbis(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 27) return false;
        int segments = bytes[26], body = 27 + segments;
        return bytes.Length >= body + 7 && bytes[body] == 1 && bytes.Slice(body + 1, 6).SequenceEqual("vorbis"u8);
    }

    private static AudioData Decode(byte[] bytes, string name)
    {
        using var reader = new VorbisReader(new MemoryStream(bytes, writable: false), closeOnDispose: true);
        int channels = reader.Channels, rate = reader.SampleRate;
        if (channels <= 0 || rate <= 0) throw new AudioFormatException(name, $"invalid Vorbis header ({channels} channels, {rate} Hz)");
        long total = reader.TotalSamples;
        long bound = bytes.Length * MaxSamplesPerByte;
        if (total <= 0) throw new AudioFormatException(name, "holds no audio (its last granule position is 0)");
        if (total > bound || total * channels > Array.MaxLength)
            throw new AudioFormatException(name, $"corrupt: its last granule position ({total} samples) cannot come from {bytes.Length} bytes");

        var interleaved = new float[total * channels];
        long read = 0;
        // ReadSamples returns 0 at the end; every other call moves forward, and the buffer bounds the count.
        while (read < interleaved.Length)
        {
            int n = reader.ReadSamples(interleaved.AsSpan((int)read));
            if (n <= 0) break;
            read += n;
        }
        long frames = read / channels;
        if (frames < total)
            throw new AudioFormatException(name, $"truncated: its granule positions promise {total} samples but only {frames} decode");

        var output = new float[channels][];
        for (int c = 0; c < channels; c++) output[c] = new float[total];
        for (long i = 0, k = 0; i < total; i++)
            for (int c = 0; c < channels; c++, k++)
            {
                float v = interleaved[k];
                if (!float.IsFinite(v)) throw new AudioFormatException(name, $"corrupt: non-finite sample at {i}");
                output[c][i] = v;
            }
        return new AudioData(output, rate);
    }
}
