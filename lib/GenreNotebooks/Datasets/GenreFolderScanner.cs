using System.Text.RegularExpressions;

namespace GenreNotebooks.Datasets;

/// <summary>
/// Scans <c>&lt;root&gt;/&lt;genre&gt;/*.&lt;audio&gt;</c>: one track per audio file, genre from the folder name (lower case),
/// with a warning for every file it does not take (broken header, duplicate id, unexpected name) and every empty or
/// missing genre folder. Shared by the GTZAN, synthetic and custom readers.
/// </summary>
internal static partial class GenreFolderScanner
{
    [GeneratedRegex(@"^(?<genre>[a-z_\-]+)\.(?<num>\d{5})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GtzanName();

    public static (List<Track> Tracks, List<string> Warnings, List<string> Missing) Scan(
        string audioRoot, IReadOnlyList<string>? expectedGenres, IReadOnlyList<string>? expectedIds, bool gtzanNames, bool checkHeaders)
    {
        var tracks = new List<Track>();
        var warnings = new List<string>();
        var byId = new Dictionary<string, Track>(StringComparer.Ordinal);
        var dirs = Directory.GetDirectories(audioRoot).OrderBy(d => d, StringComparer.Ordinal).ToArray();
        var present = new HashSet<string>(StringComparer.Ordinal);

        foreach (var dir in dirs)
        {
            string genre = Path.GetFileName(dir).Trim().ToLowerInvariant();
            if (genre.StartsWith('.')) continue;
            if (!present.Add(genre))
            {
                warnings.Add($"folder '{dir}' is a second folder for genre '{genre}' (names differ only in case); its files are read too");
            }
            if (expectedGenres is not null && !expectedGenres.Contains(genre))
                warnings.Add($"folder '{dir}': '{genre}' is not one of the expected genres ({string.Join(", ", expectedGenres)}); read as an extra genre");

            var files = Directory.GetFiles(dir).OrderBy(f => f, StringComparer.Ordinal).ToArray();
            var audio = files.Where(AudioExtensions.IsAudio).ToArray();
            int other = files.Count(f => !AudioExtensions.IsAudio(f) && !Path.GetFileName(f).StartsWith('.'));
            if (other > 0)
                warnings.Add($"folder '{dir}': ignored {other} non-audio file(s), e.g. '{Path.GetFileName(files.First(f => !AudioExtensions.IsAudio(f) && !Path.GetFileName(f).StartsWith('.')))}'");
            if (audio.Length == 0)
            {
                warnings.Add($"genre folder '{dir}' holds no audio files");
                continue;
            }

            foreach (var file in audio)
            {
                string stem = Path.GetFileNameWithoutExtension(file).Trim();
                string id;
                var m = GtzanName().Match(stem);
                if (m.Success)
                {
                    string nameGenre = m.Groups["genre"].Value.ToLowerInvariant();
                    if (nameGenre != genre)
                        warnings.Add($"'{file}': file name says genre '{nameGenre}' but it sits in folder '{genre}'; labelled '{genre}'");
                    id = $"{genre}.{m.Groups["num"].Value}";
                }
                else
                {
                    if (gtzanNames)
                        warnings.Add($"'{file}': unexpected file name (GTZAN names are <genre>.000NN); read with id '{genre}.{Slug(stem)}'");
                    id = $"{genre}.{Slug(stem)}";
                }

                if (checkHeaders && AudioHeader.Problem(file) is { } problem)
                {
                    warnings.Add($"skipped '{file}' (track {id}): {problem}");
                    continue;
                }
                if (byId.TryGetValue(id, out var first))
                {
                    warnings.Add($"skipped '{file}': track id '{id}' already taken by '{first.Path}'");
                    continue;
                }
                var t = new Track(id, genre, file);
                byId[id] = t;
                tracks.Add(t);
            }
        }

        if (expectedGenres is not null)
            foreach (var g in expectedGenres)
                if (!present.Contains(g))
                    warnings.Add($"genre folder '{g}' is missing under '{audioRoot}'");

        var missing = new List<string>();
        if (expectedIds is not null)
        {
            foreach (var id in expectedIds)
                if (!byId.ContainsKey(id)) missing.Add(id);
            if (missing.Count > 0)
                warnings.Add($"{missing.Count} of {expectedIds.Count} expected tracks are missing or unreadable, e.g. {string.Join(", ", missing.Take(5))}");
        }
        return (tracks, warnings, missing);
    }

    /// <summary>A file stem as an id part: lower case, spaces and dots to underscores.</summary>
    public static string Slug(string stem)
    {
        var chars = stem.Trim().ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray();
        return new string(chars);
    }
}
