namespace GenreNotebooks.Audio;

/// <summary>
/// An audio format that is not decoded in-process (flac, m4a, opus, ...; WAV, AU, MP3 and Ogg Vorbis are) needs the
/// <c>ffmpeg</c> program, which is not on PATH. The message says how to install it.
/// </summary>
public sealed class FfmpegNotFoundException : AudioFormatException
{
    /// <summary>Creates the exception for <paramref name="path"/>.</summary>
    public FfmpegNotFoundException(string path)
        : base(path, "decoding this format needs ffmpeg, which was not found on PATH; install it (Debian/Ubuntu: `sudo apt-get install ffmpeg`, macOS: `brew install ffmpeg`, Windows: `winget install ffmpeg`) or convert the file to WAV")
    {
    }
}
