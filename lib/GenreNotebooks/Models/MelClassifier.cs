using System.Text.Json;
using GenreNotebooks.Audio;
using GenreNotebooks.Datasets;
using GenreNotebooks.Evaluation;
using GenreNotebooks.Nn.Modules;
using GenreNotebooks.Nn.Serialization;
using GenreNotebooks.Training;

namespace GenreNotebooks.Models;

/// <summary>
/// A trained mel-spectrogram CNN packaged to classify songs: the network, its catalog architecture, the genre names,
/// the input scaling and pooling, the clip settings and a description of the training data.
/// <see cref="Classify(AudioSignal, string)"/> cuts a song into clips, computes their log-mels, and averages the
/// clips' softmax probabilities (the BU paper's whole-song prediction; <see cref="SongClassifier"/> has the details).
/// <see cref="Save"/> writes one safetensors file: the weights, and everything else as text in its
/// <c>__metadata__</c> (<see cref="MelClassifierMetadata"/>); <see cref="Load"/> reads and checks it. Files of the
/// earlier two-file layout (weights plus a <c>.json</c> beside them) still load. Used by <c>genre train</c>,
/// <c>genre classify</c> and <c>genre export onnx</c>.
/// </summary>
public sealed class MelClassifier
{
    /// <summary>Packages a trained <paramref name="model"/> of catalog architecture <paramref name="architecture"/>.</summary>
    /// <param name="architecture">Catalog name, e.g. <c>bu-baseline</c>.</param>
    /// <param name="model">The network (outputs logits).</param>
    /// <param name="genres">Genre labels in output order.</param>
    /// <param name="scaling">The input scaling fitted on the training clips.</param>
    /// <param name="pool">The input's average-pooling factor.</param>
    /// <param name="settings">Clip and log-mel settings (default <see cref="MelClipSettings.Default"/>).</param>
    /// <param name="trainingData">What the network was trained on, in words (stored in the file).</param>
    /// <exception cref="ArgumentException">Fewer than two genres, or a pool below 1.</exception>
    public MelClassifier(string architecture, Module model, IReadOnlyList<string> genres, MelScaling scaling, int pool = 1,
        MelClipSettings? settings = null, string? trainingData = null)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(genres);
        ArgumentNullException.ThrowIfNull(scaling);
        if (genres.Count < 2) throw new ArgumentException("a classifier needs at least two genres", nameof(genres));
        ArgumentOutOfRangeException.ThrowIfLessThan(pool, 1);
        Architecture = architecture;
        Model = model;
        Genres = genres.ToArray();
        Scaling = scaling;
        Pool = pool;
        Settings = settings ?? MelClipSettings.Default;
        TrainingData = trainingData ?? "not recorded";
    }

    /// <summary>The catalog name of the network, e.g. <c>bu-baseline</c>.</summary>
    public string Architecture { get; }

    /// <summary>The network (outputs logits).</summary>
    public Module Model { get; }

    /// <summary>Genre names in output order.</summary>
    public IReadOnlyList<string> Genres { get; }

    /// <summary>The input scaling fitted on the training clips.</summary>
    public MelScaling Scaling { get; }

    /// <summary>The input's average-pooling factor.</summary>
    public int Pool { get; }

    /// <summary>How clips and their log-mels are made (sample rate, clip length, STFT and mel options).</summary>
    public MelClipSettings Settings { get; }

    /// <summary>What the network was trained on ("not recorded" for files of the earlier layout).</summary>
    public string TrainingData { get; }

    /// <summary>
    /// The text metadata: for a classifier read by <see cref="Load"/>, the file's own <c>__metadata__</c> pairs (any
    /// keys this version does not know included); otherwise what <see cref="Save"/> writes (<see cref="MelClassifierMetadata.For"/>).
    /// </summary>
    public IReadOnlyDictionary<string, string> Metadata => _fileMetadata ?? MelClassifierMetadata.For(this);

    private IReadOnlyDictionary<string, string>? _fileMetadata;

    /// <summary>
    /// The whole-song prediction for <paramref name="signal"/> (resampled to the settings' rate first): clips of the
    /// settings' length (a song shorter than one clip is zero-padded to one clip), their probabilities averaged.
    /// </summary>
    public SongPrediction Classify(AudioSignal signal, string id = "song")
    {
        ArgumentNullException.ThrowIfNull(signal);
        if (signal.Length == 0) throw new ArgumentException($"'{id}' has no samples", nameof(signal));
        return SongClassifier.Classify(this, signal, id).ToSongPrediction();
    }

    /// <summary>Loads the audio file <paramref name="path"/> (any format <see cref="AudioFile"/> reads) and classifies it.</summary>
    public SongPrediction Classify(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return SongClassifier.ClassifyFile(this, path).ToSongPrediction();
    }

    /// <summary>
    /// Writes one safetensors file <paramref name="path"/>: the weights and <see cref="Metadata"/> as its
    /// <c>__metadata__</c>. A settings file of the earlier layout left beside it (<see cref="SidecarPath"/>) is removed.
    /// </summary>
    public void Save(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        Model.Save(path, Metadata);
        if (File.Exists(SidecarPath(path))) File.Delete(SidecarPath(path));
    }

    /// <summary>The settings file the earlier two-file layout kept beside the weights: <c>path + ".json"</c>.</summary>
    public static string SidecarPath(string weightsPath) => weightsPath + ".json";

    /// <summary>
    /// Reads a classifier written by <see cref="Save"/>, checking its metadata (<see cref="MelClassifierMetadata.Parse"/>)
    /// and that the weights fit the architecture it names. A file without classifier metadata is read in the earlier
    /// two-file layout, from the <c>.json</c> settings beside it; <see cref="Save"/> converts it to one file.
    /// <paramref name="architecture"/>, when given, must match the stored one.
    /// </summary>
    /// <exception cref="FileNotFoundException">The file is missing (or, for a file without metadata, its settings file).</exception>
    /// <exception cref="ModelFileException">A metadata key is missing or refused, or the weights do not fit the architecture; names the file and the key.</exception>
    /// <exception cref="InvalidDataException">The file is not a safetensors file, or an earlier-layout settings file is damaged.</exception>
    public static MelClassifier Load(string path, string? architecture = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"model file '{path}' not found", path);
        var metadata = Safetensors.ReadMetadata(path);
        if (metadata.Count == 0) return LoadTwoFile(path, architecture);
        var c = MelClassifierMetadata.Parse(path, metadata);
        if (architecture is not null && architecture != c.Architecture)
            throw new ModelFileException(path, "architecture", $"= '{c.Architecture}', not the '{architecture}' asked for");
        var model = ModelCatalog.Build(c.Architecture, c.InputShape, c.Genres.Count);
        try
        {
            model.Load(path);
        }
        catch (InvalidDataException e)
        {
            throw new ModelFileException(path, "architecture",
                $"= '{c.Architecture}', but the weights do not fit that network for {c.Genres.Count} genres (another architecture's weights?): {e.Message}", e);
        }
        return new MelClassifier(c.Architecture, model, c.Genres, c.Scaling, c.Pool, c.Settings, c.TrainingData) { _fileMetadata = metadata };
    }

    private static MelClassifier LoadTwoFile(string path, string? architecture)
    {
        string side = SidecarPath(path);
        if (!File.Exists(side))
            throw new ModelFileException(path, "format",
                $"is missing: the file holds weights without classifier metadata, and the settings file '{side}' of the earlier two-file layout is not beside it either; " +
                "train it again with `genre train`, or put its .json beside it and save it once with MelClassifier.Load(path).Save(path)");
        Sidecar info;
        try
        {
            info = JsonSerializer.Deserialize<Sidecar>(File.ReadAllText(side)) ?? throw new InvalidDataException("empty");
            if (info.Genres is not { Length: >= 2 } || info.Architecture is null) throw new InvalidDataException("missing architecture or genres");
        }
        catch (Exception e) when (e is JsonException or InvalidDataException)
        {
            throw new InvalidDataException($"'{side}' is not a classifier settings file: {e.Message}", e);
        }
        if (architecture is not null && architecture != info.Architecture)
            throw new InvalidDataException($"'{path}' holds a '{info.Architecture}' network, not '{architecture}'");
        var settings = MelClipSettings.Default with
        {
            SampleRate = info.SampleRate,
            Clips = ClipOptions.ThreeSeconds with { LengthSamples = info.ClipSamples },
            Mel = MelClipSettings.Default.Mel with { NMels = info.NMels },
            ReferenceMax = info.ReferenceMax,
            TopDb = info.TopDb,
        };
        var (h, w) = MelInputs.PooledShape(settings.Mel.NMels, settings.Frames, info.Pool);
        var model = ModelCatalog.Build(info.Architecture, [1, h, w], info.Genres.Length);
        try
        {
            model.Load(path);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or KeyNotFoundException or InvalidDataException)
        {
            throw new InvalidDataException($"'{path}' does not fit a '{info.Architecture}' network for {info.Genres.Length} genres: {e.Message}", e);
        }
        return new MelClassifier(info.Architecture, model, info.Genres, new MelScaling(info.Mean, info.Std), info.Pool, settings,
            $"not recorded (loaded from the earlier two-file layout, '{Path.GetFileName(side)}')");
    }

    /// <summary>Writes a classifier in the earlier two-file layout (weights, settings in <c>path + ".json"</c>); kept for tests of <see cref="Load"/>.</summary>
    internal void SaveTwoFile(string path)
    {
        Model.Save(path);
        var info = new Sidecar(Architecture, Genres.ToArray(), Scaling.Mean, Scaling.Std, Pool, Settings.SampleRate,
            Settings.Clips.LengthSamples, Settings.Mel.NMels, Settings.ReferenceMax, Settings.TopDb);
        File.WriteAllText(SidecarPath(path), JsonSerializer.Serialize(info, new JsonSerializerOptions { WriteIndented = true }));
    }

    private sealed record Sidecar(string Architecture, string[] Genres, float Mean, float Std, int Pool, int SampleRate,
        int ClipSamples, int NMels, bool ReferenceMax, float? TopDb);
}
