using GenreNotebooks.Audio;
using GenreNotebooks.Cli;

namespace GenreNotebooks.Cli.Tests;

public sealed class FeaturesCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "gn-cli-features-" + Guid.NewGuid().ToString("N"));

    public FeaturesCommandTests() => Directory.CreateDirectory(Path.Combine(_dir, "pop"));

    public void Dispose()
    {
        try { Directory.Delete(_dir, true); } catch (IOException) { }
    }

    private string WriteClip(string name, int seed)
    {
        var rng = new Random(seed);
        var y = new float[33075];
        for (int i = 0; i < y.Length; i++) y[i] = (float)(0.3 * Math.Sin(2 * Math.PI * (300 + seed) * i / 22050) + 0.05 * (rng.NextDouble() - 0.5));
        string path = Path.Combine(_dir, "pop", name);
        WavWriter.Write(path, new AudioSignal(y, 22050));
        return path;
    }

    private const string KaggleHeader =
        "filename,length,chroma_stft_mean,chroma_stft_var,rms_mean,rms_var,spectral_centroid_mean,spectral_centroid_var," +
        "spectral_bandwidth_mean,spectral_bandwidth_var,rolloff_mean,rolloff_var,zero_crossing_rate_mean,zero_crossing_rate_var," +
        "harmony_mean,harmony_var,perceptr_mean,perceptr_var,tempo," +
        "mfcc1_mean,mfcc1_var,mfcc2_mean,mfcc2_var,mfcc3_mean,mfcc3_var,mfcc4_mean,mfcc4_var,mfcc5_mean,mfcc5_var," +
        "mfcc6_mean,mfcc6_var,mfcc7_mean,mfcc7_var,mfcc8_mean,mfcc8_var,mfcc9_mean,mfcc9_var,mfcc10_mean,mfcc10_var," +
        "mfcc11_mean,mfcc11_var,mfcc12_mean,mfcc12_var,mfcc13_mean,mfcc13_var,mfcc14_mean,mfcc14_var,mfcc15_mean,mfcc15_var," +
        "mfcc16_mean,mfcc16_var,mfcc17_mean,mfcc17_var,mfcc18_mean,mfcc18_var,mfcc19_mean,mfcc19_var,mfcc20_mean,mfcc20_var,label";

    [Fact]
    public void Features_writes_a_kaggle_csv_with_one_row_per_file()
    {
        WriteClip("pop.00000.wav", 1);
        WriteClip("pop.00001.wav", 2);
        string csv = Path.Combine(_dir, "features.csv");
        var output = new StringWriter();
        var error = new StringWriter();
        int code = GenreCli.Run(["features", _dir, "--out", csv], output, error);
        Assert.True(code == 0, error.ToString());
        var lines = File.ReadAllLines(csv);
        Assert.Equal(KaggleHeader, lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.All(lines.Skip(1), l =>
        {
            var f = l.Split(',');
            Assert.Equal(60, f.Length);
            Assert.Equal("33075", f[1]);
            Assert.Equal("pop", f[59]);
        });
        Assert.Contains("2 row(s) from 2 file(s)", output.ToString());
    }

    [Fact]
    public void A_bad_file_is_reported_by_name_and_exit_code_2_while_the_rest_is_written()
    {
        WriteClip("pop.00000.wav", 1);
        File.WriteAllText(Path.Combine(_dir, "pop", "pop.00005.wav"), "garbage");
        string csv = Path.Combine(_dir, "features.csv");
        var output = new StringWriter();
        var error = new StringWriter();
        int code = GenreCli.Run(["features", _dir, "--out", csv, "--threads", "1"], output, error);
        Assert.Equal(2, code);
        Assert.Contains("pop.00005.wav", error.ToString());
        Assert.Equal(2, File.ReadAllLines(csv).Length);
    }

    [Fact]
    public void Missing_input_and_missing_out_fail_with_a_message()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        Assert.Equal(1, GenreCli.Run(["features", Path.Combine(_dir, "nope"), "--out", Path.Combine(_dir, "x.csv")], output, error));
        Assert.Contains("nope", error.ToString());
        Assert.NotEqual(0, GenreCli.Run(["features", _dir], new StringWriter(), new StringWriter()));
    }

    [Fact]
    public void Bench_lists_the_features_benchmark()
    {
        var output = new StringWriter();
        Assert.Equal(0, GenreCli.Run(["bench", "--help"], output));
        Assert.Contains("features", output.ToString());
    }

    [Fact]
    public void Empty_folder_or_one_without_audio_fails_saying_so_and_writes_nothing()
    {
        string empty = Path.Combine(_dir, "empty");
        Directory.CreateDirectory(empty);
        string csv = Path.Combine(_dir, "out.csv");
        var error = new StringWriter();
        Assert.Equal(1, GenreCli.Run(["features", empty, "--out", csv], new StringWriter(), error));
        Assert.Contains($"folder '{empty}' holds no audio files", error.ToString());
        Assert.Contains("it is empty", error.ToString());
        Assert.False(File.Exists(csv));

        File.WriteAllText(Path.Combine(_dir, "pop", "notes.txt"), "not audio");
        error = new StringWriter();
        Assert.Equal(1, GenreCli.Run(["features", Path.Combine(_dir, "pop"), "--out", csv], new StringWriter(), error));
        Assert.Contains("holds no audio files (.wav", error.ToString());
        Assert.DoesNotContain("it is empty", error.ToString());

        // Beside a folder with audio, the empty one is reported and the rest is extracted.
        WriteClip("pop.00001.wav", 1);
        error = new StringWriter();
        Assert.Equal(0, GenreCli.Run(["features", Path.Combine(_dir, "pop"), empty, "--out", csv, "--threads", "1"], new StringWriter(), error));
        Assert.Contains($"folder '{empty}' holds no audio files", error.ToString());
        Assert.Equal(2, File.ReadAllLines(csv).Length);
    }
}
