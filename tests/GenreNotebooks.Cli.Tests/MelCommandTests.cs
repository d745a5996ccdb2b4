using System.Globalization;
using GenreNotebooks.Audio;
using GenreNotebooks.Cli;
using GenreNotebooks.Spectral;

namespace GenreNotebooks.Cli.Tests;

public sealed class MelCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("genre-mel-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string WriteTone(string name, int rate = 22050, int n = 22050)
    {
        var path = Path.Combine(_dir, name);
        var y = Enumerable.Range(0, n).Select(i => (float)(0.3 * Math.Sin(2 * Math.PI * 440 * i / rate))).ToArray();
        WavWriter.Write(path, new AudioSignal(y, rate), WavSampleFormat.Float32);
        return path;
    }

    private static float[][] ReadCsv(string path) =>
        File.ReadAllLines(path).Select(l => l.Split(',').Select(v => float.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();

    [Fact]
    public void Mel_writes_one_row_per_band_with_round_trip_values()
    {
        var wav = WriteTone("tone.wav");
        var csv = Path.Combine(_dir, "out", "mel.csv");
        var output = new StringWriter();
        int code = GenreCli.Run(["mel", wav, "--out", csv, "--n-mels", "64", "--n-fft", "1024", "--hop", "256"], output, new StringWriter());
        Assert.Equal(0, code);
        Assert.Contains("64 bands", output.ToString());
        var rows = ReadCsv(csv);
        var expected = MelSpectrogram.Compute(AudioFile.Load(wav).Samples, 22050, new MelOptions { NMels = 64 }, new StftOptions { NFft = 1024, HopLength = 256 });
        Assert.Equal(64, rows.Length);
        Assert.All(rows, r => Assert.Equal(expected.Cols, r.Length));
        for (int m = 0; m < 64; m++)
            for (int t = 0; t < expected.Cols; t++) Assert.Equal(expected[m, t], rows[m][t]); // exact: "R" round-trips
    }

    [Fact]
    public void Db_option_writes_log_mel_relative_to_the_maximum()
    {
        var wav = WriteTone("tone44.wav", rate: 44100, n: 44100);
        var csv = Path.Combine(_dir, "logmel.csv");
        Assert.Equal(0, GenreCli.Run(["mel", wav, "--out", csv, "--db"], new StringWriter(), new StringWriter()));
        var rows = ReadCsv(csv);
        Assert.Equal(128, rows.Length);
        Assert.Equal(1 + 22050 / 512, rows[0].Length);      // resampled to 22050 Hz first
        var all = rows.SelectMany(r => r).ToArray();
        Assert.Equal(0f, all.Max());
        Assert.Equal(-80f, all.Min(), 3);
    }

    [Fact]
    public void Bad_input_fails_with_a_message_naming_the_file()
    {
        var raw = Path.Combine(_dir, "jazz.00054.wav");
        File.WriteAllBytes(raw, new byte[5000]);
        var missing = Path.Combine(_dir, "missing.wav");
        foreach (var (file, problem) in new[] { (raw, "not a RIFF/WAVE file"), (missing, "not found"), (_dir, "directory") })
        {
            var error = new StringWriter();
            int code = GenreCli.Run(["mel", file, "--out", Path.Combine(_dir, "x.csv")], new StringWriter(), error);
            Assert.NotEqual(0, code);
            Assert.Contains(file, error.ToString());
            Assert.Contains(problem, error.ToString());
        }
        var badOption = new StringWriter();
        Assert.NotEqual(0, GenreCli.Run(["mel", WriteTone("t.wav"), "--out", Path.Combine(_dir, "y.csv"), "--hop", "0"], new StringWriter(), badOption));
        Assert.Contains("hop", badOption.ToString());
        Assert.NotEqual(0, GenreCli.Run(["mel", WriteTone("u.wav")], new StringWriter(), new StringWriter())); // --out is required
    }

    [Fact]
    public void Bench_spectral_is_registered()
    {
        var output = new StringWriter();
        Assert.Equal(0, GenreCli.Run(["bench", "spectral", "--help"], output, new StringWriter()));
        Assert.Contains("--runs", output.ToString());
    }

    [Fact]
    public void Bad_option_values_are_named_without_dotnet_parameter_suffixes()
    {
        var error = new StringWriter();
        Assert.Equal(1, GenreCli.Run(["mel", WriteTone("v.wav"), "--out", Path.Combine(_dir, "z.csv"), "--n-mels", "0"], new StringWriter(), error));
        Assert.Contains("n_mels must be positive", error.ToString());
        Assert.DoesNotContain("(Parameter", error.ToString());
        Assert.DoesNotContain("Actual value", error.ToString());
    }
}
