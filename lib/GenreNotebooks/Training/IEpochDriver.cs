namespace GenreNotebooks.Training;

/// <summary>
/// What <see cref="TrainingLoop"/> needs from a model and its data: run one training epoch, evaluate on validation
/// data, read the learning rate (schedulers change it on the optimizer), and copy/restore the weights. The <c>Trainer</c> implements it for an
/// NN-engine model; tests drive the loop with scripted metric streams through it.
/// </summary>
public interface IEpochDriver
{
    /// <summary>
    /// Trains for one epoch (all mini-batches); returns the mean loss and the accuracy over the epoch. Calls
    /// <paramref name="onBatch"/> (when given) after every mini-batch, and checks <paramref name="cancellationToken"/>
    /// before every mini-batch, so a cancellation takes effect at the next batch boundary.
    /// </summary>
    (double Loss, double Accuracy) TrainEpoch(int epoch, Action<BatchStep>? onBatch, CancellationToken cancellationToken);

    /// <summary>Evaluates on the validation data; null when there is none.</summary>
    (double Loss, double Accuracy)? Validate(CancellationToken cancellationToken);

    /// <summary>The optimizer's current learning rate (reported with each epoch).</summary>
    double LearningRate { get; }

    /// <summary>A copy of the current weights (parameters and buffers), to restore later.</summary>
    object SaveWeights();

    /// <summary>Puts back weights returned by <see cref="SaveWeights"/>.</summary>
    void LoadWeights(object snapshot);
}
