using System.Globalization;
using GenreNotebooks.Features;

namespace GenreNotebooks.Tests.Spectral;

/// <summary>Feature-level views of the librosa 0.10.2 reference set (<see cref="LibrosaReference"/>: inputs/*.wav, outputs/*.csv).</summary>
internal static class FeatureReference
{
    public static string InputPath(string name) => LibrosaReference.Wav(name);

    public static string OutputPath(string file) => LibrosaReference.Output(file);

    /// <summary>The reference input as librosa.load(path) gives it (22050 Hz mono), through AudioFile.Load.</summary>
    public static float[] Load(string name) => LibrosaReference.Load(name).Samples;

    /// <summary>A reference CSV of numbers: one row per line.</summary>
    public static double[][] Matrix(string file) => LibrosaReference.Csv(file);

    public static double[] Vector(string file) => Matrix(file)[0];

    /// <summary>Rows of a *.gtzan_features.csv: filename to (length, 57 values).</summary>
    public static Dictionary<string, (int Length, double[] Values)> GtzanRows(string name)
    {
        var lines = File.ReadAllLines(OutputPath(name + ".gtzan_features.csv")).Where(l => l.Length > 0).ToArray();
        var header = lines[0].Split(',');
        Assert.Equal(GtzanColumns.All, header);
        var rows = new Dictionary<string, (int, double[])>();
        foreach (var line in lines.Skip(1))
        {
            var f = line.Split(',');
            rows[f[0]] = (int.Parse(f[1], CultureInfo.InvariantCulture),
                f.Skip(2).Take(57).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray());
        }
        return rows;
    }

    /// <summary>Largest |a - b| / max(|b|, floor) over the pairs.</summary>
    public static double MaxRelative(IReadOnlyList<double> actual, IReadOnlyList<double> expected, double floor)
    {
        Assert.Equal(expected.Count, actual.Count);
        double m = 0;
        for (int i = 0; i < expected.Count; i++)
            m = Math.Max(m, Math.Abs(actual[i] - expected[i]) / Math.Max(Math.Abs(expected[i]), floor));
        return m;
    }

    public static readonly string[] Mono22k = ["chirp-3s", "noise-silence-square-3s", "tone-chord-clicks-30s"];

    public static readonly string[] All = [.. Mono22k, Resampled];

    /// <summary>The 44.1-kHz stereo input: loading resamples it, and our resampler differs from librosa's soxr_hq by up to ~1e-4 per sample.</summary>
    public const string Resampled = "stereo-44k-3s";

    /// <summary>
    /// Frame-level tolerance: 1e-4 relative for the 22.05-kHz inputs (identical samples); for the resampled input the
    /// sample differences propagate, so the check is only that the feature stays close (1e-2 relative; a zero-crossing
    /// count can change by one crossing in a frame with ~30, hence 5e-2 for ZCR).
    /// </summary>
    public static double FrameTolerance(string name, string feature) =>
        name != Resampled ? 1e-4 : feature == "zero_crossing_rate" ? 5e-2 : 1e-2;

    /// <summary>Magnitude |STFT| with librosa's defaults and its float32 square (what chroma_stft and melspectrogram use).</summary>
    public static (FloatMatrix Magnitude, FloatMatrix Power) Spectra(float[] y)
    {
        var mag = GenreNotebooks.Spectral.Stft.Compute(y).Magnitude();
        var pow = new FloatMatrix(mag.Rows, mag.Cols);
        for (int i = 0; i < pow.Data.Length; i++) pow.Data[i] = mag.Data[i] * mag.Data[i];
        return (mag, pow);
    }

    public static System.Text.Json.JsonElement Summary(string name) =>
        System.Text.Json.JsonDocument.Parse(File.ReadAllText(OutputPath("summary.json"))).RootElement.GetProperty("files").GetProperty(name + ".wav");
}
