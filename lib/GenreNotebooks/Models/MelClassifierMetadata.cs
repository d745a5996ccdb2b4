using System.Globalization;
using System.Text.Json;
using GenreNotebooks.Datasets;
using GenreNotebooks.Spectral;

namespace GenreNotebooks.Models;

/// <summary>
/// The text metadata a <see cref="MelClassifier"/> file carries in its safetensors <c>__metadata__</c>, so the file
/// alone says how to use its weights: the architecture and its constructor arguments, the genre labels in output
/// order, the audio, clip, STFT, mel and dB settings (librosa's names), the input pooling and scaling, and the
/// training data. Every value is a string; <c>genres</c> and <c>architecture_options</c> are JSON. Numbers are
/// written in the invariant culture with round-trip precision, so a reloaded classifier computes exactly the same
/// inputs. <see cref="Parse"/> checks every key and refuses a file naming the key at fault.
/// The ONNX export copies these pairs into the ONNX model's <c>metadata_props</c>.
/// </summary>
public static class MelClassifierMetadata
{
    /// <summary>Value of the <c>format</c> key that marks a classifier file.</summary>
    public const string Format = "genre-notebooks/mel-classifier";

    /// <summary>The metadata layout version this code writes and reads (<c>format_version</c>).</summary>
    public const int Version = 1;

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The keys written and required, in the order they are written.</summary>
    public static IReadOnlyList<string> Keys { get; } =
    [
        "format", "format_version", "architecture", "architecture_options", "genres",
        "sample_rate", "clip_samples", "clip_hop_samples", "clip_tail",
        "n_fft", "hop_length", "win_length", "window", "center", "pad_mode",
        "n_mels", "fmin", "fmax", "mel_scale", "mel_norm", "power", "db_reference", "top_db",
        "input_pool", "input_mean", "input_std", "training_data",
    ];

    /// <summary>What <see cref="Parse"/> reads from the metadata.</summary>
    /// <param name="Architecture">Catalog name of the network.</param>
    /// <param name="InputShape">The network's input shape without the batch, (1, n_mels / pool, frames / pool).</param>
    /// <param name="Genres">Genre labels in output order.</param>
    /// <param name="Settings">Clip and log-mel settings.</param>
    /// <param name="Scaling">Input scaling.</param>
    /// <param name="Pool">Input average-pooling factor.</param>
    /// <param name="TrainingData">Description of the training data.</param>
    public sealed record Contents(string Architecture, IReadOnlyList<int> InputShape, IReadOnlyList<string> Genres,
        MelClipSettings Settings, MelScaling Scaling, int Pool, string TrainingData);

