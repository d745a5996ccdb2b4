using System.Globalization;
using GenreNotebooks.Audio;

namespace GenreNotebooks.Tests.Spectral;

/// <summary>
/// The librosa 0.10.2 reference set copied under Data/librosa in its original layout: the test signals in inputs/
/// (*.wav) and librosa's results in outputs/ (CSV, one matrix row per line; summary.json). Data/librosa/README.md says
/// what each file holds and how it was made (make_reference.py).
/// </summary>
internal static class LibrosaReference
{
    public static readonly string[] Inputs = ["chirp-3s", "noise-silence-square-3s", "stereo-44k-3s", "tone-chord-clicks-30s"];

    public static string Dir => Path.Combine(AppContext.BaseDirectory, "Data", "librosa");

    /// <summary>The path of a test signal: inputs/&lt;input&gt;.wav.</summary>
    public static string Wav(string input) => Path.Combine(Dir, "inputs", input + ".wav");

    /// <summary>The path of a librosa result: outputs/&lt;file&gt;.</summary>
    public static string Output(string file) => Path.Combine(Dir, "outputs", file);

    /// <summary>A reference CSV of numbers from outputs/: one matrix row per line.</summary>
    public static double[][] Csv(string name)
    {
        var path = Output(name);
        return File.ReadAllLines(path).Where(l => l.Length > 0)
            .Select((l, i) => l.Split(',').Select(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
                ? d
                : throw new InvalidDataException($"{path}: line {i + 1} holds '{v}', not a number")).ToArray())
            .ToArray();
    }

    public static AudioSignal Load(string input) => AudioFile.Load(Wav(input));

    /// <summary>Max of |a - b| / |b| over the cells where |b| exceeds <paramref name="floorFraction"/> of max |b|.</summary>
    public static double MaxRelativeError(FloatMatrix actual, double[][] expected, double floorFraction)
    {
        Assert.Equal(expected.Length, actual.Rows);
        Assert.Equal(expected[0].Length, actual.Cols);
        double max = expected.SelectMany(r => r).Max(Math.Abs);
        double worst = 0;
        for (int r = 0; r < expected.Length; r++)
            for (int c = 0; c < expected[r].Length; c++)
            {
                double b = expected[r][c];
                if (Math.Abs(b) <= floorFraction * max) continue;
                worst = Math.Max(worst, Math.Abs(actual[r, c] - b) / Math.Abs(b));
            }
        return worst;
    }

    public static double MaxAbsError(FloatMatrix actual, double[][] expected, Func<int, bool>? rowFilter = null)
    {
        Assert.Equal(expected.Length, actual.Rows);
        Assert.Equal(expected[0].Length, actual.Cols);
        double worst = 0;
        for (int r = 0; r < expected.Length; r++)
        {
            if (rowFilter is not null && !rowFilter(r)) continue;
            for (int c = 0; c < expected[r].Length; c++) worst = Math.Max(worst, Math.Abs(actual[r, c] - expected[r][c]));
        }
        return worst;
    }
}
