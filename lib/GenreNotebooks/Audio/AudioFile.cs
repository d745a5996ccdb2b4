namespace GenreNotebooks.Audio;

/// <summary>
/// Loads audio files as librosa.load does. Decoded in-process, with no external program: WAV
/// (<see cref="WavReader"/>), AU (<see cref="AuReader"/>), MP3 (<see cref="Mp3Reader"/>, through NLayer, trimmed to
/// ffmpeg's exact length) and Ogg Vorbis (<see cref="OggVorbisReader"/>, through NVorbis). Every other format (flac,
/// m4a, opus, aiff, ...) goes through <see cref="FfmpegDecoder"/>, which needs ffmpeg installed. The result is
/// float32, mixed to mono by averaging channels and resampled with <see cref="Resampler"/> (librosa 0.10.2 defaults:
/// <c>sr=22050, mono=True</c>).
/// Taught in notebooks/01-from-waveform-to-mel.
/// </summary>
public static class AudioFile
{
    /// <summary>
    /// Loads <paramref name="path"/> as a mono signal at <paramref name="sampleRate"/> Hz (null keeps the file's rate).
    /// librosa: <c>y, sr = librosa.load(path, sr=sampleRate, mono=mono)</c>.
    /// </summary>
    /// <param name="path">The audio file.</param>
    /// <param name="sampleRate">Target rate in Hz, or null for the native rate. Default 22050.</param>
    /// <param name="mono">Mix channels down by averaging (default). When false the file must have one channel;
    /// use <see cref="Read"/> for multi-channel audio.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="AudioFormatException">The file cannot be decoded (the message names it and the problem).</exception>
    /// <exception cref="ArgumentException"><paramref name="mono"/> is false and the file has several channels.</exception>
    public static AudioSignal Load(string path, int? sampleRate = 22050, bool mono = true)
    {
        if (sampleRate is <= 0) throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate, "sample rate must be positive");
        var data = Read(path);
        if (!mono && data.ChannelCount > 1)
            throw new ArgumentException($"{path} has {data.ChannelCount} channels; load it with mono: true or use AudioFile.Read for the separate channels", nameof(mono));
        var signal = data.ToMono();
        return sampleRate is { } sr ? signal.Resample(sr) : signal;
    }

    /// <summary>
    /// Decodes <paramref name="path"/> at its native rate with all its channels. The format is chosen by content first,
    /// then by extension: RIFF/WAVE and .au headers are read directly; an "OggS" page holding Vorbis goes to
    /// <see cref="OggVorbisReader"/>; an MPEG audio frame header at the start (after any ID3v2 tags) goes to
    /// <see cref="Mp3Reader"/> (MPEG layer I/II to ffmpeg). Files named .wav/.au, .mp3, or .ogg/.oga whose content is
    /// not of that kind are rejected by that reader (an .ogg holding Opus or FLAC goes to ffmpeg); anything else goes
    /// to ffmpeg.
    /// </summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="AudioFormatException">The file cannot be decoded, or needs ffmpeg and it is missing (<see cref="FfmpegNotFoundException"/>).</exception>
    public static AudioData Read(string path)
    {
        var bytes = ReadAllBytesChecked(path);
        var head = bytes.AsSpan(0, Math.Min(bytes.Length, 4));
        string ext = System.IO.Path.GetExtension(path).ToLowerInvariant();
        if (head.SequenceEqual("RIFF"u8) || ext is ".wav" or ".wave") return WavReader.Read(bytes, path);
        if (head.SequenceEqual(".snd"u8) || ext is ".au" or ".snd") return AuReader.Read(bytes, path);
        if (bytes.Length == 0) throw new AudioFormatException(path, "file is empty");
        bool ogg = OggVorbisReader.IsOgg(bytes);
        if ((ogg && OggVorbisReader.IsVorbis(bytes)) || (!ogg && ext is ".ogg" or ".oga")) return OggVorbisReader.Read(bytes, path);
        if (!ogg && (LooksLikeMp3(bytes) || ext == ".mp3"))
            return Mp3Reader.TryReadLayer3(bytes, path) ?? FfmpegDecoder.Read(path);
        return FfmpegDecoder.Read(path);
    }

    // A valid MPEG audio frame header at the start or right after the ID3v2 tags (FLAC files may carry ID3v2 too).
    // ADTS AAC shares the sync word but has layer bits 00, which no MPEG audio header has.
    private static bool LooksLikeMp3(byte[] bytes) => MpegAudioHeader.TryRead(bytes, Mp3FrameIndex.EndOfId3v2Tags(bytes), out _);

    /// <summary>Reads a whole file, turning "missing" and "is a directory" into the documented exceptions.</summary>
    internal static byte[] ReadAllBytesChecked(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path)) throw new AudioFormatException(path, "is a directory, not an audio file");
        if (!File.Exists(path)) throw new FileNotFoundException($"audio file not found: {path}", path);
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (IOException e)
        {
            throw new AudioFormatException(path, $"could not be read: {e.Message}", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new AudioFormatException(path, $"could not be read: {e.Message}", e);
        }
    }
}
