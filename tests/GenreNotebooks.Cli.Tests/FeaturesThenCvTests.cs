using System.Globalization;
using GenreNotebooks.Cli;

namespace GenreNotebooks.Cli.Tests;

/// <summary>`genre cv` on a CSV written by `genre features` (the features study's pipeline end to end).</summary>
public class FeaturesThenCvTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"genre-fcv-{Guid.NewGuid():N}");

    public FeaturesThenCvTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string[] Lines, string Error) Cli(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = GenreCli.Run(args, output, error);
        return (code, output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries), error.ToString());
    }

    [Fact]
    public void Cv_runs_five_folds_on_the_csv_that_genre_features_wrote()
    {
        string data = Path.Combine(_dir, "data");
        var (code, _, error) = Cli("dataset", "synth", "--out", data, "--genres", "classical,metal,pop", "--tracks-per-genre", "5", "--seconds", "4");
        Assert.True(code == 0, error);
        string csv = Path.Combine(_dir, "features.csv");
        (code, _, error) = Cli("features", data, "--out", csv);
        Assert.True(code == 0, error);

        (code, var lines, error) = Cli("cv", "--features", csv, "--model", "features-1d-cnn", "--folds", "5", "--epochs", "4", "--drop-correlated", "0.8");
        Assert.True(code == 0, error);
        Assert.Equal(6, lines.Length);
        for (int f = 0; f < 5; f++) Assert.StartsWith($"fold {f + 1} ", lines[f]);
        var accuracies = lines[..5].Select(l => double.Parse(l.Split(' ')[^1], CultureInfo.InvariantCulture)).ToArray();
        Assert.All(accuracies, a => Assert.InRange(a, 0, 1));
        Assert.StartsWith("mean ", lines[^1]);
        Assert.Equal(accuracies.Average(), double.Parse(lines[^1].Split(' ')[1], CultureInfo.InvariantCulture), 3);
    }
}
