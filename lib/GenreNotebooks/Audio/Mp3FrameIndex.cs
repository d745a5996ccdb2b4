namespace GenreNotebooks.Audio;

/// <summary>
/// Where the audio frames of an MP3 file are: ID3v2 tags skipped (also several, and between concatenated files),
/// leading junk of up to 64 KiB skipped as ffmpeg does (the first frame must be followed by a matching one),
/// the Xing/Info/VBRI frame recognised (<see cref="Mp3InfoTag"/>), and the stream walked frame by frame to its end,
/// where ID3v1, APE and Lyrics3 tags, zero padding or other trailing bytes that hold no frame header end it.
/// A file is refused, with the byte offset, when its last frame is cut short, when frames stop in the middle and
/// resume after unrelated bytes (lost sync: corrupt data), when the stream changes sample rate, channel count or
/// layer, or when it holds fewer frames than its Xing/Info tag counts (a truncated download).
/// The walk only moves forward, so it always ends.
/// </summary>
internal sealed class Mp3FrameIndex
{
    private const int MaxLeadingJunk = 64 * 1024;

    private Mp3FrameIndex(MpegAudioHeader first, Mp3InfoTag tag, int[] offsets)
    {
        First = first;
        Tag = tag;
        Offsets = offsets;
    }

    /// <summary>The first audio frame's header (sample rate, channels, layer of the stream).</summary>
    public MpegAudioHeader First { get; }

    /// <summary>The Xing/Info/VBRI tag of the first frame, or <see cref="Mp3InfoTag.None"/>.</summary>
    public Mp3InfoTag Tag { get; }

    /// <summary>Byte offset of each audio frame, in order (the tag frame excluded when it is metadata).</summary>
    public int[] Offsets { get; }

    /// <summary>Indexes <paramref name="bytes"/>; <paramref name="name"/> names the file in errors.</summary>
    /// <exception cref="AudioFormatException">No MPEG audio frame, a truncated or corrupt stream (the message says which byte).</exception>
    public static Mp3FrameIndex Build(byte[] bytes, string name)
    {
        if (bytes.Length == 0) throw new AudioFormatException(name, "file is empty");
        int pos = SkipId3v2(bytes, 0, name);
        var tag = Mp3InfoTag.None;
        if (MpegAudioHeader.TryRead(bytes, pos, out var tagHeader) && tagHeader.Layer == 3)
        {
            tag = Mp3InfoTag.Read(bytes, pos, tagHeader);
            if (tag.IsMetadataFrame) pos += tagHeader.FrameLength;
        }

        int start = FindFirstFrame(bytes, pos);
        if (start < 0)
        {
            throw pos >= bytes.Length
                ? new AudioFormatException(name, "holds tags but no MPEG audio frame")
                : new AudioFormatException(name, $"no MPEG audio frame found in the first {MaxLeadingJunk / 1024} KiB after byte {pos} (not an MP3 file?)");
        }
        MpegAudioHeader.TryRead(bytes, start, out var first);

        var offsets = new List<int>(Math.Max(16, (bytes.Length - start) / Math.Max(1, first.FrameLength)));
        pos = start;
        while (pos < bytes.Length)
        {
            if (MpegAudioHeader.TryRead(bytes, pos, out var h) && h.SameStreamAs(first))
            {
                if (h.FrameLength > bytes.Length - pos)
                    throw new AudioFormatException(name, $"truncated: the MPEG frame at byte {pos} needs {h.FrameLength} bytes but the file ends after {bytes.Length - pos}");
                offsets.Add(pos);
                pos += h.FrameLength;
                continue;
            }
            if (IsId3v2(bytes, pos))
            {
                pos = SkipId3v2(bytes, pos, name);
                continue;
            }
            if (IsTrailingTag(bytes, pos)) break;
            if (MpegAudioHeader.TryRead(bytes, pos, out var other) && Confirmed(bytes, pos, other, other))
                throw new AudioFormatException(name, $"the stream changes at byte {pos} from {Describe(first)} to {Describe(other)}");
            int next = FindConfirmedFrame(bytes, pos + 1, bytes.Length, first);
            if (next < 0) break; // trailing bytes without a frame: ignored, as ffmpeg ignores them
            throw new AudioFormatException(name, $"corrupt: lost MPEG frame sync at byte {pos} ({next - pos} bytes of non-audio data before the next frame)");
        }

        if (tag.FrameCount > 0 && offsets.Count < tag.FrameCount)
            throw new AudioFormatException(name, $"truncated: its {tag.Kind} tag counts {tag.FrameCount} audio frames but the file holds {offsets.Count}");
        if ((long)offsets.Count * first.SamplesPerFrame > Array.MaxLength)
            throw new AudioFormatException(name, $"too long: {offsets.Count} frames exceed the largest array of samples");
        return new Mp3FrameIndex(first, tag, offsets.ToArray());
    }

