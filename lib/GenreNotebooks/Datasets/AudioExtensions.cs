namespace GenreNotebooks.Datasets;

/// <summary>
/// The file extensions the dataset readers treat as audio (case-insensitive). Of these, .wav, .au, .snd, .mp3 and
/// .ogg (Vorbis) are decoded in-process by <see cref="GenreNotebooks.Audio.AudioFile"/>; .flac, .m4a, .aiff and .aif
/// (and Opus or FLAC inside .ogg) need ffmpeg.
/// </summary>
public static class AudioExtensions
{
    /// <summary>Audio extensions with the dot: .wav, .au, .mp3, .flac, .ogg, .m4a, .aiff, .aif, .snd.</summary>
    public static readonly IReadOnlyList<string> All = [".wav", ".au", ".mp3", ".flac", ".ogg", ".m4a", ".aiff", ".aif", ".snd"];

    /// <summary>The extensions decoded without ffmpeg: .wav, .au, .snd, .mp3, .ogg.</summary>
    public static readonly IReadOnlyList<string> InProcess = [".wav", ".au", ".snd", ".mp3", ".ogg"];

    /// <summary>True when <paramref name="path"/> ends with an audio extension.</summary>
    public static bool IsAudio(string path)
    {
        var ext = Path.GetExtension(path);
        foreach (var e in All) if (string.Equals(e, ext, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }
}
