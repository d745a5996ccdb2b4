using System.Globalization;
using GenreNotebooks.Cli.Terminal;
using GenreNotebooks.Features;
using GenreNotebooks.Training;

namespace GenreNotebooks.Cli.Tests;

public class ProgressOutputTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"genre-progress-{Guid.NewGuid():N}");

    public ProgressOutputTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static TrainingProgress At(int batch, int batches = 50) =>
        new(TrainingStage.Training, 3, 20, batch, batches, batch * 32, batches * 32, 1.23456, 0.56, TimeSpan.FromSeconds(42),
            TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(83));

    private static EpochReport Epoch(int e) => new(e, 20, 1.0, 0.5, double.NaN, double.NaN, 0.001, TimeSpan.FromSeconds(2));

    [Fact]
    public void Bar_fills_with_the_epochs_fraction_and_fits_the_width()
    {
        string half = ProgressBar.Render(At(25), 100);
        Assert.Equal("epoch 3/20 [####################--------------------] 25/50  loss 1.2346  acc 0.5600  ~1:23 left", half);
        string full = ProgressBar.Render(At(50), 100);
        Assert.Contains("[" + new string('#', ProgressBar.MaxBarWidth) + "]", full);
        Assert.Contains("[" + new string('-', ProgressBar.MaxBarWidth) + "]", ProgressBar.Render(At(0), 100));
        string narrow = ProgressBar.Render(At(25), 70);
        Assert.Equal(70, narrow.Length);
        int bar = narrow.IndexOf(']') - narrow.IndexOf('[') - 1;
        Assert.Equal(bar / 2, narrow.Count(c => c == '#'));
        Assert.DoesNotContain("[", ProgressBar.Render(At(25), 60));                // no room: no bar
        Assert.Equal(30, ProgressBar.Render(At(25), 30, "fold 2/5 ").Length);     // cut, never wider
        Assert.StartsWith("fold 2/5 epoch 3/20 [", ProgressBar.Render(At(25), 100, "fold 2/5 "));
        Assert.Throws<ArgumentOutOfRangeException>(() => ProgressBar.Render(At(1), 0));
    }

    [Fact]
    public void Live_progress_redraws_one_line_and_replaces_it_with_the_epoch_line()
    {
        var w = new StringWriter();
        var live = new ConsoleTrainingProgress(w, live: true, width: 100);
        live.Report(At(10));
        live.Report(At(40));
        live.Report(Epoch(3));
        string text = w.ToString();
        var lines = text.Split('\n');
        Assert.Equal(2, lines.Length);  // one finished line, then nothing
        Assert.Equal(3, lines[0].Count(c => c == '\r'));
        Assert.EndsWith("\r" + Epoch(3).ToString().PadRight(ProgressBar.Render(At(40), 100).Length), lines[0]);

        var cancelled = new StringWriter();
        var bar = new ConsoleTrainingProgress(cancelled, live: true, width: 100);
        bar.Report(At(10));
        bar.Report(At(10) with { Stage = TrainingStage.Cancelled });
        Assert.EndsWith("left" + Environment.NewLine, cancelled.ToString()); // the last bar stays, the line is ended
    }

    [Fact]
    public void Redirected_progress_is_one_plain_line_per_epoch()
    {
        var w = new StringWriter();
        var plain = new ConsoleTrainingProgress(w, live: false, prefix: "fold 1/2 ");
        plain.Report(At(10));
        plain.Report(Epoch(1));
        plain.Report(At(10));
        plain.Report(Epoch(2));
        plain.Report(At(50) with { Stage = TrainingStage.Finished });
        Assert.Equal(["fold 1/2 " + Epoch(1), "fold 1/2 " + Epoch(2), ""], w.ToString().Split(Environment.NewLine));
        Assert.False(ConsoleTrainingProgress.IsTerminal(w));
    }

    private string WriteCsv()
    {
        string[] genres = ["blues", "classical", "metal"];
        var columns = GtzanColumns.Features;
        var g = new GenreNotebooks.Nn.Generator(5);
        var names = new List<string>();
        var labels = new List<string>();
        var rows = new List<double[]>();
        for (int k = 0; k < genres.Length; k++)
            for (int t = 0; t < 6; t++)
            {
                names.Add($"{genres[k]}.{t:00000}.wav");
                labels.Add(genres[k]);
                rows.Add(columns.Select((_, j) => 3.0 * k * (j % 3 == 0 ? 1 : 0) + g.NextGaussian()).ToArray());
            }
        var values = Enumerable.Range(0, columns.Count).Select(j => rows.Select(r => r[j]).ToArray()).ToArray();
        string path = Path.Combine(_dir, "features.csv");
        FeatureTableCsv.Write(new FeatureTable(columns, values, names, labels), path);
        return path;
    }

    [Fact]
    public void Cv_redirected_writes_one_progress_line_per_fold_and_epoch_to_standard_error()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = GenreCli.Run(["cv", "--features", WriteCsv(), "--model", "dtu-mlp", "--folds", "3", "--epochs", "4"], output, error);
        Assert.True(code == 0, error.ToString());
        string err = error.ToString();
        Assert.DoesNotContain('\r', err);
        var progress = err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Enumerable.Range(1, 3).SelectMany(f => Enumerable.Range(1, 4).Select(e => $"fold {f}/3 epoch {e}/4 ")),
            progress.Select(l => l[..l.IndexOf("  ", StringComparison.Ordinal)] + " "));
        Assert.Equal(4, output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task Cv_cancelled_prints_the_completed_folds_without_a_mean_and_exits_130()
    {
        var output = new StringWriter();
        using var error = new CancellingWriter("fold 2/3 epoch 1/");
        int code = await GenreCli.RunAsync(["cv", "--features", WriteCsv(), "--model", "dtu-mlp", "--folds", "3", "--epochs", "4"], output, error,
            error.Source.Token);
        Assert.Equal(130, code);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("fold 1 ", Assert.Single(lines));
        Assert.Contains("cancelled after 1 of 3 folds", error.ToString());
        Assert.DoesNotContain("fold 2/3 epoch 2/", error.ToString());
        Assert.DoesNotContain("fold 3/3", error.ToString());
    }

    private string Synth()
    {
        string data = Path.Combine(_dir, "data");
        int code = GenreCli.Run(["dataset", "synth", "--out", data, "--genres", "classical,metal", "--tracks-per-genre", "4", "--seconds", "6"],
            new StringWriter(), new StringWriter());
        Assert.Equal(0, code);
        return data;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Train_cancelled_after_an_epoch_exits_130_and_saves_only_with_save_partial(bool savePartial)
    {
        string data = Synth();
        string weights = Path.Combine(_dir, "model.safetensors");
        using var output = new CancellingWriter("epoch 1/4");
        string[] args = ["train", "--data", data, "--model", "bu-fewer-layers", "--epochs", "4", "--seed", "3", "--pool", "2", "--out", weights,
            "--cache", Path.Combine(_dir, "cache"), .. savePartial ? new[] { "--save-partial" } : []];
        var error = new StringWriter();
        int code = await GenreCli.RunAsync(args, output, error, output.Source.Token);
        string text = output.ToString();
        Assert.True(code == 130, error + text);
        Assert.Contains("cancelled after 1 of 4 epochs", text);
        Assert.DoesNotContain("epoch 2/4", text);
        Assert.Equal(1, text.Split('\n').Count(l => l.StartsWith("epoch ", StringComparison.Ordinal)));
        Assert.Equal(savePartial, File.Exists(weights));
        Assert.Contains(savePartial ? "--save-partial" : "weights not saved", text);
    }

    [Fact]
    public void Train_redirected_prints_one_line_per_epoch()
    {
        var output = new StringWriter();
        int code = GenreCli.Run(["train", "--data", Synth(), "--model", "bu-fewer-layers", "--epochs", "3", "--seed", "3", "--pool", "2",
            "--out", Path.Combine(_dir, "m.safetensors"), "--cache", Path.Combine(_dir, "cache")], output, new StringWriter());
        Assert.Equal(0, code);
        string text = output.ToString();
        Assert.DoesNotContain('\r', text);
        Assert.Equal(["epoch 1/3", "epoch 2/3", "epoch 3/3"],
            text.Split('\n').Where(l => l.StartsWith("epoch ", StringComparison.Ordinal)).Select(l => l[..9]));
    }
}