    private static string Describe(MpegAudioHeader h) =>
        $"MPEG-{(h.Version == 25 ? "2.5" : h.Version.ToString(System.Globalization.CultureInfo.InvariantCulture))} layer {h.Layer} {h.SampleRate} Hz {(h.ChannelCount == 1 ? "mono" : "stereo")}";

    // The first frame whose successor matches it (or that ends the file exactly), within the leading-junk window.
    private static int FindFirstFrame(byte[] bytes, int from)
    {
        int limit = (int)Math.Min(bytes.Length, (long)from + MaxLeadingJunk);
        for (int i = from; i < limit; i++)
        {
            if (bytes[i] != 0xFF || !MpegAudioHeader.TryRead(bytes, i, out var h)) continue;
            if (Confirmed(bytes, i, h, h)) return i;
        }
        return -1;
    }

    private static int FindConfirmedFrame(byte[] bytes, int from, int limit, MpegAudioHeader stream)
    {
        for (int i = from; i < limit; i++)
        {
            if (bytes[i] != 0xFF || !MpegAudioHeader.TryRead(bytes, i, out var h) || !h.SameStreamAs(stream)) continue;
            if (Confirmed(bytes, i, h, stream)) return i;
        }
        return -1;
    }

    private static bool Confirmed(byte[] bytes, int at, MpegAudioHeader h, MpegAudioHeader stream)
    {
        long next = (long)at + h.FrameLength;
        if (next == bytes.Length) return true;
        if (next > bytes.Length - 4) return false;
        return MpegAudioHeader.TryRead(bytes, (int)next, out var n) && n.SameStreamAs(stream);
    }

    /// <summary>Where the ID3v2 tags at the start end (0 without tags; the file's length when a tag overruns it).</summary>
    public static int EndOfId3v2Tags(byte[] bytes)
    {
        int at = 0;
        while (IsId3v2(bytes, at))
        {
            long end = at + 10L + Id3v2Size(bytes, at);
            if (end > bytes.Length) return bytes.Length;
            at = (int)end;
        }
        return at;
    }

    private static long Id3v2Size(byte[] b, int at) =>
        ((b[at + 6] << 21) | (b[at + 7] << 14) | (b[at + 8] << 7) | b[at + 9]) + ((b[at + 5] & 0x10) != 0 ? 10 : 0);

    private static bool IsId3v2(byte[] b, int at) =>
        at <= b.Length - 10 && b[at] == 'I' && b[at + 1] == 'D' && b[at + 2] == '3' && b[at + 3] != 0xFF && b[at + 4] != 0xFF
        && (b[at + 6] | b[at + 7] | b[at + 8] | b[at + 9]) < 0x80;

    // Skips consecutive ID3v2 tags (10-byte header, syncsafe size, optional 10-byte footer).
    private static int SkipId3v2(byte[] b, int at, string name)
    {
        while (IsId3v2(b, at))
        {
            long end = at + 10L + Id3v2Size(b, at);
            if (end > b.Length)
                throw new AudioFormatException(name, $"truncated: the ID3v2 tag at byte {at} claims {end - at} bytes but the file ends after {b.Length - at}");
            at = (int)end;
        }
        return at;
    }

    // ID3v1 ("TAG", 128 bytes at the end), APE ("APETAGEX") and Lyrics3 ("LYRICSBEGIN") tags end the audio.
    private static bool IsTrailingTag(byte[] b, int at)
    {
        if (at == b.Length - 128 && Matches(b, at, "TAG")) return true;
        return Matches(b, at, "APETAGEX") || Matches(b, at, "LYRICSBEGIN");
    }

    private static bool Matches(byte[] b, int at, string ascii)
    {
        if (at > b.Length - ascii.Length) return false;
        for (int i = 0; i < ascii.Length; i++) if (b[at + i] != ascii[i]) return false;
        return true;
    }
}
