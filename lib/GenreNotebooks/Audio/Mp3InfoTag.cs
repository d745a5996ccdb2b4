namespace GenreNotebooks.Audio;

/// <summary>
/// The VBR/gapless tag an MP3 encoder writes into a silent first frame, read the way ffmpeg's mp3 demuxer reads it
/// (libavformat/mp3dec.c), so that trimming gives ffmpeg's sample count:
/// <list type="bullet">
/// <item>a Xing ("Xing", VBR) or Info ("Info", CBR) tag right after the side information: flags, then the frame count,
/// byte count, 100-byte seek table and quality when their flags are set;</item>
/// <item>after it the LAME extension: a 9-byte encoder string and, at a fixed offset, 12 bits of encoder delay and 12 of
/// padding. ffmpeg trusts them when the string starts with "LAME", "Lavf" or "Lavc" (ffmpeg's own encoder);</item>
/// <item>a Fraunhofer VBRI tag 32 bytes after the header, which carries frame and byte counts but no gapless fields.</item>
/// </list>
/// With gapless fields the decoder's output skips <c>delay + 529</c> samples (529: the MPEG decoder's own delay) and,
/// when the frame count is known, ends <c>padding - 529</c> samples before <c>frames * samplesPerFrame</c>; see
/// <see cref="Mp3GaplessTrim"/>. Frame and byte counts that do not fit the file (a concatenated file: the file exceeds
/// the counted bytes by more than 1/16) are ignored for trimming, as ffmpeg does.
/// </summary>
internal sealed class Mp3InfoTag
{
    private const int DecoderDelay = 529;

    private Mp3InfoTag()
    {
    }

    /// <summary>"Xing", "Info", "VBRI", or null when the first frame carries no tag.</summary>
    public string? Kind { get; private init; }

    /// <summary>Audio frames the tag counts (0 when absent or ignored).</summary>
    public long FrameCount { get; private init; }

    /// <summary>Stream bytes the tag counts (0 when absent).</summary>
    public long ByteCount { get; private init; }

    /// <summary>The 9-character encoder string of the LAME extension ("LAME3.100", "Lavc59.37"), or "".</summary>
    public string Encoder { get; private init; } = "";

    /// <summary>Whether the encoder string is one whose delay and padding ffmpeg trusts (LAME, Lavf, Lavc).</summary>
    public bool HasGaplessFields { get; private init; }

    /// <summary>Samples of encoder delay at the start (valid when <see cref="HasGaplessFields"/>).</summary>
    public int EncoderDelay { get; private init; }

    /// <summary>Samples of padding at the end (valid when <see cref="HasGaplessFields"/>).</summary>
    public int EncoderPadding { get; private init; }

    /// <summary>
    /// Whether the tag frame is metadata, not audio: ffmpeg skips it when the tag counts frames or bytes and decodes
    /// it as audio otherwise.
    /// </summary>
    public bool IsMetadataFrame => Kind is not null && (FrameCount != 0 || ByteCount != 0);

    /// <summary>The trimming ffmpeg applies to the decoded frames that follow this tag.</summary>
    public Mp3GaplessTrim Trim(int samplesPerFrame)
    {
        if (!HasGaplessFields) return Mp3GaplessTrim.None;
        long skip = EncoderDelay + DecoderDelay;
        if (FrameCount == 0) return new Mp3GaplessTrim(skip, 0, 0);
        long end = FrameCount * samplesPerFrame;
        return new Mp3GaplessTrim(skip, end - EncoderPadding + DecoderDelay, end);
    }

    /// <summary>An empty tag: the first frame is audio and nothing is trimmed.</summary>
    public static Mp3InfoTag None { get; } = new();

    /// <summary>Reads the tag of the layer III frame at <paramref name="offset"/> (bytes past the file's end read as 0, as ffmpeg's reader does).</summary>
    public static Mp3InfoTag Read(byte[] bytes, int offset, MpegAudioHeader header)
    {
        if (header.Layer != 3) return None;
        int pos = offset + 4 + header.XingOffset;
        string? kind = Ascii(bytes, pos, 4);
        long frames = 0, byteCount = 0;
        string encoder = "";
        bool gapless = false;
        int delay = 0, padding = 0;
        if (kind is "Xing" or "Info")
        {
            pos += 4;
            uint flags = U32(bytes, pos);
            pos += 4;
            if ((flags & 1) != 0) { frames = U32(bytes, pos); pos += 4; }
            if ((flags & 2) != 0) { byteCount = U32(bytes, pos); pos += 4; }
            // What ffmpeg measures against: the file's size after this frame's 4-byte header.
            long available = Math.Max(0, bytes.Length - (offset + 4L));
            if (available > 0 && byteCount > 0)
            {
                long min = Math.Min(available, byteCount), delta = Math.Max(available, byteCount) - min;
                if (available > byteCount && delta > min >> 4) frames = 0;
            }
            if ((flags & 4) != 0) pos += 100;
            if ((flags & 8) != 0) pos += 4;
            encoder = Ascii(bytes, pos, 9) ?? "";
            // Encoder string (9), revision/VBR method, lowpass, peak (4), two replay gains (2 + 2), flags, bit rate.
            int delays = U24(bytes, pos + 9 + 1 + 1 + 4 + 2 + 2 + 1 + 1);
            gapless = encoder.StartsWith("LAME", StringComparison.Ordinal) || encoder.StartsWith("Lavf", StringComparison.Ordinal)
                || encoder.StartsWith("Lavc", StringComparison.Ordinal);
            if (gapless)
            {
                delay = delays >> 12;
                padding = delays & 0xFFF;
            }
        }
        else
        {
            kind = null;
        }

        int vbri = offset + 4 + 32;
        if (Ascii(bytes, vbri, 4) == "VBRI" && U16(bytes, vbri + 4) == 1)
        {
            // Version 1: delay (2), quality (2), bytes (4), frames (4). The delay is not used by ffmpeg.
            byteCount = U32(bytes, vbri + 10);
            frames = U32(bytes, vbri + 14);
            kind ??= "VBRI";
        }
        if (kind is null) return None;
        return new Mp3InfoTag
        {
            Kind = kind,
            FrameCount = frames,
            ByteCount = byteCount,
            Encoder = encoder.TrimEnd('\0', ' '),
            HasGaplessFields = gapless,
            EncoderDelay = delay,
            EncoderPadding = padding,
        };
    }

    private static byte At(byte[] b, int i) => i >= 0 && i < b.Length ? b[i] : (byte)0;

    private static uint U32(byte[] b, int i) => (uint)(At(b, i) << 24 | At(b, i + 1) << 16 | At(b, i + 2) << 8 | At(b, i + 3));

    private static int U24(byte[] b, int i) => At(b, i) << 16 | At(b, i + 1) << 8 | At(b, i + 2);

    private static int U16(byte[] b, int i) => At(b, i) << 8 | At(b, i + 1);

    private static string? Ascii(byte[] b, int i, int n)
    {
        if (i < 0 || i > b.Length - n) return null;
        var chars = new char[n];
        for (int k = 0; k < n; k++) chars[k] = (char)b[i + k];
        return new string(chars);
    }
}
