namespace GenreNotebooks.Audio;

/// <summary>
/// The 4-byte header of an MPEG-1/2/2.5 audio frame (ISO 11172-3 2.4.1.3, ISO 13818-3): sync word, version, layer,
/// bit rate, sample rate, padding and channel mode, and what follows from them (frame length in bytes, samples per
/// frame, size of the layer III side information). Free-format frames (bit-rate index 0) are not accepted: their
/// length is not in the header.
/// </summary>
internal readonly struct MpegAudioHeader
{
    private static readonly int[] SampleRatesMpeg1 = [44100, 48000, 32000];

    // Bit rates in kbit/s by [table][index]: MPEG-1 layers I, II, III, then MPEG-2/2.5 layer I, layers II and III.
    private static readonly int[][] BitRates =
    [
        [0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448],
        [0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384],
        [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
        [0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256],
        [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
    ];

    private MpegAudioHeader(uint raw, int version, int layer, int bitRate, int sampleRate, int frameLength, int samplesPerFrame)
    {
        Raw = raw;
        Version = version;
        Layer = layer;
        BitRate = bitRate;
        SampleRate = sampleRate;
        FrameLength = frameLength;
        SamplesPerFrame = samplesPerFrame;
    }

    /// <summary>The header as read, big-endian.</summary>
    public uint Raw { get; }

    /// <summary>1 (MPEG-1), 2 (MPEG-2) or 25 (MPEG-2.5).</summary>
    public int Version { get; }

    /// <summary>1, 2 or 3.</summary>
    public int Layer { get; }

    /// <summary>Bits per second.</summary>
    public int BitRate { get; }

    /// <summary>Samples per second.</summary>
    public int SampleRate { get; }

    /// <summary>Bytes in the frame, header included.</summary>
    public int FrameLength { get; }

    /// <summary>Samples per channel the frame decodes to: 384 (layer I), 1152, or 576 (layer III of MPEG-2/2.5).</summary>
    public int SamplesPerFrame { get; }

    /// <summary>Raw 2-bit version field (3: MPEG-1, 2: MPEG-2, 0: MPEG-2.5).</summary>
    public int VersionBits => (int)(Raw >> 19) & 3;

    /// <summary>Raw 2-bit sample-rate index.</summary>
    public int SampleRateIndex => (int)(Raw >> 10) & 3;

    /// <summary>Raw 4-bit bit-rate index.</summary>
    public int BitRateIndex => (int)(Raw >> 12) & 15;

    /// <summary>Whether a 16-bit CRC follows the header.</summary>
    public bool HasCrc => ((Raw >> 16) & 1) == 0;

    /// <summary>0 stereo, 1 joint stereo, 2 dual channel, 3 mono.</summary>
    public int ChannelMode => (int)(Raw >> 6) & 3;

    /// <summary>The 2-bit mode extension (joint-stereo coding tools).</summary>
    public int ModeExtension => (int)(Raw >> 4) & 3;

    /// <summary>Whether the copyright bit is set.</summary>
    public bool IsCopyrighted => ((Raw >> 3) & 1) == 1;

    /// <summary>1 for mono frames, otherwise 2.</summary>
    public int ChannelCount => ChannelMode == 3 ? 1 : 2;

    /// <summary>True for MPEG-2 and 2.5 (the "low sampling frequency" extension).</summary>
    public bool IsLowSampleRate => Version != 1;

    /// <summary>
    /// Bytes between the 4-byte header and a layer III frame's Xing/Info tag (the side information's size; ffmpeg's
    /// table, which ignores the CRC): 32 or 17 for MPEG-1 stereo or mono, 17 or 9 for MPEG-2/2.5.
    /// </summary>
    public int XingOffset => IsLowSampleRate ? (ChannelCount == 1 ? 9 : 17) : (ChannelCount == 1 ? 17 : 32);

    /// <summary>
    /// Whether <paramref name="other"/> belongs to the same stream: same version, layer, sample rate and channel
    /// count (the fields that fix the decoder's output shape).
    /// </summary>
    public bool SameStreamAs(MpegAudioHeader other) =>
        Version == other.Version && Layer == other.Layer && SampleRate == other.SampleRate && ChannelCount == other.ChannelCount;

    /// <summary>Parses the header at <paramref name="bytes"/>[<paramref name="at"/>..]; false when it is not a valid one.</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, int at, out MpegAudioHeader header)
    {
        header = default;
        if (at < 0 || at > bytes.Length - 4) return false;
        uint raw = (uint)(bytes[at] << 24 | bytes[at + 1] << 16 | bytes[at + 2] << 8 | bytes[at + 3]);
        return TryParse(raw, out header);
    }

    /// <summary>Parses a big-endian header word; false for a missing sync, reserved fields or a free-format bit rate.</summary>
    public static bool TryParse(uint raw, out MpegAudioHeader header)
    {
        header = default;
        if ((raw & 0xFFE00000u) != 0xFFE00000u) return false;
        int versionBits = (int)(raw >> 19) & 3, layerBits = (int)(raw >> 17) & 3;
        int bitRateIndex = (int)(raw >> 12) & 15, rateIndex = (int)(raw >> 10) & 3;
        if (versionBits == 1 || layerBits == 0 || bitRateIndex == 0 || bitRateIndex == 15 || rateIndex == 3) return false;
        int version = versionBits switch { 3 => 1, 2 => 2, _ => 25 };
        int layer = 4 - layerBits;
        int sampleRate = SampleRatesMpeg1[rateIndex] >> (version == 1 ? 0 : version == 2 ? 1 : 2);
        int table = version == 1 ? layer - 1 : layer == 1 ? 3 : 4;
        int bitRate = BitRates[table][bitRateIndex] * 1000;
        int padding = (int)(raw >> 9) & 1;
        int frameLength, samples;
        if (layer == 1)
        {
            frameLength = (12 * bitRate / sampleRate + padding) * 4;
            samples = 384;
        }
        else
        {
            bool halfFrame = layer == 3 && version != 1;
            frameLength = (halfFrame ? 72 : 144) * bitRate / sampleRate + padding;
            samples = halfFrame ? 576 : 1152;
        }
        header = new MpegAudioHeader(raw, version, layer, bitRate, sampleRate, frameLength, samples);
        return true;
    }
}
