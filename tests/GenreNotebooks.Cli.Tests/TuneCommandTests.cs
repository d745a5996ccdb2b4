using System.Text.Json.Nodes;
using GenreNotebooks.Cli.Terminal;
using GenreNotebooks.Training;
using GenreNotebooks.Training.Tuning;

using static GenreNotebooks.Cli.Tests.CliRun;

namespace GenreNotebooks.Cli.Tests;

public class TuneCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"genre-tune-{Guid.NewGuid():N}");

    public TuneCommandTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string StudyPath => Path.Combine(_dir, "study.json");

    // Two synthetic genres, 4 tracks of 6 s each: 16 clips, split by track 12 / 2 / 2.
    private string Synth()
    {
        string data = Path.Combine(_dir, "data");
        if (Directory.Exists(data)) return data;
        var (code, _, error) = RunCli("dataset", "synth", "--out", data, "--genres", "classical,metal", "--tracks-per-genre", "4", "--seconds", "6");
        Assert.True(code == 0, error);
        return data;
    }

    private string[] Tune(int trials, params string[] more) =>
        ["tune", "--data", Synth(), "--model", "bu-bn-5x5", "--trials", trials.ToString(System.Globalization.CultureInfo.InvariantCulture), "--epochs", "1",
         "--pool", "2", "--seed", "3", "--study", StudyPath, "--cache", Path.Combine(_dir, "cache"), .. more];

    private static int[] TrialLines(string error) =>
        [.. error.Split('\n').Where(l => l.StartsWith("trial ", StringComparison.Ordinal)).Select(l => int.Parse(l.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture))];

    [Fact]
    public void Three_trials_write_a_study_that_a_second_call_continues_with_trials_3_and_4()
    {
        var (code, output, error) = RunCli(Tune(3));
        Assert.True(code == 0, error + output);
        Assert.Equal([0, 1, 2], TrialLines(error));   // one line per trial, redirected: no bar
        Assert.DoesNotContain('\r', error);
        Assert.Contains("SYNTHETIC", error);
        Assert.Contains("new study", error);
        Assert.Contains("Best 3 of 3 complete trials", output);
        Assert.Contains("best: trial ", output);
        var study = Study.Load(StudyPath);
        Assert.Equal([0, 1, 2], study.Trials.Select(t => t.Number));
        Assert.All(study.Trials, t =>
        {
            Assert.Equal(TrialState.Complete, t.State);
            Assert.InRange((double)t.Params["lr"], 1e-4, 1e-2);
            Assert.InRange((double)t.Params["dropout"], 0.1, 0.5);
            Assert.Equal([0], t.IntermediateValues.Keys);   // one epoch, reported as step 0
            Assert.Equal(t.IntermediateValues[0], t.Value);
        });

        (code, output, error) = RunCli(Tune(2));
        Assert.True(code == 0, error + output);
        Assert.Contains("continuing", error);
        Assert.Equal([3, 4], TrialLines(error));
        var continued = Study.Load(StudyPath);
        Assert.Equal([0, 1, 2, 3, 4], continued.Trials.Select(t => t.Number));
        // The first three trials are kept as they were.
        Assert.Equal(study.Trials.Select(t => t.Params["lr"]), continued.Trials.Take(3).Select(t => t.Params["lr"]));
        Assert.Contains("of 5 complete trials", output);
    }

    [Fact]
    public async Task Ctrl_c_exits_130_keeps_the_finished_trials_and_the_next_call_goes_on()
    {
        var output = new StringWriter();
        using var error = new CancellingWriter("trial 0 complete");
        int code = await GenreCli.RunAsync(Tune(3), output, error, error.Source.Token);
        Assert.True(code == 130, error.ToString() + output);
        Assert.Contains("cancelled after 1 of 3 trials", error.ToString());
        Assert.Equal([0], TrialLines(error.ToString()));
        var kept = Study.Load(StudyPath);
        Assert.Equal([TrialState.Complete], kept.Trials.Select(t => t.State));

        var (again, _, err) = RunCli(Tune(2));
        Assert.True(again == 0, err);
        Assert.Equal([1, 2], TrialLines(err));
    }

    [Fact]
    public void Bad_arguments_and_a_study_made_otherwise_fail_with_a_message()
    {
        var (code, _, error) = RunCli("tune", "--model", "uct-final", "--trials", "1", "--data", _dir);
        Assert.Equal(1, code);
        Assert.Contains("use a bu-* model", error);
        (code, _, error) = RunCli(Tune(0));
        Assert.Equal(1, code);
        Assert.Contains("--trials must be at least 1", error);
        (code, _, error) = RunCli("tune", "--trials", "1", "--data", Path.Combine(_dir, "nowhere"));
        Assert.Equal(1, code);
        Assert.Contains("nowhere", error);

        Assert.Equal(0, RunCli(Tune(1)).Code);
        (code, _, error) = RunCli([.. Tune(1).Select(a => a == "1" ? "2" : a)]);   // --trials 2 --epochs 2: other epochs
        Assert.Equal(1, code);
        Assert.Contains("holds the study", error);
        Assert.Contains("1 epochs a trial", error);
        (code, _, error) = RunCli([.. Tune(1).Select(a => a == "3" ? "4" : a)]);   // another seed
        Assert.Equal(1, code);
        Assert.Contains("seed 3", error);
        (code, _, error) = RunCli(Tune(1, "--sampler", "random"));
        Assert.Equal(1, code);
        Assert.Contains("--sampler tpe", error);
        (code, _, error) = RunCli(Tune(1, "--sampler", "grid"));
        Assert.NotEqual(0, code);
        File.WriteAllText(StudyPath, "{ not a study");
        (code, _, error) = RunCli(Tune(1));
        Assert.Equal(1, code);
        Assert.Contains(StudyPath, error);
    }

    [Fact]
    public void On_a_terminal_the_bar_names_the_trial_and_is_replaced_by_the_trials_line()
    {
        var w = new StringWriter();
        var live = new ConsoleTrialProgress(w, live: true, trials: 5, epochs: 10, width: 100);
        live.StartTrial(7);
        // The second epoch of the trial, half done: 4 s in, 4 s to go; 8 more epochs of 8 s after it.
        live.Report(new TrainingProgress(TrainingStage.Training, 2, 2, 5, 10, 80, 160, 1.5, 0.4, TimeSpan.FromSeconds(4),
            TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(4)));
        string bar = w.ToString();
        Assert.StartsWith("\rtrial 7 (1/5) epoch 2/10 [", bar);
        Assert.EndsWith("~1:08 left", bar);
        var study = Study.Create(sampler: new RandomSampler(0), pruner: new NopPruner());
        study.Optimize(t => { t.SuggestFloat("lr", 1e-4, 1e-2, log: true); t.Report(0.9, 0); return 0.9; }, nTrials: 1);
        live.EndTrial(study, study.Trials[0]);
        var lines = w.ToString().Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.Contains("\rtrial 0 complete  value 0.9000  lr ", lines[0]);
        Assert.Contains("1 epoch  ", lines[0]);
        Assert.EndsWith("best: trial 0 (0.9000)", lines[0].TrimEnd());

        var plain = new StringWriter();
        var redirected = new ConsoleTrialProgress(plain, live: false, trials: 5, epochs: 10);
        redirected.StartTrial(0);
        redirected.Report(new TrainingProgress(TrainingStage.Training, 1, 1, 5, 10, 80, 160, 1.5, 0.4, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero));
        Assert.Equal("", plain.ToString());
        redirected.EndTrial(study, study.Trials[0]);
        Assert.Equal(ConsoleTrialProgress.TrialLine(study, study.Trials[0]) + Environment.NewLine, plain.ToString());
    }

    [Fact]
    public void The_study_file_records_the_search_space_and_the_pruner()
    {
        Assert.Equal(0, RunCli(Tune(1)).Code);
        var json = JsonNode.Parse(File.ReadAllText(StudyPath))!;
        Assert.Contains("median", json.ToJsonString());
        var study = Study.Load(StudyPath);
        var pruner = Assert.IsType<MedianPruner>(study.Pruner);
        Assert.Equal((5, 3), (pruner.NStartupTrials, pruner.NWarmupSteps));
        var lr = Assert.IsType<FloatDistribution>(study.Trials[0].Distributions["lr"]);
        Assert.True(lr.Log);
        Assert.Equal((1e-4, 1e-2), (lr.Low, lr.High));
        Assert.Equal(3, Assert.IsType<TpeSampler>(study.Sampler).Seed);
    }
}
