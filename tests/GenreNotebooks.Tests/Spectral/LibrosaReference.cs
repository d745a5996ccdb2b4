using System.Globalization;
using GenreNotebooks.Features;

namespace GenreNotebooks.Tests.Spectral;

/// <summary>Loads the librosa 0.10.2 reference vectors copied under Data/librosa (inputs/*.wav, outputs/*.csv).</summary>
internal static class LibrosaReference
{
    public static string Dir => Path.Combine(AppContext.BaseDirectory, "Data", "librosa");

    public static string InputPath(string name) => Path.Combine(Dir, "inputs", name + ".wav");

    public static string OutputPath(string file) => Path.Combine(Dir, "outputs", file);

    /// <summary>Mono 16-bit PCM WAV at 22050 Hz as librosa.load returns it (int16 / 32768).</summary>
    public static float[] LoadPcm16Mono(string name)
    {
        var bytes = File.ReadAllBytes(InputPath(name));
        int pos = 12;
        int channels = 0, bits = 0;
        while (pos + 8 <= bytes.Length)
        {
            string id = System.Text.Encoding.ASCII.GetString(bytes, pos, 4);
            int size = BitConverter.ToInt32(bytes, pos + 4);
            if (id == "fmt ")
            {
                channels = BitConverter.ToInt16(bytes, pos + 10);
                bits = BitConverter.ToInt16(bytes, pos + 22);
            }
            else if (id == "data")
            {
                if (channels != 1 || bits != 16) throw new InvalidDataException($"{name}: test reader handles mono 16-bit only");
                var y = new float[size / 2];
                for (int i = 0; i < y.Length; i++) y[i] = BitConverter.ToInt16(bytes, pos + 8 + 2 * i) / 32768f;
                return y;
            }
            pos += 8 + size + (size & 1);
        }
        throw new InvalidDataException($"{name}: no data chunk");
    }

    /// <summary>A reference CSV of numbers: one row per line.</summary>
    public static double[][] Matrix(string file) =>
        File.ReadAllLines(OutputPath(file)).Where(l => l.Length > 0)
            .Select(l => l.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();

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
}
