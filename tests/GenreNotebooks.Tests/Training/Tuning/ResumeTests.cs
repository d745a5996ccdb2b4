using System.Globalization;
using GenreNotebooks.Training.Tuning;

namespace GenreNotebooks.Tests.Training.Tuning;

/// <summary>A study stopped mid-run (killed, or cancelled) and resumed from its file has the trials of an uninterrupted run.</summary>
public sealed class ResumeTests : IDisposable
{
    private const int Total = 24;
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>
    /// A training-shaped objective: 4 "epochs" of a loss curve set by lr and dropout, reported and pruned by the median
    /// rule; dropout above 0.85 "diverges" (throws), so every state occurs. <paramref name="during"/> runs before each
    /// epoch's report, to kill or cancel mid-trial.
    /// </summary>
    private static Func<Trial, double> Objective(Action<Trial, int>? during = null) => trial =>
    {
        var lr = trial.SuggestFloat("lr", 1e-4, 1e-1, log: true);
        var dropout = trial.SuggestFloat("dropout", 0.0, 0.9);
        var batch = trial.SuggestCategorical("batch", [16, 32, 64]);
        double loss = double.NaN;
        for (int epoch = 0; epoch < 4; epoch++)
        {
            during?.Invoke(trial, epoch);
            if (dropout > 0.85 && epoch == 2) throw new ArithmeticException("loss became NaN");
            loss = TpeVersusRandomTests.Bowl(lr, dropout) + 1.0 / (epoch + 1) + batch / 640.0;
            trial.Report(loss, epoch);
            if (trial.ShouldPrune()) throw new TrialPrunedException();
        }
        return loss;
    };

    private Study Create(string file) =>
        Study.Create(seed: 7, pruner: new MedianPruner(nStartupTrials: 3, nWarmupSteps: 1), storage: _folder.File(file), loadIfExists: true);

    private static string[] Signature(Study study) => [.. study.Trials.Select(t => string.Join(" | ",
        t.Number, t.State, t.Value?.ToString("R", CultureInfo.InvariantCulture) ?? "-",
        string.Join(",", t.Params.Select(p => $"{p.Key}={FrozenTrial.Format(p.Value)}:{(p.Value is double d ? d.ToString("R", CultureInfo.InvariantCulture) : "")}")),
        string.Join(",", t.IntermediateValues.Select(p => $"{p.Key}:{p.Value.ToString("R", CultureInfo.InvariantCulture)}")),
        t.FailReason ?? "-"))];

    private string[] Uninterrupted()
    {
        var study = Create("uninterrupted.json");
        study.Optimize(Objective(), nTrials: Total);
        var states = study.Trials.Select(t => t.State).ToHashSet();
        Assert.Superset(new HashSet<TrialState> { TrialState.Complete, TrialState.Pruned, TrialState.Fail }, states);
        Assert.Contains(TrialState.Pruned, states);
        Assert.Contains(TrialState.Fail, states);
        return Signature(study);
    }

    [Fact]
    public void A_study_killed_mid_trial_and_resumed_from_its_file_has_the_trials_of_an_uninterrupted_run()
    {
        var expected = Uninterrupted();
        string live = _folder.File("killed.json"), leftOver = _folder.File("left-over.json");
        var doomed = Create("killed.json");
        // What a killed process leaves behind: the file as it stood during the third epoch of the first trial from
        // 13 on that gets that far (the copy); the run is then stopped.
        int killedAt = -1;
        using var stop = new CancellationTokenSource();
        Assert.ThrowsAny<OperationCanceledException>(() => doomed.Optimize(Objective((trial, epoch) =>
        {
            if (killedAt < 0 && trial.Number >= 13 && epoch == 2)
            {
                killedAt = trial.Number;
                File.Copy(live, leftOver);
                stop.Cancel();
            }
            trial.CancellationToken.ThrowIfCancellationRequested();
        }), nTrials: Total, cancellationToken: stop.Token));

        var resumed = Study.Create(seed: 7, storage: leftOver, loadIfExists: true);
        Assert.Equal(killedAt + 1, resumed.Trials.Count);
        Assert.Equal(TrialState.Interrupted, resumed.Trials[killedAt].State);
        Assert.Empty(resumed.Trials[killedAt].Params);   // saved when the trial started, before it drew anything
        Assert.Contains("stopped before it ended", resumed.Trials[killedAt].FailReason);
        resumed.Optimize(Objective(), nTrials: Total - killedAt);
        Assert.Equal(expected, Signature(resumed));
        Assert.Equal(expected, Signature(Study.Load(leftOver)));
    }

