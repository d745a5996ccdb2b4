namespace GenreNotebooks.Training;

/// <summary>
/// Mini-batch settings of a <see cref="Trainer"/> (PyTorch <c>DataLoader(batch_size, shuffle, generator)</c> plus the
/// loss options). Defaults: batch 32 (Keras' default), shuffled every epoch from seed 0, no class weights, no L2.
/// </summary>
public sealed record TrainerOptions
{
    /// <summary>Samples per mini-batch, at least 1; the last batch of an epoch may be smaller (PyTorch <c>drop_last=False</c>).</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Seed of the per-epoch shuffle: same seed, same batches.</summary>
    public ulong Seed { get; init; }

    /// <summary>Shuffle the training samples every epoch (true, as Keras' <c>fit</c>) or keep their order.</summary>
    public bool Shuffle { get; init; } = true;

    /// <summary>Per-class loss weights (PyTorch <c>CrossEntropyLoss(weight=...)</c>), e.g. from <see cref="ClassWeights.Balanced"/>; null for none.</summary>
    public float[]? ClassWeights { get; init; }

    /// <summary>Keras-style L2 penalty λ added to the loss as λ·Σw² over the kernels; 0 for none.</summary>
    public float L2 { get; init; }

    /// <summary>The metric a <see cref="GenreNotebooks.Nn.Optim.ReduceLROnPlateau"/> scheduler is stepped with (default validation loss, as Keras' <c>monitor="val_loss"</c>).</summary>
    public MonitoredMetric PlateauMetric { get; init; } = MonitoredMetric.ValLoss;

    /// <summary>Batch size used for validation and prediction (no gradients, so larger is fine).</summary>
    public int EvalBatchSize { get; init; } = 256;

    /// <summary>The default of <see cref="ProgressInterval"/>: half a second.</summary>
    public static readonly TimeSpan DefaultProgressInterval = TimeSpan.FromSeconds(0.5);

    /// <summary>
    /// Receives <see cref="TrainingProgress"/> within epochs (batch counts, running loss and accuracy, estimated time
    /// left), throttled by <see cref="ProgressInterval"/>; see <see cref="TrainingLoop.Run"/>. Null: the epoch progress
    /// given to <see cref="Trainer.Fit"/> gets them when it also implements <c>IProgress&lt;TrainingProgress&gt;</c>.
    /// </summary>
    public IProgress<TrainingProgress>? BatchProgress { get; init; }

    /// <summary>Minimum time between two within-epoch progress reports (default 0.5 s; zero: every batch).</summary>
    public TimeSpan ProgressInterval { get; init; } = DefaultProgressInterval;

    /// <summary>The clock of elapsed times and time-left estimates (default the system clock; tests give a manual one).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A batch size below 1, a negative L2, a negative class weight or a negative progress interval.</exception>
    public void Validate()
    {
        if (ProgressInterval < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(ProgressInterval), ProgressInterval, "the progress interval must be >= 0");
        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
        ArgumentOutOfRangeException.ThrowIfLessThan(BatchSize, 1, nameof(BatchSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(EvalBatchSize, 1, nameof(EvalBatchSize));
        if (!(L2 >= 0)) throw new ArgumentOutOfRangeException(nameof(L2), L2, "L2 must be >= 0");
        if (ClassWeights is not null && ClassWeights.Any(w => !(w >= 0)))
            throw new ArgumentOutOfRangeException(nameof(ClassWeights), "class weights must be >= 0");
    }
}
