using System.Text.Json;
using GenreNotebooks.Audio;
using GenreNotebooks.Datasets;
using GenreNotebooks.Evaluation;
using GenreNotebooks.Nn.Modules;
using GenreNotebooks.Training;

namespace GenreNotebooks.Models;

/// <summary>
/// A trained mel-spectrogram CNN packaged to classify songs: the network, its catalog architecture, the genre names,
/// the input scaling and pooling, and the clip settings. <see cref="Classify(AudioSignal, string)"/> cuts a song into clips, computes their
/// log-mels, and averages the clips' softmax probabilities (the BU paper's whole-song prediction).
/// <see cref="Save"/> writes the weights as safetensors (<c>model.safetensors</c>) and the rest beside them as JSON
/// (<c>model.safetensors.json</c>); <see cref="Load"/> reads both. Used by <c>genre train</c> and <c>genre classify</c>.
/// </summary>
public sealed class MelClassifier
{
    /// <summary>Packages a trained <paramref name="model"/> of catalog architecture <paramref name="architecture"/>.</summary>
    /// <exception cref="ArgumentException">Fewer than two genres, or a pool below 1.</exception>
    public MelClassifier(string architecture, Module model, IReadOnlyList<string> genres, MelScaling scaling, int pool = 1, MelClipSettings? settings = null)
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

    /// <summary>
    /// The whole-song prediction for <paramref name="signal"/> (resampled to the settings' rate first): clips of the
    /// settings' length (a song shorter than one clip is zero-padded to one clip), their probabilities averaged.
    /// </summary>
    public SongPrediction Classify(AudioSignal signal, string id = "song")
    {
        ArgumentNullException.ThrowIfNull(signal);
        if (signal.Length == 0) throw new ArgumentException($"'{id}' has no samples", nameof(signal));
        if (signal.SampleRate != Settings.SampleRate) signal = signal.Resample(Settings.SampleRate);
        var track = new Track(id, "unknown", id);
        var clips = Clips.Plan(track, signal.Length, Settings.Clips);
        if (clips.Count == 0) clips = Clips.Plan(track, signal.Length, Settings.Clips with { Tail = TailPolicy.Pad });
        var mels = clips.Select(c => MelClipCache.LogMel(Clips.Cut(signal, c).Samples, Settings)).ToArray();
        var set = new MelClipSet(clips.Select(c => c with { Genre = Genres[0] }).ToArray(), Genres, mels[0].Rows, mels[0].Cols,
            mels.SelectMany(m => m.Data).ToArray(), []);
        var probabilities = Predictions.Probabilities(Model, MelInputs.ToTensor(set, Scaling, Pool));
        return SongPredictor.Predict(probabilities, clips.Select(_ => id).ToArray())[0];
    }

    /// <summary>Loads the audio file <paramref name="path"/> (any format <see cref="AudioFile"/> reads) and classifies it.</summary>
    public SongPrediction Classify(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Classify(AudioFile.Load(path, Settings.SampleRate, mono: true), Path.GetFileName(path));
    }

    /// <summary>Writes the weights to <paramref name="path"/> (safetensors) and the settings to <c>path + ".json"</c>.</summary>
    public void Save(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        Model.Save(path);
        var info = new Sidecar(Architecture, Genres.ToArray(), Scaling.Mean, Scaling.Std, Pool, Settings.SampleRate,
            Settings.Clips.LengthSamples, Settings.Mel.NMels, Settings.ReferenceMax, Settings.TopDb);
        File.WriteAllText(SidecarPath(path), JsonSerializer.Serialize(info, new JsonSerializerOptions { WriteIndented = true }));
    }

    /// <summary>The settings file written beside the weights: <c>path + ".json"</c>.</summary>
    public static string SidecarPath(string weightsPath) => weightsPath + ".json";

    /// <summary>
    /// Reads a classifier written by <see cref="Save"/>. <paramref name="architecture"/>, when given, must match the
    /// stored one.
    /// </summary>
    /// <exception cref="FileNotFoundException">The weights or the settings file is missing.</exception>
    /// <exception cref="InvalidDataException">The settings file is damaged, names another architecture, or the weights do not fit.</exception>
    public static MelClassifier Load(string path, string? architecture = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"model weights '{path}' not found", path);
        string side = SidecarPath(path);
        if (!File.Exists(side))
            throw new FileNotFoundException($"'{side}' not found: the genres and input scaling of '{path}' are stored there by `genre train`", side);
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
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or KeyNotFoundException)
        {
            throw new InvalidDataException($"'{path}' does not fit a '{info.Architecture}' network for {info.Genres.Length} genres: {e.Message}", e);
        }
        return new MelClassifier(info.Architecture, model, info.Genres, new MelScaling(info.Mean, info.Std), info.Pool, settings);
    }

    private sealed record Sidecar(string Architecture, string[] Genres, float Mean, float Std, int Pool, int SampleRate,
        int ClipSamples, int NMels, bool ReferenceMax, float? TopDb);
}
