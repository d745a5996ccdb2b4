using System.Globalization;
using GenreNotebooks.Cli;
using GenreNotebooks.Features;

namespace GenreNotebooks.Cli.Tests;

public class CvCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"genre-cv-{Guid.NewGuid():N}");

    public CvCommandTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>
    /// A Kaggle-format CSV of 3 genres x <paramref name="tracks"/> tracks x <paramref name="segments"/> rows; every
    /// genre's rows scatter (sd 1) around its own point, so the genres are learnable. Column 1 copies column 0 (r = 1).
    /// </summary>
    private string WriteCsv(int tracks, int segments, ulong seed)
    {
        string[] genres = ["blues", "classical", "metal"];
        var columns = GtzanColumns.Features;
        var centre = new GenreNotebooks.Nn.Generator(99);
        var mu = genres.Select(_ => columns.Select(_ => 2 * centre.NextGaussian()).ToArray()).ToArray();
        var g = new GenreNotebooks.Nn.Generator(seed);
        var names = new List<string>();
        var labels = new List<string>();
        var rows = new List<double[]>();
        for (int k = 0; k < genres.Length; k++)
            for (int t = 0; t < tracks; t++)
                for (int s = 0; s < segments; s++)
                {
                    names.Add(segments == 1 ? $"{genres[k]}.{t:00000}.wav" : $"{genres[k]}.{t:00000}.{s}.wav");
                    labels.Add(genres[k]);
                    var row = columns.Select((_, j) => mu[k][j] + g.NextGaussian()).ToArray();
                    row[1] = row[0];
                    rows.Add(row);
                }
        var values = Enumerable.Range(0, columns.Count).Select(j => rows.Select(r => r[j]).ToArray()).ToArray();
        var table = new FeatureTable(columns, values, names, labels);
        string path = Path.Combine(_dir, "features.csv");
        FeatureTableCsv.Write(table, path);
        return path;
    }

    private static (int Code, string[] Lines, string Error) Cli(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = GenreCli.Run(args, output, error);
        return (code, output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries), error.ToString());
    }

    [Fact]
    public void Prints_one_accuracy_per_fold_then_their_mean_last()
    {
        string csv = WriteCsv(tracks: 8, segments: 1, seed: 1);
        var (code, lines, error) = Cli("cv", "--features", csv, "--model", "dtu-mlp", "--folds", "4", "--epochs", "15", "--seed", "3");
        Assert.True(code == 0, error);
        Assert.Equal(5, lines.Length);
        var accuracies = lines[..4].Select(l => double.Parse(l.Split(' ')[^1], CultureInfo.InvariantCulture)).ToArray();
        Assert.All(lines[..4].Select((l, i) => (l, i)), p => Assert.StartsWith($"fold {p.i + 1} ", p.l));
        Assert.StartsWith("mean ", lines[^1]);
        double mean = double.Parse(lines[^1].Split(' ')[1], CultureInfo.InvariantCulture);
        Assert.Equal(accuracies.Average(), mean, 3);
        Assert.True(mean >= 0.8, $"mean accuracy {mean} on separable genres");
    }

    [Fact]
    public void Segment_rows_work_and_correlated_columns_are_dropped()
    {
        string csv = WriteCsv(tracks: 6, segments: 3, seed: 2);
        var (code, lines, error) = Cli("cv", "--features", csv, "--model", "features-1d-cnn", "--folds", "3", "--epochs", "8", "--drop-correlated", "0.8");
        Assert.True(code == 0, error);
        Assert.Equal(4, lines.Length);
        Assert.Contains("dropped", error);
        Assert.Contains(GtzanColumns.Features[1], error);
        Assert.StartsWith("mean ", lines[^1]);
    }

    [Fact]
    public void Bad_arguments_fail_with_a_message()
    {
        string csv = WriteCsv(tracks: 4, segments: 1, seed: 3);
        var (code, _, error) = Cli("cv", "--features", csv, "--model", "bu-final");
        Assert.Equal(1, code);
        Assert.Contains("not a feature vector", error);
        (code, _, error) = Cli("cv", "--features", Path.Combine(_dir, "missing.csv"), "--model", "dtu-mlp");
        Assert.Equal(1, code);
        Assert.Contains("missing.csv", error);
        (code, _, error) = Cli("cv", "--features", csv, "--model", "no-such-model");
        Assert.Equal(1, code);
        Assert.Contains("known models", error);
    }

    [Fact]
    public void Messages_name_the_problem_without_dotnet_parameter_suffixes()
    {
        var (code, _, error) = Cli("cv", "--features", Path.Combine(_dir, "x.csv"), "--model", "no-such-model");
        Assert.Equal(1, code);
        Assert.DoesNotContain("(Parameter", error);

        string text = Path.Combine(_dir, "notes.txt");
        File.WriteAllText(text, "hello\n");
        (code, _, error) = Cli("cv", "--features", text, "--model", "dtu-mlp");
        Assert.Equal(1, code);
        Assert.Contains(text, error);
        Assert.Contains("missing 60 of the 60 required columns", error);
        Assert.True(error.Length < 600, error);
    }
}
