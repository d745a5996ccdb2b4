namespace GenreNotebooks.Training;

/// <summary>Where a training run is, as a <see cref="TrainingProgress"/> reports it.</summary>
public enum TrainingStage
{
    /// <summary>Mini-batches of an epoch are running.</summary>
    Training,

    /// <summary>All planned epochs ran.</summary>
    Finished,

    /// <summary>Early stopping ended the run before the planned epochs.</summary>
    StoppedEarly,

    /// <summary>The run was cancelled; the epoch in progress was abandoned.</summary>
    Cancelled,
}
