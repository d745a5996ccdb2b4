using System.Diagnostics;

namespace GenreNotebooks.Training;

/// <summary>
/// The epoch loop of Keras' <c>model.fit</c> / a PyTorch training script, independent of the model: for each epoch
/// train, validate, report progress, let early stopping decide, step the learning-rate schedule; at the end restore
/// the best weights when asked. Cancellation stops between epochs (and inside an epoch when the driver checks the token)
/// and returns the history so far, marked <see cref="TrainingHistory.Cancelled"/>.
/// Taught in notebooks/04-feature-networks-and-cross-validation and notebooks/05-cnn-on-mel-spectrograms.
/// </summary>
public static class TrainingLoop
{
    /// <summary>Runs up to <paramref name="epochs"/> epochs on <paramref name="driver"/>.</summary>
    /// <param name="driver">The model and data.</param>
    /// <param name="epochs">Planned number of epochs, at least 1.</param>
    /// <param name="earlyStopping">Optional early-stopping rule (reset at the start).</param>
    /// <param name="schedule">Optional learning-rate schedule, stepped after every epoch (reset at the start).</param>
    /// <param name="progress">Receives one <see cref="EpochReport"/> per finished epoch.</param>
    /// <param name="cancellationToken">Stops training between epochs.</param>
    /// <exception cref="InvalidOperationException">Early stopping or the schedule monitors a validation metric but the driver has no validation data.</exception>
    public static TrainingHistory Run(IEpochDriver driver, int epochs, EarlyStopping? earlyStopping = null, ILearningRateSchedule? schedule = null,
        IProgress<EpochReport>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(driver);
        ArgumentOutOfRangeException.ThrowIfLessThan(epochs, 1);
        earlyStopping?.Reset();
        schedule?.Reset();
        var history = new TrainingHistory();
        object? bestWeights = null;
        int bestEpoch = 0;
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                history.Cancelled = true;
                break;
            }
            var clock = Stopwatch.StartNew();
            double lr = driver.LearningRate;
            (double Loss, double Accuracy) train;
            (double Loss, double Accuracy)? val;
            try
            {
                train = driver.TrainEpoch(epoch, cancellationToken);
                val = driver.Validate(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                history.Cancelled = true;
                break;
            }
            var report = new EpochReport(epoch, epochs, train.Loss, train.Accuracy,
                val?.Loss ?? double.NaN, val?.Accuracy ?? double.NaN, lr, clock.Elapsed);
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
            if (schedule is not null) driver.LearningRate = schedule.Step(report, driver.LearningRate);
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
        return history;
    }
}