    /// <summary>The metadata of <paramref name="classifier"/>, keys in the order of <see cref="Keys"/>.</summary>
    public static IReadOnlyDictionary<string, string> For(MelClassifier classifier)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        var s = classifier.Settings;
        var (h, w) = MelInputs.PooledShape(s.Mel.NMels, s.Frames, classifier.Pool);
        var options = new Dictionary<string, object> { ["input_shape"] = new[] { 1, h, w }, ["classes"] = classifier.Genres.Count };
        var d = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["format"] = Format,
            ["format_version"] = Num(Version),
            ["architecture"] = classifier.Architecture,
            ["architecture_options"] = JsonSerializer.Serialize(options, Relaxed),
            ["genres"] = JsonSerializer.Serialize(classifier.Genres, Relaxed),
            ["sample_rate"] = Num(s.SampleRate),
            ["clip_samples"] = Num(s.Clips.LengthSamples),
            ["clip_hop_samples"] = Num(s.Clips.HopSamples),
            ["clip_tail"] = s.Clips.Tail == TailPolicy.Drop ? "drop" : "pad",
            ["n_fft"] = Num(s.Stft.NFft),
            ["hop_length"] = Num(s.Stft.HopLength),
            ["win_length"] = Num(s.Stft.EffectiveWinLength),
            ["window"] = s.Stft.Window.ToString().ToLowerInvariant(),
            ["center"] = s.Stft.Center ? "true" : "false",
            ["pad_mode"] = s.Stft.PadMode.ToString().ToLowerInvariant(),
            ["n_mels"] = Num(s.Mel.NMels),
            ["fmin"] = Num(s.Mel.FMin),
            ["fmax"] = Num(s.Mel.FMax ?? s.SampleRate / 2.0),
            ["mel_scale"] = s.Mel.Htk ? "htk" : "slaney",
            ["mel_norm"] = s.Mel.Norm == MelNorm.Slaney ? "slaney" : "none",
            ["power"] = "2",
            ["db_reference"] = s.ReferenceMax ? "max" : "1.0",
            ["top_db"] = s.TopDb is { } t ? Num(t) : "none",
            ["input_pool"] = Num(classifier.Pool),
            ["input_mean"] = Num(classifier.Scaling.Mean),
            ["input_std"] = Num(classifier.Scaling.Std),
            ["training_data"] = classifier.TrainingData,
        };
        return d;
    }

    /// <summary>
    /// Reads and checks the metadata of the file <paramref name="path"/> (used in messages only): every key of
    /// <see cref="Keys"/> present, each value of the expected kind and in the range this code supports (e.g.
    /// <c>mel_scale</c> slaney or htk, <c>power</c> 2), and the keys consistent with one another (<c>fmax</c> within
    /// the Nyquist frequency, <c>architecture_options</c>' input shape equal to n_mels and frames after pooling, one
    /// class per genre). Keys this version does not know are ignored.
    /// </summary>
    /// <exception cref="ModelFileException">A key is missing or its value is refused; the message names the file and the key.</exception>
    public static Contents Parse(string path, IReadOnlyDictionary<string, string> metadata)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(metadata);
        string Get(string key) => metadata.TryGetValue(key, out var v)
            ? v
            : throw new ModelFileException(path, key, "is missing (a classifier file written by `genre train` has every key of MelClassifierMetadata.Keys)");
        ModelFileException Bad(string key, string problem) => new(path, key, $"= '{Get(key)}' {problem}");
        int Int(string key, int min = 1)
        {
            if (!int.TryParse(Get(key), NumberStyles.Integer, CultureInfo.InvariantCulture, out int v)) throw Bad(key, "is not an integer");
            return v >= min ? v : throw Bad(key, $"is below {min}");
        }
        double Double(string key)
        {
            if (!double.TryParse(Get(key), NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v)) throw Bad(key, "is not a finite number");
            return v;
        }
        T OneOf<T>(string key, params (string Text, T Value)[] choices)
        {
            string v = Get(key);
            foreach (var (text, value) in choices) if (v == text) return value;
            throw Bad(key, $"is not one of the supported values ({string.Join(", ", choices.Select(c => c.Text))})");
        }

        if (Get("format") != Format) throw Bad("format", $"is not a mel classifier file ('{Format}' expected)");
        int version = Int("format_version");
        if (version > Version) throw Bad("format_version", $"is newer than this version of the library reads ({Version}); update GenreNotebooks");
        string architecture = Get("architecture");
        if (!ModelCatalog.Names.Contains(architecture)) throw Bad("architecture", $"is not a catalog model (known: {string.Join(", ", ModelCatalog.Names)})");

        string[] genres;
        try { genres = JsonSerializer.Deserialize<string[]>(Get("genres")) ?? throw new JsonException("null"); }
        catch (JsonException) { throw Bad("genres", "is not a JSON array of names"); }
        if (genres.Length < 2 || genres.Any(string.IsNullOrWhiteSpace) || genres.Distinct(StringComparer.Ordinal).Count() != genres.Length)
            throw Bad("genres", "must name at least two distinct genres");

        int sampleRate = Int("sample_rate");
        int clipSamples = Int("clip_samples"), clipHop = Int("clip_hop_samples");
        var tail = OneOf("clip_tail", ("drop", TailPolicy.Drop), ("pad", TailPolicy.Pad));
        int nFft = Int("n_fft", 2), hop = Int("hop_length"), win = Int("win_length");
        if (win > nFft) throw Bad("win_length", $"is longer than n_fft ({nFft})");
        var window = OneOf("window", Enum.GetValues<WindowKind>().Select(k => (k.ToString().ToLowerInvariant(), k)).ToArray());
        bool center = OneOf("center", ("true", true), ("false", false));
        var padMode = OneOf("pad_mode", Enum.GetValues<PadMode>().Select(k => (k.ToString().ToLowerInvariant(), k)).ToArray());
        int nMels = Int("n_mels");
        double fmin = Double("fmin"), fmax = Double("fmax");
        if (fmin < 0) throw Bad("fmin", "is negative");
        if (fmax <= fmin) throw Bad("fmax", $"is not above fmin ({Num(fmin)})");
        if (fmax > sampleRate / 2.0) throw Bad("fmax", $"is above the Nyquist frequency of sample_rate {sampleRate} ({Num(sampleRate / 2.0)})");
        bool htk = OneOf("mel_scale", ("slaney", false), ("htk", true));
        var norm = OneOf("mel_norm", ("slaney", MelNorm.Slaney), ("none", MelNorm.None));
        OneOf("power", ("2", 2));
        bool refMax = OneOf("db_reference", ("max", true), ("1.0", false));
        float? topDb = Get("top_db") == "none" ? null : (float)Double("top_db");
        if (topDb is < 0) throw Bad("top_db", "is negative");
        int pool = Int("input_pool");
        double mean = Double("input_mean"), std = Double("input_std");
        if (std <= 0) throw Bad("input_std", "is not positive");
        string trainingData = Get("training_data");

        var settings = MelClipSettings.Default with
        {
            SampleRate = sampleRate,
            Clips = new ClipOptions { LengthSamples = clipSamples, HopSamples = clipHop == clipSamples ? 0 : clipHop, Tail = tail },
            Stft = new StftOptions { NFft = nFft, HopLength = hop, WinLength = win == nFft ? null : win, Window = window, Center = center, PadMode = padMode },
            Mel = new MelOptions { SampleRate = sampleRate, NFft = nFft, NMels = nMels, FMin = fmin, FMax = fmax == sampleRate / 2.0 ? null : fmax, Htk = htk, Norm = norm },
            ReferenceMax = refMax,
            TopDb = topDb,
        };
        int frames = settings.Frames;
        if (pool > nMels || pool > frames) throw Bad("input_pool", $"does not fit a {nMels} x {frames} spectrogram");
        var (h, w) = MelInputs.PooledShape(nMels, frames, pool);

        int[] inputShape;
        int classes;
        try
        {
            using var doc = JsonDocument.Parse(Get("architecture_options"));
            inputShape = doc.RootElement.GetProperty("input_shape").EnumerateArray().Select(e => e.GetInt32()).ToArray();
            classes = doc.RootElement.GetProperty("classes").GetInt32();
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw Bad("architecture_options", "is not a JSON object with \"input_shape\" and \"classes\"");
        }
        if (!inputShape.SequenceEqual([1, h, w]))
            throw Bad("architecture_options", $"has input_shape [{string.Join(", ", inputShape)}], but n_mels {nMels}, {frames} frames (clip_samples {clipSamples}, hop_length {hop}) and input_pool {pool} give [1, {h}, {w}]");
        if (classes != genres.Length) throw Bad("genres", $"names {genres.Length} genres, but architecture_options says the network has {classes} classes");
        return new Contents(architecture, inputShape, genres, settings, new MelScaling((float)mean, (float)std), pool, trainingData);
    }

    private static string Num(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    private static string Num(float v) => v.ToString("R", CultureInfo.InvariantCulture);

    private static string Num(int v) => v.ToString(CultureInfo.InvariantCulture);
}
