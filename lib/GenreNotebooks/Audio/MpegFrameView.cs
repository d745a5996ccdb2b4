using NLayer;

namespace GenreNotebooks.Audio;

/// <summary>
/// One MPEG audio frame inside the file's bytes, handed to NLayer's <see cref="MpegFrameDecoder"/>. NLayer reads the
/// frame through <see cref="ReadBits"/> from just after the header (and CRC); one instance is re-pointed at each frame
/// so decoding allocates nothing per frame.
/// </summary>
internal sealed class MpegFrameView : IMpegFrame
{
    private byte[] _bytes = [];
    private int _start, _end, _position;
    private ulong _bucket;
    private int _bucketBits;

    public MpegAudioHeader Header { get; private set; }

    /// <summary>Points the view at the frame starting at <paramref name="offset"/>.</summary>
    public void Point(byte[] bytes, int offset, MpegAudioHeader header)
    {
        _bytes = bytes;
        Header = header;
        _start = offset + 4 + (header.HasCrc ? 2 : 0);
        _end = offset + header.FrameLength;
        Reset();
    }

    public int SampleRate => Header.SampleRate;

    public int SampleRateIndex => Header.SampleRateIndex;

    public int FrameLength => Header.FrameLength;

    public int BitRate => Header.BitRate;

    public MpegVersion Version => Header.Version switch { 1 => MpegVersion.Version1, 2 => MpegVersion.Version2, _ => MpegVersion.Version25 };

    public MpegLayer Layer => Header.Layer switch { 1 => MpegLayer.LayerI, 2 => MpegLayer.LayerII, _ => MpegLayer.LayerIII };

    public MpegChannelMode ChannelMode => (MpegChannelMode)Header.ChannelMode;

    public int ChannelModeExtension => Header.ModeExtension;

    public int SampleCount => Header.SamplesPerFrame;

    public int BitRateIndex => Header.BitRateIndex;

    public bool IsCopyrighted => Header.IsCopyrighted;

    public bool HasCrc => Header.HasCrc;

    // The CRC is not checked, as ffmpeg does not check it by default either.
    public bool IsCorrupted => false;

    public void Reset()
    {
        _position = _start;
        _bucket = 0;
        _bucketBits = 0;
    }

    public int ReadBits(int bitCount)
    {
        if ((uint)(bitCount - 1) > 31) throw new ArgumentOutOfRangeException(nameof(bitCount), bitCount, "1 to 32 bits");
        while (_bucketBits < bitCount)
        {
            // NLayer treats EndOfStreamException as "this frame ends early".
            if (_position >= _end) throw new EndOfStreamException("read past the end of the MPEG frame");
            _bucket = (_bucket << 8) | _bytes[_position++];
            _bucketBits += 8;
        }
        _bucketBits -= bitCount;
        return (int)((_bucket >> _bucketBits) & ((1UL << bitCount) - 1));
    }
}
