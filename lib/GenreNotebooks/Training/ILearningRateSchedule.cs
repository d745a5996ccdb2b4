namespace GenreNotebooks.Training;

/// <summary>
/// A learning-rate rule stepped once per epoch by the trainer, after validation (PyTorch's
/// <c>scheduler.step()</c> at the end of each epoch; Keras' <c>LearningRateScheduler</c>/<c>ReduceLROnPlateau</c> callbacks).
/// </summary>
public interface ILearningRateSchedule
{
    /// <summary>Forgets all state, for a new training run.</summary>
    void Reset();

    /// <summary>The learning rate for the next epoch, given the epoch just finished and the rate it used.</summary>
    double Step(EpochReport report, double currentLearningRate);
}
