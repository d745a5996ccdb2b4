namespace GenreNotebooks.Datasets;

/// <summary>
/// The file extensions the dataset readers treat as audio (case-insensitive).
/// </summary>
public static class AudioExtensions
{
    /// <summary>Audio extensions with the dot: .wav, .au, .mp3, .flac, .ogg, .m4a, .aiff, .aif, .snd.</summary>
    public static readonly IReadOnlyList<string> All = [".wav", ".au", ".mp3", ".flac", ".ogg", ".m4a", ".aiff", ".aif", ".snd"];

    /// <summary>True when <paramref name="path"/> ends with an audio extension.</summary>
    public static bool IsAudio(string path)
    {
        var ext = Path.GetExtension(path);
        foreach (var e in All) if (string.Equals(e, ext, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }
}
