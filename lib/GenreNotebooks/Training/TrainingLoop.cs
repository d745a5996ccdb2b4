using GenreNotebooks.Nn.Optim;

namespace GenreNotebooks.Training;

/// <summary>
/// The epoch loop of Keras' <c>model.fit</c> / a PyTorch training script, independent of the model: for each epoch
/// train, validate, report progress, let early stopping decide, step the learning-rate scheduler
/// (<see cref="ReduceLROnPlateau"/> with the monitored metric, the others with <c>Step()</c>); at the end restore
/// the best weights when asked. Inside an epoch it passes the driver's per-batch steps on as throttled
/// <see cref="TrainingProgress"/> reports with an estimate of the time left. Cancellation stops at the next batch
/// boundary (the driver checks the token before each batch), drops the unfinished epoch and returns the history so far,
/// marked <see cref="TrainingHistory.Cancelled"/>.
/// </summary>
public static class TrainingLoop
{
    /// <summary>Runs epochs <paramref name="initialEpoch"/> + 1 .. <paramref name="epochs"/> on <paramref name="driver"/>.</summary>
    /// <param name="driver">The model and data.</param>
    /// <param name="epochs">The last epoch to run (Keras' <c>epochs</c>), greater than <paramref name="initialEpoch"/>.</param>
    /// <param name="earlyStopping">Optional early-stopping rule (reset at the start).</param>
    /// <param name="scheduler">Optional learning-rate scheduler over the driver's optimizer, stepped after every epoch;
    /// a <see cref="ReduceLROnPlateau"/> gets the value of <paramref name="plateauMetric"/>.</param>
    /// <param name="progress">Receives one <see cref="EpochReport"/> per finished epoch. When it also implements
    /// <see cref="IProgress{T}"/> of <see cref="TrainingProgress"/> (as <c>Plots.TrainingMonitor</c> does) and
    /// <paramref name="batchProgress"/> is null, it receives the within-epoch reports too.</param>
    /// <param name="cancellationToken">Stops training at the next batch boundary.</param>
    /// <param name="batchProgress">Receives <see cref="TrainingProgress"/> within epochs: after the first batch of the
    /// run, then at most once per <paramref name="progressInterval"/>, after the last batch of every epoch, and once more
    /// when the run ends (with its <see cref="TrainingStage"/>).</param>
    /// <param name="progressInterval">Minimum time between within-epoch reports; default 0.5 s; zero reports every batch.</param>
    /// <param name="timeProvider">The clock for elapsed times and estimates; default the system clock.</param>
    /// <param name="plateauMetric">What a <see cref="ReduceLROnPlateau"/> scheduler is stepped with (default validation loss).</param>
    /// <param name="initialEpoch">Epochs already trained (Keras' <c>initial_epoch</c>): continuing a run numbers its epochs on.</param>
    /// <exception cref="InvalidOperationException">Early stopping or the scheduler monitors a validation metric but the driver has no validation data.</exception>
    public static TrainingHistory Run(IEpochDriver driver, int epochs, EarlyStopping? earlyStopping = null, LRScheduler? scheduler = null,
        IProgress<EpochReport>? progress = null, CancellationToken cancellationToken = default,
        IProgress<TrainingProgress>? batchProgress = null, TimeSpan? progressInterval = null, TimeProvider? timeProvider = null,
        MonitoredMetric plateauMetric = MonitoredMetric.ValLoss, int initialEpoch = 0)
    {
        ArgumentNullException.ThrowIfNull(driver);
        ArgumentOutOfRangeException.ThrowIfNegative(initialEpoch);
        if (epochs <= initialEpoch) throw new ArgumentOutOfRangeException(nameof(epochs), epochs, $"epochs is the last epoch to run and must be greater than initialEpoch ({initialEpoch})");
        var interval = progressInterval ?? TrainerOptions.DefaultProgressInterval;
        if (interval < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(progressInterval), interval, "the progress interval must be >= 0");
        var tracker = new ProgressTracker(batchProgress ?? progress as IProgress<TrainingProgress>, timeProvider ?? TimeProvider.System, interval, epochs);
        Action<BatchStep> onBatch = tracker.OnBatch;
        earlyStopping?.Reset();
        var history = new TrainingHistory();
        object? bestWeights = null;
        int bestEpoch = 0;
        for (int epoch = initialEpoch + 1; epoch <= epochs; epoch++)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                history.Cancelled = true;
                break;
            }
            tracker.StartEpoch(epoch);
            double lr = driver.LearningRate;
            (double Loss, double Accuracy) train;
            (double Loss, double Accuracy)? val;
            try
            {
                train = driver.TrainEpoch(epoch, onBatch, cancellationToken);
                tracker.EndTraining();
                val = driver.Validate(cancellationToken);
                tracker.EndValidation(val is not null);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                history.Cancelled = true;
                break;
            }
            var report = new EpochReport(epoch, epochs, train.Loss, train.Accuracy,
                val?.Loss ?? double.NaN, val?.Accuracy ?? double.NaN, lr, tracker.EpochElapsed);
            history.Add(report);
            progress?.Report(report);

            bool stop = false;
            if (earlyStopping is not null)
            {
                stop = earlyStopping.Update(report);
                if (earlyStopping.RestoreBestWeights && earlyStopping.LastWasImprovement)
                {
                    bestWeights = driver.SaveWeights();
                    bestEpoch = epoch;
                }
            }
            if (scheduler is ReduceLROnPlateau plateau)
            {
                double metric = report.Get(plateauMetric);
                if (double.IsNaN(metric))
                    throw new InvalidOperationException($"ReduceLROnPlateau monitors {plateauMetric}, which is NaN at epoch {epoch} (no validation data?)");
                plateau.Step(metric);
            }
            else
            {
                scheduler?.Step();
            }
            if (stop)
            {
                history.StoppedEarlyAt = epoch;
                break;
            }
        }
        if (bestWeights is not null && bestEpoch != history.Epochs[^1].Epoch)
        {
            driver.LoadWeights(bestWeights);
            history.RestoredEpoch = bestEpoch;
        }
        tracker.Finish(history.Cancelled ? TrainingStage.Cancelled : history.StoppedEarlyAt is not null ? TrainingStage.StoppedEarly : TrainingStage.Finished);
        return history;
    }
}
