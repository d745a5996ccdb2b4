namespace GenreNotebooks.Datasets;

/// <summary>
/// A folder's files, listed recursively for audio: every file below it sorted by path, audio (by
/// <see cref="AudioExtensions"/>) apart from the rest. Names starting with '.' are skipped (hidden files, AppleDouble
/// <c>._x.mp3</c>, trash folders); hidden folders and hidden audio files are returned so a caller can say what it
/// left out. Symbolic links to folders are followed once (a link back up is not walked again). Used by the custom
/// genre folders (<see cref="CustomGenres"/>) and <c>genre classify</c>.
/// </summary>
/// <param name="Audio">Audio files, full paths, sorted.</param>
/// <param name="Other">Other visible files, sorted.</param>
/// <param name="Hidden">Hidden folders and hidden audio files, sorted.</param>
/// <param name="Unlisted">Folders not read: one that cannot be listed (with the error), or sub-folders beyond the depth limit (error null).</param>
public sealed record AudioFolder(IReadOnlyList<string> Audio, IReadOnlyList<string> Other, IReadOnlyList<string> Hidden,
    IReadOnlyList<(string Folder, string? Error)> Unlisted)
{
    /// <summary>How many folder levels below the root are read (deeper sub-folders are reported in <see cref="Unlisted"/>).</summary>
    public const int MaxDepth = 32;

    /// <summary>Lists <paramref name="folder"/> (see the type's summary).</summary>
    public static AudioFolder List(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var audio = new List<string>();
        var other = new List<string>();
        var hidden = new List<string>();
        var unlisted = new List<(string, string?)>();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        Walk(folder, 0);
        audio.Sort(StringComparer.Ordinal);
        other.Sort(StringComparer.Ordinal);
        hidden.Sort(StringComparer.Ordinal);
        return new AudioFolder(audio, other, hidden, unlisted);

        void Walk(string d, int depth)
        {
            if (!visited.Add(RealPath(d))) return;
            string[] files, subs;
            try
            {
                files = Directory.GetFiles(d);
                subs = Directory.GetDirectories(d);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                unlisted.Add((d, e.Message));
                return;
            }
            foreach (var f in files)
            {
                if (!IsHidden(f)) (AudioExtensions.IsAudio(f) ? audio : other).Add(f);
                else if (AudioExtensions.IsAudio(f)) hidden.Add(f);
            }
            hidden.AddRange(subs.Where(IsHidden));
            if (depth >= MaxDepth)
            {
                if (subs.Any(s => !IsHidden(s))) unlisted.Add((d, null));
                return;
            }
            foreach (var s in subs.Where(s => !IsHidden(s)).OrderBy(s => s, StringComparer.Ordinal)) Walk(s, depth + 1);
        }
    }

    private static string RealPath(string dir)
    {
        try
        {
            var info = new DirectoryInfo(dir);
            return info.LinkTarget is null ? info.FullName : info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? info.FullName;
        }
        catch (IOException)
        {
            return Path.GetFullPath(dir);
        }
    }

    private static bool IsHidden(string path) => Path.GetFileName(path).StartsWith('.');
}
