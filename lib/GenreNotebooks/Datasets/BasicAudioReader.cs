using System.Buffers.Binary;
using GenreNotebooks.Audio;

namespace GenreNotebooks.Datasets;

/// <summary>
/// A minimal decoder for what GTZAN and the synthetic set use: RIFF/WAVE PCM 8/16/24/32-bit and float32, and Sun AU
/// 16-bit linear PCM (the original tarball), mixed down to mono. No resampling: a file at another rate is rejected.
/// The Audio room's full loader replaces it as <see cref="TrackAudioLoader"/>'s default when available.
/// </summary>
internal static class BasicAudioReader
{
    public static AudioSignal Load(string path, int sampleRate)
    {
        var bytes = File.ReadAllBytes(path);
        var ext = Path.GetExtension(path).ToLowerInvariant();
        var signal = ext is ".au" or ".snd" ? ReadAu(path, bytes) : ext == ".wav" ? ReadWav(path, bytes)
            : throw new InvalidDataException($"'{path}': no decoder for '{ext}' files in the basic reader");
        if (signal.SampleRate != sampleRate)
            throw new InvalidDataException($"'{path}': sample rate {signal.SampleRate} Hz, expected {sampleRate} Hz (the basic reader does not resample)");
        return signal;
    }

    private static AudioSignal ReadWav(string path, byte[] b)
    {
        if (b.Length < 12 || !b.AsSpan(0, 4).SequenceEqual("RIFF"u8) || !b.AsSpan(8, 4).SequenceEqual("WAVE"u8))
            throw new InvalidDataException($"'{path}': not a RIFF/WAVE file");
        int pos = 12, channels = 0, rate = 0, bits = 0, format = 0;
        while (pos + 8 <= b.Length)
        {
            var id = b.AsSpan(pos, 4);
            int size = (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(pos + 4)), (uint)(b.Length - pos - 8));
            int body = pos + 8;
            if (id.SequenceEqual("fmt "u8))
            {
                if (size < 16) throw new InvalidDataException($"'{path}': fmt chunk of {size} bytes");
                format = BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(body));
                channels = BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(body + 2));
                rate = (int)BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(body + 4));
                bits = BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(body + 14));
                if (format == 0xFFFE && size >= 26) format = BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(body + 24));
            }
            else if (id.SequenceEqual("data"u8))
            {
                if (channels == 0) throw new InvalidDataException($"'{path}': data chunk before fmt chunk");
                return Decode(path, b.AsSpan(body, size), format, channels, rate, bits, bigEndian: false);
            }
            pos = body + size + (size & 1);
        }
        throw new InvalidDataException($"'{path}': no data chunk");
    }

    private static AudioSignal ReadAu(string path, byte[] b)
    {
        if (b.Length < 24 || !b.AsSpan(0, 4).SequenceEqual(".snd"u8)) throw new InvalidDataException($"'{path}': not a Sun AU file");
        int offset = (int)BinaryPrimitives.ReadUInt32BigEndian(b.AsSpan(4));
        uint size = BinaryPrimitives.ReadUInt32BigEndian(b.AsSpan(8));
        int encoding = (int)BinaryPrimitives.ReadUInt32BigEndian(b.AsSpan(12));
        int rate = (int)BinaryPrimitives.ReadUInt32BigEndian(b.AsSpan(16));
        int channels = (int)BinaryPrimitives.ReadUInt32BigEndian(b.AsSpan(20));
        if (offset < 24 || offset > b.Length) throw new InvalidDataException($"'{path}': AU data offset {offset} outside the file");
        int available = b.Length - offset;
        int n = size == 0xFFFFFFFF || size > available ? available : (int)size;
        int bits = encoding switch { 2 => 8, 3 => 16, 4 => 24, 5 => 32, 6 => 32, _ => throw new InvalidDataException($"'{path}': AU encoding {encoding} not supported") };
        return Decode(path, b.AsSpan(offset, n), encoding == 6 ? 3 : 1, channels, rate, bits, bigEndian: true);
    }

    private static AudioSignal Decode(string path, ReadOnlySpan<byte> d, int format, int channels, int rate, int bits, bool bigEndian)
    {
        if (channels < 1 || rate <= 0) throw new InvalidDataException($"'{path}': {channels} channels at {rate} Hz");
        if (format != 1 && !(format == 3 && bits == 32)) throw new InvalidDataException($"'{path}': sample format {format} with {bits} bits not supported");
        int bps = bits / 8;
        int frames = d.Length / (bps * channels);
        var y = new float[frames];
        for (int f = 0; f < frames; f++)
        {
            float sum = 0;
            for (int c = 0; c < channels; c++)
            {
                var s = d.Slice((f * channels + c) * bps, bps);
                sum += (bits, format, bigEndian) switch
                {
                    (8, _, _) => bigEndian ? (sbyte)s[0] / 128f : (s[0] - 128) / 128f,
                    (16, _, false) => BinaryPrimitives.ReadInt16LittleEndian(s) / 32768f,
                    (16, _, true) => BinaryPrimitives.ReadInt16BigEndian(s) / 32768f,
                    (24, _, false) => ((s[0] << 8) | (s[1] << 16) | (s[2] << 24)) / 2147483648f,
                    (24, _, true) => ((s[2] << 8) | (s[1] << 16) | (s[0] << 24)) / 2147483648f,
                    (32, 3, false) => BinaryPrimitives.ReadSingleLittleEndian(s),
                    (32, 3, true) => BinaryPrimitives.ReadSingleBigEndian(s),
                    (32, _, false) => BinaryPrimitives.ReadInt32LittleEndian(s) / 2147483648f,
                    (32, _, true) => BinaryPrimitives.ReadInt32BigEndian(s) / 2147483648f,
                    _ => throw new InvalidDataException($"'{path}': {bits}-bit samples not supported"),
                };
            }
            y[f] = sum / channels;
        }
        return new AudioSignal(y, rate);
    }
}
