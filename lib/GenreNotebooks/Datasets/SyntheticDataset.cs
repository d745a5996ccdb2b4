using System.Text.Json;
using GenreNotebooks.Audio;
using GenreNotebooks.Datasets.Synthesis;

namespace GenreNotebooks.Datasets;

/// <summary>
/// Writes synthetic GTZAN-shaped datasets (30-s, 22050 Hz, mono, 16-bit WAV in the Kaggle layout
/// <c>&lt;out&gt;/genres_original/&lt;genre&gt;/&lt;genre&gt;.000NN.wav</c>) and keeps the default ones under
/// <c>datasets/synthetic/</c>, one folder per (genres, size, seed), regenerated when its settings change.
/// </summary>
public static class SyntheticDataset
{
    /// <summary>Version of the generator's recipes; a stored dataset made by another version is regenerated.</summary>
    public const int GeneratorVersion = 1;

    /// <summary>The marker file written last into a generated folder, recording its settings (JSON).</summary>
    public const string MarkerFile = "synthetic-dataset.json";

    /// <summary>The default seed of the notebooks' synthetic data.</summary>
    public const int DefaultSeed = 42;

    /// <summary>
    /// Renders <paramref name="tracksPerGenre"/> tracks of every genre in <paramref name="genres"/> into
    /// <paramref name="outDir"/> in parallel (each track depends only on seed, genre and index, so the bytes do not
    /// depend on the thread count). Files are written to a temporary name and renamed, so an interrupted run leaves
    /// no truncated WAV. Returns the paths written.
    /// </summary>
    /// <exception cref="ArgumentException">Unknown genre (the message lists the known ones).</exception>
    public static IReadOnlyList<string> Generate(string outDir, IEnumerable<string> genres, int tracksPerGenre, int seed,
        IProgress<SynthesisProgress>? progress = null, double durationSeconds = SyntheticGenres.TrackSeconds,
        int maxParallelism = -1, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outDir);
        ArgumentNullException.ThrowIfNull(genres);
        ArgumentOutOfRangeException.ThrowIfNegative(tracksPerGenre);
        var list = genres.Select(g => g.Trim().ToLowerInvariant()).Distinct().ToArray();
        foreach (var g in list) GenreRecipes.Get(g);
        var jobs = list.SelectMany(g => Enumerable.Range(0, tracksPerGenre).Select(i => (Genre: g, Index: i))).ToArray();
        var paths = new string[jobs.Length];
        int done = 0;
        var options = new ParallelOptions
        {
            MaxDegreeOfParallelism = maxParallelism > 0 ? maxParallelism : Environment.ProcessorCount,
            CancellationToken = cancellationToken,
        };
        Parallel.For(0, jobs.Length, options, j =>
        {
            var (genre, index) = jobs[j];
            string id = SyntheticGenres.TrackId(genre, index);
            string path = TrackPath(outDir, genre, index);
            var signal = SyntheticGenres.Generate(genre, index, seed, durationSeconds);
            string tmp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            WavWriter.Write(tmp, signal, WavSampleFormat.Pcm16);
            File.Move(tmp, path, overwrite: true);
            paths[j] = path;
            int n = Interlocked.Increment(ref done);
            progress?.Report(new SynthesisProgress(n, jobs.Length, id));
        });
        return paths;
    }

    /// <summary>The Kaggle-layout path of a track: <c>&lt;outDir&gt;/genres_original/&lt;genre&gt;/&lt;genre&gt;.000NN.wav</c>.</summary>
    public static string TrackPath(string outDir, string genre, int index) =>
        Path.Combine(outDir, "genres_original", genre, SyntheticGenres.TrackId(genre, index) + ".wav");

    /// <summary>
    /// The folder of the default synthetic set for these settings, e.g. <c>datasets/synthetic/gtzan10-n4-s42</c>
    /// (<c>all17</c> for every genre with a recipe, the set's name for a <see cref="GenreSets"/> set in its order, e.g.
    /// <c>bu-14-n30-s42</c>, otherwise the genre names joined by '+').
    /// </summary>
    public static string DefaultFolder(int tracksPerGenre, int seed = DefaultSeed, IEnumerable<string>? genres = null, double durationSeconds = SyntheticGenres.TrackSeconds)
    {
        var list = (genres ?? GenreRecipes.Gtzan).Select(g => g.Trim().ToLowerInvariant()).ToArray();
        string set = list.SequenceEqual(GenreRecipes.Gtzan) ? "gtzan10" : list.SequenceEqual(GenreRecipes.All) ? $"all{list.Length}"
            : GenreSets.All.FirstOrDefault(x => x.Genres.SequenceEqual(list))?.Name ?? string.Join("+", list);
        string dur = durationSeconds == SyntheticGenres.TrackSeconds ? "" : $"-{durationSeconds:0.##}s";
        return Path.Combine(ProjectPaths.Datasets(), "synthetic", $"{set}-n{tracksPerGenre}-s{seed}{dur}");
    }

    /// <summary>
    /// Makes sure the default synthetic set for these settings exists under <c>datasets/synthetic/</c> (generating it
    /// on first use, or again when its marker records other settings) and returns its folder.
    /// </summary>
    public static string EnsureDefault(int tracksPerGenre, int seed = DefaultSeed, IEnumerable<string>? genres = null,
        IProgress<SynthesisProgress>? progress = null, double durationSeconds = SyntheticGenres.TrackSeconds, string? folder = null)
    {
        var list = (genres ?? GenreRecipes.Gtzan).Select(g => g.Trim().ToLowerInvariant()).ToArray();
        folder ??= DefaultFolder(tracksPerGenre, seed, list, durationSeconds);
        var settings = new Settings(GeneratorVersion, list, tracksPerGenre, seed, SyntheticGenres.SampleRate, durationSeconds);
        string marker = Path.Combine(folder, MarkerFile);
        if (IsComplete(folder, marker, settings)) return folder;
        // Another process (a second notebook, a parallel test run) may be generating the same folder: take a lock
        // file beside it, then look again before generating.
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(folder))!);
        using var gate = AcquireLock(Path.GetFullPath(folder) + ".lock");
        if (IsComplete(folder, marker, settings)) return folder;
        var audio = Path.Combine(folder, "genres_original");
        if (File.Exists(marker)) File.Delete(marker);
        if (Directory.Exists(audio)) Directory.Delete(audio, recursive: true);
        Directory.CreateDirectory(folder);
        Generate(folder, list, tracksPerGenre, seed, progress, durationSeconds);
        File.WriteAllText(marker, JsonSerializer.Serialize(settings, new JsonSerializerOptions { WriteIndented = true }));
        return folder;
    }

    /// <summary>
    /// Records in <paramref name="folder"/> the settings its tracks were generated with (the marker file), so
    /// <see cref="Read"/> and <c>genre train --data</c> report it as synthetic rather than taking the Kaggle layout
    /// for real GTZAN. <see cref="EnsureDefault"/> writes it itself; call this after <see cref="Generate"/>.
    /// </summary>
    public static void WriteMarker(string folder, IEnumerable<string> genres, int tracksPerGenre, int seed, double durationSeconds = SyntheticGenres.TrackSeconds)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(genres);
        var settings = new Settings(GeneratorVersion, genres.Select(g => g.Trim().ToLowerInvariant()).ToArray(), tracksPerGenre, seed,
            SyntheticGenres.SampleRate, durationSeconds);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, MarkerFile), JsonSerializer.Serialize(settings, new JsonSerializerOptions { WriteIndented = true }));
    }

    /// <summary>Reads a generated folder as a <see cref="GenreDataset"/> (source <see cref="DatasetSource.Synthetic"/>), checking it against its marker.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder has no <c>genres_original/</c>.</exception>
    public static GenreDataset Read(string folder)
    {
        var audio = Path.Combine(folder, "genres_original");
        if (!Directory.Exists(audio))
            throw new DirectoryNotFoundException($"'{folder}' holds no genres_original/ folder; generate it with SyntheticDataset.Generate or `genre dataset synth`.");
        var marker = Path.Combine(folder, MarkerFile);
        var s = File.Exists(marker) ? ReadMarker(marker) : null;
        var (tracks, warnings, missing) = GenreFolderScanner.Scan(audio, s?.Genres,
            s is null ? null : GtzanManifest.ExpectedIds(s.Genres, s.TracksPerGenre), gtzanNames: true, checkHeaders: true);
        string what = s is null
            ? $"SYNTHETIC GTZAN-shaped music at {folder} (no settings marker)"
            : $"SYNTHETIC GTZAN-shaped music (generator v{s.GeneratorVersion}, seed {s.Seed}, {s.Genres.Length} genres x {s.TracksPerGenre} tracks of {s.DurationSeconds:0.##} s) at {folder}";
        return new GenreDataset(DatasetSource.Synthetic, audio, tracks, warnings, missing, what);
    }

    /// <summary><see cref="EnsureDefault"/> then <see cref="Read"/>: the synthetic set notebooks use when GTZAN is absent.</summary>
    public static GenreDataset OpenDefault(int tracksPerGenre, int seed = DefaultSeed, IEnumerable<string>? genres = null,
        IProgress<SynthesisProgress>? progress = null, double durationSeconds = SyntheticGenres.TrackSeconds) =>
        Read(EnsureDefault(tracksPerGenre, seed, genres, progress, durationSeconds));

    private static bool IsComplete(string folder, string marker, Settings settings) =>
        File.Exists(marker) && ReadMarker(marker) is { } existing && existing.SameAs(settings) && AllFilesPresent(folder, settings);

    private static FileStream AcquireLock(string path)
    {
        var deadline = DateTime.UtcNow.AddMinutes(30);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(200);
            }
        }
    }

    private static bool AllFilesPresent(string folder, Settings s)
    {
        foreach (var g in s.Genres)
            for (int i = 0; i < s.TracksPerGenre; i++)
                if (!File.Exists(TrackPath(folder, g, i))) return false;
        return true;
    }

    private static Settings? ReadMarker(string path)
    {
        try { return JsonSerializer.Deserialize<Settings>(File.ReadAllText(path)); }
        catch (Exception e) when (e is JsonException or IOException) { return null; }
    }

    private sealed record Settings(int GeneratorVersion, string[] Genres, int TracksPerGenre, int Seed, int SampleRate, double DurationSeconds)
    {
        public bool SameAs(Settings o) => GeneratorVersion == o.GeneratorVersion && Genres.SequenceEqual(o.Genres) &&
            TracksPerGenre == o.TracksPerGenre && Seed == o.Seed && SampleRate == o.SampleRate && DurationSeconds == o.DurationSeconds;
    }
}
