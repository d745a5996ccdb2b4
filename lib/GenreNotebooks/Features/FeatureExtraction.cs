using GenreNotebooks.Audio;

namespace GenreNotebooks.Features;

/// <summary>
/// Extracts GTZAN feature rows (<see cref="GtzanFeatureExtractor"/>) for folders and files of audio into a Kaggle-format
/// CSV: files run in parallel (one per core, each single-threaded), every file's rows are appended and flushed as soon as
/// they are done, files already in the output are skipped (so an interrupted run resumes), and a file that cannot be read
/// or processed is skipped and reported with its reason while the rest are written. Rows are keyed by file name, so of
/// several input files with the same name (in different folders) only the first (in path order) is extracted and the
/// others are reported as skipped. This is what produced Kaggle's
/// <c>features_30_sec.csv</c> (whole files) and <c>features_3_sec.csv</c> (10 segments of 3 s per file).
/// </summary>
public static class FeatureExtraction
{
    /// <summary>
    /// Runs the extraction of <paramref name="inputs"/> (files, or folders searched recursively for
    /// <see cref="FeatureExtractionOptions.Extensions"/>) into <paramref name="outputCsv"/>.
    /// </summary>
    /// <exception cref="FileNotFoundException">An input is neither a file nor a folder.</exception>
    /// <exception cref="InvalidDataException">The output exists and is not a GTZAN feature CSV.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled (rows written so far stay).</exception>
    public static FeatureExtractionReport Run(IEnumerable<string> inputs, string outputCsv, FeatureExtractionOptions? options = null,
        IProgress<FeatureExtractionProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(outputCsv);
        options ??= new FeatureExtractionOptions();
        options.Validate();
        var files = ListFiles(inputs, options.Extensions);
        var loader = options.Loader ?? (path => AudioFile.Load(path, GtzanFeatureExtractor.SampleRate, mono: true));
        using var csv = FeatureExtractionCsv.Open(outputCsv);
        var gate = new object();
        int completed = 0, processed = 0, rowsWritten = 0, alreadyDone = 0;
        var failures = new List<(string, string)>();

        void Report(string file, int rows, string? error)
        {
            int done = Interlocked.Increment(ref completed);
            progress?.Report(new FeatureExtractionProgress(done, files.Count, file, rows, error));
        }

        // Rows are keyed by file name, so a second file with the same name (another folder) would silently count as
        // "already done"; it is reported as skipped instead.
        var firstByName = new Dictionary<string, string>(StringComparer.Ordinal);
        var unique = new List<string>(files.Count);
        foreach (var file in files)
        {
            if (firstByName.TryGetValue(Path.GetFileName(file), out var first))
            {
                string message = $"{file}: has the same file name as {first}; rows are keyed by file name, so rename one of them to extract both";
                failures.Add((file, message));
                Report(file, 0, message);
            }
            else
            {
                firstByName.Add(Path.GetFileName(file), file);
                unique.Add(file);
            }
        }

        Parallel.ForEach(unique, new ParallelOptions { MaxDegreeOfParallelism = options.Threads, CancellationToken = cancellationToken }, file =>
        {
            string name = Path.GetFileName(file);
            bool done;
            lock (gate) done = IsDone(csv, name, options.Segments);
            if (done)
            {
                Interlocked.Increment(ref alreadyDone);
                Report(file, 0, null);
                return;
            }
            IReadOnlyList<GtzanFeatureVector> rows;
            try
            {
                var signal = loader(file);
                string label = options.Label ?? LabelOf(file);
                rows = options.Segments == 0
                    ? [GtzanFeatureExtractor.Extract(signal, name, label)]
                    : GtzanFeatureExtractor.ExtractSegments(signal, name, label, options.Segments);
                if (rows.Count == 0)
                    throw new InvalidDataException($"{signal.Length} samples, shorter than one {GtzanFeatureExtractor.SegmentLength}-sample segment");
            }
            catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
            {
                string message = $"{file}: {e.Message}";
                lock (gate) failures.Add((file, message));
                Report(file, 0, message);
                return;
            }
            int written;
            lock (gate)
            {
                var fresh = rows.Where(r => !csv.Contains(r.Filename)).ToList();
                csv.Append(fresh);
                written = fresh.Count;
                rowsWritten += written;
                processed++;
            }
            Report(file, written, null);
        });
        return new FeatureExtractionReport(processed, rowsWritten, alreadyDone, failures);
    }

    /// <summary>
    /// The genre label of an audio file: the first part of a GTZAN name <c>&lt;genre&gt;.&lt;digits&gt;.&lt;ext&gt;</c>
    /// (<c>blues.00042.wav</c> is <c>blues</c>), otherwise the name of the folder holding the file.
    /// </summary>
    public static string LabelOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var parts = Path.GetFileNameWithoutExtension(path).Split('.');
        if (parts.Length >= 2 && parts[0].Length > 0 && parts[1].Length > 0 && parts[1].All(char.IsAsciiDigit)) return parts[0];
        var folder = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(path)));
        return string.IsNullOrEmpty(folder) ? "unknown" : folder;
    }

    /// <summary>The audio files of <paramref name="inputs"/>: files as given, folders searched recursively; sorted, without duplicates.</summary>
    /// <exception cref="FileNotFoundException">An input does not exist.</exception>
    public static IReadOnlyList<string> ListFiles(IEnumerable<string> inputs, IReadOnlyList<string> extensions)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(extensions);
        var set = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            if (File.Exists(input)) set.Add(Path.GetFullPath(input));
            else if (Directory.Exists(input))
            {
                foreach (var f in Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories))
                    if (extensions.Contains(Path.GetExtension(f).ToLowerInvariant())) set.Add(Path.GetFullPath(f));
            }
            else throw new FileNotFoundException($"{input}: no such file or folder", input);
        }
        return set.ToList();
    }

    private static bool IsDone(FeatureExtractionCsv csv, string name, int segments) =>
        segments == 0
            ? csv.Contains(name)
            : csv.Contains(GtzanFeatureExtractor.SegmentName(name, 0)) && csv.Contains(GtzanFeatureExtractor.SegmentName(name, segments - 1));
}
