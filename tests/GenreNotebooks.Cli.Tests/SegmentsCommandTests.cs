using System.Globalization;
using GenreNotebooks.Audio;
using GenreNotebooks.Cli;
using GenreNotebooks.Segments;

using static GenreNotebooks.Cli.Tests.CliRun;

namespace GenreNotebooks.Cli.Tests;

public sealed class SegmentsCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("genre-segments-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>A generated synthetic track, written by <c>genre dataset synth</c>.</summary>
    private string SynthTrack(string genre, double seconds)
    {
        string data = Path.Combine(_dir, "data-" + genre);
        var (code, _, error) = RunCli("dataset", "synth", "--out", data, "--genres", genre, "--tracks-per-genre", "1",
            "--seconds", seconds.ToString(CultureInfo.InvariantCulture));
        Assert.True(code == 0, error);
        return Directory.GetFiles(data, "*.wav", SearchOption.AllDirectories).Single();
    }

    private static (string[] Header, double[][] Rows) ReadCsv(string path)
    {
        var lines = File.ReadAllLines(path);
        return (lines[0].Split(','), lines.Skip(1).Select(l => l.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray());
    }

    [Fact]
    public void Segments_of_a_generated_track_have_pitch_maxima_of_one_and_durations_that_cover_it()
    {
        string wav = SynthTrack("rock", 6);
        string csv = Path.Combine(_dir, "out", "segments.csv");
        var (code, output, error) = RunCli("segments", wav, "--out", csv);
        Assert.True(code == 0, error);
        Assert.Contains("PCA fitted on this track's own", output);

        var (header, rows) = ReadCsv(csv);
        Assert.Equal(SegmentCsv.Header().Split(','), header);
        Assert.Equal(5 + 12 + 12, header.Length);
        Assert.True(rows.Length > 5, $"{rows.Length} segments in 6 s");
        Assert.Contains($"{rows.Length} segments", output);
        int p0 = Array.IndexOf(header, "pitch_0");
        foreach (var r in rows)
        {
            Assert.Equal(1.0, r[p0..(p0 + 12)].Max());
            Assert.InRange(r[1], 0.05, 1.0);
        }
        Assert.Equal(0.0, rows[0][0]);
        for (int k = 0; k + 1 < rows.Length; k++) Assert.Equal(rows[k][0] + rows[k][1], rows[k + 1][0], 9);
        double seconds = AudioFile.Load(wav).Length / 22050.0;
        Assert.Equal(seconds, rows.Sum(r => r[1]), 9);
        // Self-fitted timbre: centred on this track.
        int t0 = Array.IndexOf(header, "timbre_0");
        Assert.Equal(0.0, rows.Average(r => r[t0]), 3);
    }

    [Fact]
    public void A_saved_timbre_model_is_used_and_named()
    {
        string train = SynthTrack("classical", 4);
        var model = SegmentTimbre.Fit([SegmentAnalyzer.Analyze(AudioFile.Load(train))]);
        string modelPath = Path.Combine(_dir, "timbre.json");
        model.Save(modelPath);
        string wav = SynthTrack("metal", 4);
        string csv = Path.Combine(_dir, "metal.csv");
        var (code, output, error) = RunCli("segments", wav, "--out", csv, "--timbre", modelPath);
        Assert.True(code == 0, error);
        Assert.Contains(modelPath, output);
        var (header, rows) = ReadCsv(csv);
        var expected = model.Transform(SegmentAnalyzer.Analyze(AudioFile.Load(wav)));
        int t0 = Array.IndexOf(header, "timbre_0");
        Assert.Equal(expected.Rows, rows.Length);
        for (int k = 0; k < rows.Length; k++)
            for (int c = 0; c < 12; c++) Assert.Equal(expected[k, c], (float)rows[k][t0 + c]);
    }

    [Fact]
    public void Bad_input_fails_with_a_message_naming_the_file()
    {
        string corrupt = Path.Combine(_dir, "jazz.00054.wav");
        File.WriteAllBytes(corrupt, new byte[5000]);
        string missing = Path.Combine(_dir, "missing.wav");
        string tiny = Path.Combine(_dir, "tiny.wav");
        WavWriter.Write(tiny, new AudioSignal(new float[500], 22050));
        foreach (var (file, problem) in new[] { (corrupt, "not a RIFF/WAVE file"), (missing, "not found"), (tiny, "too short") })
        {
            var (code, _, error) = RunCli("segments", file, "--out", Path.Combine(_dir, "x.csv"));
            Assert.Equal(1, code);
            Assert.Contains(file, error);
            Assert.Contains(problem, error);
        }
        string wav = SynthTrack("pop", 2);
        string badModel = Path.Combine(_dir, "model.json");
        File.WriteAllText(badModel, "{}");
        var (c1, _, e1) = RunCli("segments", wav, "--out", Path.Combine(_dir, "y.csv"), "--timbre", badModel);
        Assert.Equal(1, c1);
        Assert.Contains(badModel, e1);
        var (c2, _, e2) = RunCli("segments", wav, "--out", Path.Combine(_dir, "y.csv"), "--min-duration", "0.5", "--max-duration", "0.4");
        Assert.Equal(1, c2);
        Assert.Contains("longest segment", e2);
        Assert.NotEqual(0, RunCli("segments", wav).Code); // --out is required
        Assert.False(File.Exists(Path.Combine(_dir, "y.csv")));
    }

    [Fact]
    public void Bench_segments_is_registered()
    {
        var (code, output, _) = RunCli("bench", "segments", "--help");
        Assert.Equal(0, code);
        Assert.Contains("--runs", output);
    }
}
