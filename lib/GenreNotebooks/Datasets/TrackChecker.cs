using System.Globalization;
using System.Security.Cryptography;

namespace GenreNotebooks.Datasets;

/// <summary>
/// The checks behind <see cref="ValidatedDataset"/>: hashes every candidate file (SHA-256 of its bytes), decodes one
/// copy of each distinct content at the check's sample rate, then excludes, with one <see cref="DatasetIssue"/>
/// each, unreadable files, duplicates (keeping the copy with the fewest folder levels below the root, then the first
/// in ordinal path order), tracks shorter than one
/// clip, and genres left with fewer than the minimum of tracks. Hashing and decoding run in parallel; the outcome does
/// not depend on the thread count.
/// </summary>
internal static class TrackChecker
{
    public static ValidatedDataset Check(DatasetSource source, string root, string description,
        IReadOnlyList<CustomFolderScanner.Candidate> candidates, IEnumerable<DatasetIssue> earlier, IEnumerable<string> missingIds,
        DatasetCheckOptions options, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var issues = new List<DatasetIssue>(earlier);
        var loader = new TrackAudioLoader(options.Load, options.SampleRate);
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = options.MaxParallelism > 0 ? options.MaxParallelism : Environment.ProcessorCount,
            CancellationToken = cancellationToken,
        };
        void Issue(DatasetIssueKind kind, CustomFolderScanner.Candidate c, string message, bool excluded = true, string? kept = null) =>
            issues.Add(new DatasetIssue(kind, root, c.Track.Path, c.Track.Genre, message, excluded, kept));

        // 1. Header check and content hash of every file.
        int n = candidates.Count;
        var hashes = new string?[n];
        var problems = new string?[n];
        Parallel.For(0, n, parallel, i =>
        {
            var path = candidates[i].Track.Path;
            problems[i] = AudioHeader.Problem(path);
            if (problems[i] is null)
            {
                try
                {
                    using var s = File.OpenRead(path);
                    hashes[i] = Convert.ToHexStringLower(SHA256.HashData(s));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    problems[i] = $"cannot read: {e.Message}";
                }
            }
        });

        // 2. One decode per distinct content: the copy that is kept, nearest the root (fewest folder levels), then
        // first in ordinal path order, so rap/song.wav is kept over rap/backup/song.wav.
        var groups = Enumerable.Range(0, n).Where(i => hashes[i] is not null).GroupBy(i => hashes[i]!)
            .Select(g => g.OrderBy(i => Depth(candidates[i].RelativePath)).ThenBy(i => candidates[i].RelativePath, StringComparer.Ordinal).ToArray())
            .OrderBy(g => candidates[g[0]].RelativePath, StringComparer.Ordinal).ToArray();
        var samples = new long[groups.Length];
        var decodeProblems = new string?[groups.Length];
        int done = 0;
        Parallel.For(0, groups.Length, parallel, g =>
        {
            var first = candidates[groups[g][0]];
            if (loader.TryLoad(first.Track, out var signal, out var problem)) samples[g] = signal!.Length;
            else decodeProblems[g] = problem;
            progress?.Report(Interlocked.Add(ref done, groups[g].Length));
        });
        cancellationToken.ThrowIfCancellationRequested();

        for (int i = 0; i < n; i++)
            if (problems[i] is { } p)
                Issue(DatasetIssueKind.Unreadable, candidates[i], $"'{candidates[i].RelativePath}' (track {candidates[i].Track.Id}): {p}");

