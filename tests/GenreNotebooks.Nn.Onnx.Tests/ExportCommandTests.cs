using System.Globalization;
using System.Text.Json;
using GenreNotebooks.Audio;
using GenreNotebooks.Cli;
using GenreNotebooks.Models;
using GenreNotebooks.Nn.Onnx.Tests.Support;
using GenreNotebooks.Spectral;

namespace GenreNotebooks.Nn.Onnx.Tests;

/// <summary><c>genre train</c> → <c>genre export onnx</c> → ONNX Runtime, preprocessing only from the file's metadata_props.</summary>
public sealed class ExportCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("genre-export-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Output, string Error) Cli(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = GenreCli.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void A_trained_classifier_exported_and_run_by_onnx_runtime_gives_genre_classify_s_probabilities()
    {
        string data = Path.Combine(_dir, "data");
        var (code, _, error) = Cli("dataset", "synth", "--out", data, "--genres", "classical,metal,reggae", "--tracks-per-genre", "3", "--seconds", "7");
        Assert.True(code == 0, error);
        string weights = Path.Combine(_dir, "model.safetensors");
        (code, var output, error) = Cli("train", "--data", data, "--model", "bu-bn", "--epochs", "2", "--seed", "5", "--pool", "2",
            "--out", weights, "--cache", Path.Combine(_dir, "cache"));
        Assert.True(code == 0, error + output);

        string onnx = Path.Combine(_dir, "model.onnx");
        (code, output, error) = Cli("export", "onnx", "--model", weights, "--out", onnx);
        Assert.True(code == 0, error);
        Assert.Contains("output 'probabilities' [batch, 3]", output);

        using var session = Parity.Session(File.ReadAllBytes(onnx));
        var meta = session.ModelMetadata.CustomMetadataMap;
        var genres = JsonSerializer.Deserialize<string[]>(meta["genres"])!;
        var classifier = MelClassifier.Load(weights);
        Assert.Equal(classifier.Genres, genres);
        Assert.Equal("bu-bn", meta["architecture"]);
        foreach (var (key, value) in classifier.Metadata) Assert.Equal(value, meta[key]);  // the model file's own metadata
        Assert.Contains("synthetic", meta["training_data"], StringComparison.OrdinalIgnoreCase);
        Assert.Equal("probabilities", meta["output"]);

        string song = Directory.GetFiles(data, "reggae.00001.wav", SearchOption.AllDirectories).Single();
        var (x, clips, h, w) = Preprocess(song, meta);
        Assert.Equal(2, clips);  // a 7-s song: two whole 3-s clips, the tail dropped
        var (probabilities, shape) = Parity.Run(session, x, [clips, 1, h, w]);
        Assert.Equal([clips, genres.Length], shape.Select(d => (int)d));
        var mean = Enumerable.Range(0, genres.Length).Select(k => Enumerable.Range(0, clips).Average(c => probabilities[c * genres.Length + k])).ToArray();

        var expected = classifier.Classify(song).MeanProbabilities;
        for (int k = 0; k < genres.Length; k++) Assert.True(Math.Abs(expected[k] - mean[k]) <= 1e-5, $"{genres[k]}: classify {expected[k]}, onnx {mean[k]}");

        (code, output, error) = Cli("classify", song, "--model", weights);
        Assert.True(code == 0, error);
        var bars = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[1..].Where(l => !l.StartsWith("majority vote", StringComparison.Ordinal)).ToArray();
        Assert.Equal(genres.Length, bars.Length);
        foreach (var line in bars)
        {
            int k = Array.IndexOf(genres, line.Split(' ')[0]);
            Assert.Equal(mean[k], double.Parse(line.Split(' ')[^1], CultureInfo.InvariantCulture), 3);
        }
    }

    [Fact]
    public void Export_with_logits_and_bad_input_give_clear_results()
    {
        var (code, _, error) = Cli("export", "onnx", "--model", Path.Combine(_dir, "missing.safetensors"), "--out", Path.Combine(_dir, "m.onnx"));
        Assert.Equal(1, code);
        Assert.Contains("missing.safetensors", error);

        var model = ModelCatalog.Build("bu-fewer-layers", [1, 64, 65], 2, 1);
        string weights = Path.Combine(_dir, "tiny.safetensors");
        new MelClassifier("bu-fewer-layers", model, ["a", "b"], new MelScaling(-30f, 12f), pool: 2).Save(weights);
        string onnx = Path.Combine(_dir, "tiny.onnx");
        (code, var output, error) = Cli("export", "onnx", "--model", weights, "--out", onnx, "--logits");
        Assert.True(code == 0, error);
        Assert.Contains("output 'logits' [batch, 2]", output);
        using var session = Parity.Session(File.ReadAllBytes(onnx));
        Assert.Equal("logits", session.ModelMetadata.CustomMetadataMap["output"]);
        Assert.Equal("-30", session.ModelMetadata.CustomMetadataMap["input_mean"]);
        Assert.True(Parity.Compare(model, session, [1, 64, 65], 2) <= Parity.LogitTolerance);

        (code, _, error) = Cli("export", "onnx", "--model", weights, "--out", onnx, "--opset", "9");
        Assert.Equal(1, code);
        Assert.Contains("opset", error);
    }

    /// <summary>What a caller in another language does: clips, log-mels, pooling and scaling, every setting read from metadata_props.</summary>
    private static (float[] X, int Clips, int H, int W) Preprocess(string path, IReadOnlyDictionary<string, string> meta)
    {
        int Int(string key) => int.Parse(meta[key], CultureInfo.InvariantCulture);
        float Float(string key) => float.Parse(meta[key], CultureInfo.InvariantCulture);
        Assert.Equal("hann", meta["window"]);
        Assert.Equal("true", meta["center"]);
        Assert.Equal("slaney", meta["mel_norm"]);
        int sr = Int("sample_rate"), clip = Int("clip_samples"), hop = Int("clip_hop_samples"), pool = Int("input_pool");
        var stft = new StftOptions { NFft = Int("n_fft"), HopLength = Int("hop_length"), WinLength = Int("win_length") };
        var mel = new MelOptions { NMels = Int("n_mels"), FMin = Float("fmin"), FMax = Float("fmax"), Htk = meta["mel_scale"] == "htk" };
        float? topDb = meta["top_db"] == "none" ? null : Float("top_db");
        float mean = Float("input_mean"), std = Float("input_std");

        var y = AudioFile.Load(path, sr, mono: true).Samples;
        var starts = new List<int>();
        for (int s = 0; s + clip <= y.Length; s += hop) starts.Add(s);
        Assert.Equal("drop", meta["clip_tail"]);
        var rows = new List<float[]>();
        int h = 0, w = 0;
        foreach (int s in starts)
        {
            var power = MelSpectrogram.Compute(y.AsSpan(s, clip), sr, mel, stft);
            var db = meta["db_reference"] == "max" ? Decibels.PowerToDbRefMax(power, topDb: topDb) : Decibels.PowerToDb(power, topDb: topDb);
            h = db.Rows / pool;
            w = db.Cols / pool;
            var x = new float[h * w];
            for (int r = 0; r < h; r++)
                for (int c = 0; c < w; c++)
                {
                    float sum = 0;
                    for (int dr = 0; dr < pool; dr++)
                        for (int dc = 0; dc < pool; dc++) sum += db.Data[(r * pool + dr) * db.Cols + c * pool + dc];
                    x[r * w + c] = (sum / (pool * pool) - mean) / std;
                }
            rows.Add(x);
        }
        return (rows.SelectMany(r => r).ToArray(), rows.Count, h, w);
    }
}
