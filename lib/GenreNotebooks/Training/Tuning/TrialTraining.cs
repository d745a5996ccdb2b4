using System.Globalization;
using GenreNotebooks.Nn;
using GenreNotebooks.Nn.Optim;

namespace GenreNotebooks.Training.Tuning;

/// <summary>
/// Trains a network for one trial of a <see cref="Study"/>, an epoch at a time, so the study can prune it: after
/// every epoch the monitored metric (default the validation loss) goes to <see cref="Trial.Report"/> (steps 0, 1, ...),
/// the validation loss or accuracy that is not reported to the trial's user attributes (<c>val_accuracy</c> beside a
/// reported validation loss, <c>val_loss</c> beside a reported accuracy), then
/// <see cref="Trial.ShouldPrune"/> decides, and a cancelled <see cref="Trial.CancellationToken"/> (Ctrl+C) stops the
/// trial there: after the epoch that was running, never inside one (a Ctrl+C in the last epoch lets the trial complete). Each epoch is a
/// <see cref="Trainer.Fit"/> continuing the previous one (<c>initialEpoch</c>), so the optimizer state, the shuffle
/// stream and the scheduler go on exactly as in one uninterrupted fit. Optuna's Keras pruning callback does the same.
/// <code>
/// study.Optimize(trial =>
/// {
///     var net = BuConvNet.Create(new BuConvNetOptions { Dropout = (float)trial.SuggestFloat("dropout", 0.1, 0.5) }, shape, genres);
///     var recipe = ModelCatalog.Get("bu-bn-5x5").Recipe with { LearningRate = trial.SuggestFloat("lr", 1e-4, 1e-2, log: true) };
///     var trainer = RecipeTraining.CreateTrainer(recipe, net, seed);
///     return TrialTraining.Fit(trial, trainer, x, y, xVal, yVal, 10, recipe.CreateScheduler(trainer.Optimizer)).Epochs[^1].ValLoss;
/// }, nTrials: 37);
/// </code>
/// Used by <c>genre tune</c>; the notebook on tuning writes the same loop out in a cell.
/// </summary>
public static class TrialTraining
{
    /// <summary>
    /// Trains <paramref name="trainer"/>'s model for <paramref name="epochs"/> epochs on (<paramref name="x"/>,
    /// <paramref name="y"/>), validating on (<paramref name="xVal"/>, <paramref name="yVal"/>) after each, and reports
    /// <paramref name="objective"/> to <paramref name="trial"/> per epoch. Returns the history of all epochs when the
    /// trial runs to the end; the objective's value is then <c>history.Epochs[^1].Get(objective)</c>.
    /// </summary>
    /// <param name="trial">The running trial.</param>
    /// <param name="trainer">A fresh trainer of the trial's network (or one to continue: its epochs are numbered on from 1 here).</param>
    /// <param name="x">Training inputs (N, ...).</param>
    /// <param name="y">Training labels.</param>
    /// <param name="xVal">Validation inputs; required unless the objective is a training metric.</param>
    /// <param name="yVal">Validation labels.</param>
    /// <param name="epochs">Epochs of a trial that is not pruned, at least 1.</param>
    /// <param name="scheduler">The learning-rate scheduler over <see cref="Trainer.Optimizer"/>, or null.</param>
    /// <param name="objective">What is reported (and should be what the objective returns); its direction must be the study's.</param>
    /// <param name="progress">Receives each epoch's report (and the within-epoch reports when it also implements <c>IProgress&lt;TrainingProgress&gt;</c>).</param>
    /// <exception cref="TrialPrunedException">The pruner stopped the trial after an epoch (the message says which and why).</exception>
    /// <exception cref="OperationCanceledException">The trial's token was cancelled; training stopped after the current epoch.</exception>
    /// <exception cref="ArgumentException">A validation metric without validation data, or a metric whose direction is not the study's.</exception>
    public static TrainingHistory Fit(Trial trial, Trainer trainer, Tensor x, IReadOnlyList<int> y, Tensor? xVal, IReadOnlyList<int>? yVal,
        int epochs, LRScheduler? scheduler = null, MonitoredMetric objective = MonitoredMetric.ValLoss, IProgress<EpochReport>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(trial);
        ArgumentNullException.ThrowIfNull(trainer);
        ArgumentOutOfRangeException.ThrowIfLessThan(epochs, 1);
        if (objective.NeedsValidation() && xVal is null)
            throw new ArgumentException($"the trial reports {objective.KerasName()}, which needs validation data", nameof(xVal));
        bool maximise = trial.Study.Direction == StudyDirection.Maximize;
        if (objective.HigherIsBetter() != maximise)
            throw new ArgumentException(
                $"the study is to {Study.Word(trial.Study.Direction)}, but {objective.KerasName()} is better when {(objective.HigherIsBetter() ? "higher" : "lower")}",
                nameof(objective));
        var history = new TrainingHistory();
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            trial.CancellationToken.ThrowIfCancellationRequested();
            // No token: a Ctrl+C lets the running epoch finish, and is seen above before the next one.
            var report = trainer.Fit(x, y, xVal, yVal, epochs: epoch, scheduler: scheduler, progress: progress, initialEpoch: epoch - 1).Epochs[^1];
            history.Add(report);
            double value = report.Get(objective);
            trial.Report(value, epoch - 1);
            if (xVal is not null)
            {
                // The reported metric is the trial's value; the other validation metric goes beside it.
                if (objective != MonitoredMetric.ValLoss) trial.SetUserAttr("val_loss", report.ValLoss);
                if (objective != MonitoredMetric.ValAccuracy) trial.SetUserAttr("val_accuracy", report.ValAccuracy);
            }
            if (epoch < epochs && trial.ShouldPrune())
                throw new TrialPrunedException(string.Create(CultureInfo.InvariantCulture,
                    $"pruned by {trial.Study.Pruner.GetType().Name} after epoch {epoch} of {epochs} ({objective.KerasName()} {value:G4})"));
        }
        // A Ctrl+C during the last epoch lets the trial complete; the study stops before the next one.
        return history;
    }
}