        // 3. Duplicates, unreadable content, too-short tracks.
        var usable = new List<CheckedTrack>();
        for (int g = 0; g < groups.Length; g++)
        {
            var copies = groups[g].Select(i => candidates[i]).ToArray();
            var first = copies[0];
            string hash = hashes[groups[g][0]]!;
            if (decodeProblems[g] is { } problem)
            {
                Issue(DatasetIssueKind.Unreadable, first, $"'{first.RelativePath}' (track {first.Track.Id}): {Reason(problem, first.Track)}");
                foreach (var c in copies.Skip(1))
                    Issue(DatasetIssueKind.Unreadable, c, $"'{c.RelativePath}' (track {c.Track.Id}): byte-identical to '{first.RelativePath}', which cannot be decoded");
                continue;
            }
            var genres = copies.Select(c => c.Track.Genre).Distinct().ToArray();
            string shortHash = hash[..12];
            if (genres.Length > 1 && options.CrossGenreDuplicates == DuplicatePolicy.ExcludeAcrossGenres)
            {
                string all = string.Join(", ", copies.Select(c => $"'{c.RelativePath}'"));
                foreach (var c in copies)
                    Issue(DatasetIssueKind.Duplicate, c,
                        $"'{c.RelativePath}': the same file (SHA-256 {shortHash}...) is filed under genres {string.Join(", ", genres.Select(x => $"'{x}'"))} ({all}); " +
                        "its genre is ambiguous, so no copy is kept (cross-genre duplicates: exclude all)");
                continue;
            }
            foreach (var c in copies.Skip(1))
            {
                string why = c.Track.Genre == first.Track.Genre
                    ? KeepRule
                    : $"{KeepRule}; that copy is labelled '{first.Track.Genre}', this one '{c.Track.Genre}': move or delete one to decide the genre";
                Issue(DatasetIssueKind.Duplicate, c,
                    $"'{c.RelativePath}' is byte-identical to '{first.RelativePath}' (SHA-256 {shortHash}...); kept '{first.RelativePath}' ({why})",
                    kept: first.Track.Path);
            }
            var checkedTrack = new CheckedTrack(first.Track, first.RelativePath, samples[g], options.SampleRate, hash);
            if (checkedTrack.ClipCount(options.Clips) == 0)
            {
                Issue(DatasetIssueKind.TooShort, first, string.Create(CultureInfo.InvariantCulture,
                    $"'{first.RelativePath}' (track {first.Track.Id}) is {checkedTrack.DurationSeconds:0.00} s, shorter than one {ClassBalance.ClipText(options.Clips, options.SampleRate, plural: false)}"));
                continue;
            }
            usable.Add(checkedTrack);
        }

        // 4. Genres left with too few tracks.
        var kept = new List<CheckedTrack>();
        foreach (var genre in usable.GroupBy(t => t.Track.Genre).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var tracks = genre.OrderBy(t => t.RelativePath, StringComparer.Ordinal).ToArray();
            if (tracks.Length >= options.MinTracksPerGenre)
            {
                kept.AddRange(tracks);
                continue;
            }
            string folder = CommonFolder(tracks.Select(t => t.RelativePath));
            issues.Add(new DatasetIssue(DatasetIssueKind.TooFewTracks, root, Path.Combine(root, folder), genre.Key,
                $"genre '{genre.Key}' has {tracks.Length} usable track(s), fewer than the minimum of {options.MinTracksPerGenre}; excluded: " +
                string.Join(", ", tracks.Select(t => $"'{t.RelativePath}'")), true));
        }
        var withTracks = usable.Select(t => t.Track.Genre).ToHashSet(StringComparer.Ordinal);
        foreach (var genre in candidates.Select(c => c.Track.Genre).Distinct().Where(g => !withTracks.Contains(g)).Order(StringComparer.Ordinal))
        {
            string folder = CommonFolder(candidates.Where(c => c.Track.Genre == genre).Select(c => c.RelativePath));
            issues.Add(new DatasetIssue(DatasetIssueKind.TooFewTracks, root, Path.Combine(root, folder), genre,
                $"genre '{genre}' has no usable track (each of its files is named in this report)", true));
        }
        return new ValidatedDataset(source, root, description, kept, new DatasetReport(issues), missingIds, options);
    }

    private const string KeepRule = "fewest folder levels below the root, then first in path order";

    private static int Depth(string relativePath) => relativePath.Count(c => c == '/');

    /// <summary>The loader's message without its "skipped 'path' (track id): " prefix, which the issue says itself.</summary>
    private static string Reason(string problem, Track track)
    {
        string prefix = $"skipped '{track.Path}' (track {track.Id}): ";
        return problem.StartsWith(prefix, StringComparison.Ordinal) ? problem[prefix.Length..] : problem;
    }

    private static string CommonFolder(IEnumerable<string> relativePaths)
    {
        var first = relativePaths.Select(p => p.Split('/')[0]).Distinct().ToArray();
        return first.Length == 1 ? first[0] : "";
    }
}