    [Fact]
    public void A_study_cancelled_mid_trial_records_the_trial_as_interrupted_and_a_resume_reruns_it_under_its_number()
    {
        var expected = Uninterrupted();
        using var ctrlC = new CancellationTokenSource();
        var study = Create("cancelled.json");
        int cancelledAt = -1;
        Assert.ThrowsAny<OperationCanceledException>(() => study.Optimize(Objective((trial, epoch) =>
        {
            if (cancelledAt < 0 && trial.Number >= 9 && epoch == 2)
            {
                cancelledAt = trial.Number;
                ctrlC.Cancel();
            }
            trial.CancellationToken.ThrowIfCancellationRequested();   // the objective's per-epoch check
        }), nTrials: Total, cancellationToken: ctrlC.Token));

        var onDisk = Study.Load(_folder.File("cancelled.json"));
        Assert.Equal(cancelledAt + 1, onDisk.Trials.Count);
        var interrupted = onDisk.Trials[cancelledAt];
        Assert.Equal(TrialState.Interrupted, interrupted.State);
        Assert.Equal([0, 1], interrupted.IntermediateValues.Keys);
        Assert.Equal(["lr", "dropout", "batch"], interrupted.Params.Keys);
        Assert.Contains("Cancelled after step 1", interrupted.FailReason);

        var cap = new MaxTrialsCallback(Total);
        onDisk.Optimize(Objective(), callbacks: [cap.Invoke]);
        Assert.Equal(expected, Signature(onDisk));
    }

    [Fact]
    public void A_second_run_on_the_same_file_continues_the_trial_numbers()
    {
        var first = Create("continued.json");
        first.Optimize(Objective(), nTrials: 3);
        var second = Create("continued.json");
        Assert.Equal(3, second.Trials.Count);
        second.Optimize(Objective(), nTrials: 3);
        Assert.Equal([0, 1, 2, 3, 4, 5], Study.Load(_folder.File("continued.json")).Trials.Select(t => t.Number));
        Assert.Empty(Directory.GetFiles(_folder.Path, "*.tmp"));   // every save renamed its temp file
    }

    [Fact]
    public void Continuing_a_file_with_another_direction_name_or_seed_is_refused()
    {
        var path = _folder.File("guarded.json");
        Create("guarded.json").Optimize(Objective(), nTrials: 1);
        Assert.Contains("loadIfExists", Assert.Throws<InvalidOperationException>(() => Study.Create(storage: path)).Message);
        Assert.Contains("maximize", Assert.Throws<ArgumentException>(() => Study.Create(direction: StudyDirection.Maximize, storage: path, loadIfExists: true)).Message);
        Assert.Contains("seed 7", Assert.Throws<ArgumentException>(() => Study.Create(seed: 8, storage: path, loadIfExists: true)).Message);
        Assert.Contains("'guarded'", Assert.Throws<ArgumentException>(() => Study.Create(studyName: "other", storage: path, loadIfExists: true)).Message);
        var loaded = Study.Load(path);
        Assert.IsType<TpeSampler>(loaded.Sampler);
        Assert.Equal(7, ((TpeSampler)loaded.Sampler).Seed);
        Assert.Equal(1, ((MedianPruner)loaded.Pruner).NWarmupSteps);
        Assert.Throws<FileNotFoundException>(() => Study.Load(_folder.File("missing.json")));
    }
}
