namespace GenreNotebooks.Training;

/// <summary>
/// Times a training run for <see cref="TrainingLoop"/> and turns the driver's <see cref="BatchStep"/>s into throttled
/// <see cref="TrainingProgress"/> reports: the first batch of the run, then at most one per interval, and always the
/// last batch of an epoch. Between reports a batch costs one timestamp read.
/// </summary>
internal sealed class ProgressTracker
{
    private readonly IProgress<TrainingProgress>? _progress;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _interval;
    private readonly int _totalEpochs;
    private readonly long _runStart;
    private long _epochStart;
    private long _trainingEnd;
    private long? _lastReport;
    private double _trainedSeconds;   // training time of the finished epochs (validation excluded)
    private long _trainedSamples;     // samples of the finished epochs
    private double _validationSeconds;
    private int _validations;
    private int _epoch;
    private int _epochSamples;

    public ProgressTracker(IProgress<TrainingProgress>? progress, TimeProvider clock, TimeSpan interval, int totalEpochs)
    {
        _progress = progress;
        _clock = clock;
        _interval = interval;
        _totalEpochs = totalEpochs;
        _runStart = _epochStart = _trainingEnd = clock.GetTimestamp();
    }

    /// <summary>The latest report sent, or null.</summary>
    public TrainingProgress? Last { get; private set; }

    /// <summary>Wall-clock time since the epoch started.</summary>
    public TimeSpan EpochElapsed => _clock.GetElapsedTime(_epochStart);

    public void StartEpoch(int epoch)
    {
        _epoch = epoch;
        _epochStart = _clock.GetTimestamp();
        _epochSamples = 0;
    }

    public void OnBatch(BatchStep step)
    {
        _epochSamples = step.SamplesSeen;
        if (_progress is null) return;
        long now = _clock.GetTimestamp();
        bool due = _lastReport is null || step.Batch >= step.TotalBatches || _clock.GetElapsedTime(_lastReport.Value, now) >= _interval;
        if (!due) return;
        _lastReport = now;
        double epochTraining = _clock.GetElapsedTime(_epochStart, now).TotalSeconds;
        double perSample = (_trainedSeconds + epochTraining) / Math.Max(1, _trainedSamples + step.SamplesSeen);
        double validation = _validations == 0 ? 0 : _validationSeconds / _validations;
        double epochLeft = perSample * (step.TotalSamples - step.SamplesSeen) + validation;
        double runLeft = epochLeft + (_totalEpochs - _epoch) * (perSample * step.TotalSamples + validation);
        Last = new TrainingProgress(TrainingStage.Training, _epoch, _totalEpochs, step.Batch, step.TotalBatches, step.SamplesSeen,
            step.TotalSamples, step.Loss, step.Accuracy, _clock.GetElapsedTime(_runStart, now), Seconds(epochLeft), Seconds(runLeft));
        _progress.Report(Last);
    }

    /// <summary>The epoch's batches are done.</summary>
    public void EndTraining()
    {
        _trainingEnd = _clock.GetTimestamp();
        _trainedSeconds += _clock.GetElapsedTime(_epochStart, _trainingEnd).TotalSeconds;
        _trainedSamples += _epochSamples;
    }

    /// <summary>Validation (if any) is done.</summary>
    public void EndValidation(bool validated)
    {
        if (!validated) return;
        _validationSeconds += _clock.GetElapsedTime(_trainingEnd).TotalSeconds;
        _validations++;
    }

    /// <summary>Sends the last report again with how the run ended (nothing when no batch was ever reported).</summary>
    public void Finish(TrainingStage stage)
    {
        if (_progress is null || Last is null) return;
        Last = Last with { Stage = stage, Elapsed = _clock.GetElapsedTime(_runStart), EpochTimeLeft = TimeSpan.Zero, RunTimeLeft = TimeSpan.Zero };
        _progress.Report(Last);
    }

    private static TimeSpan Seconds(double s) => TimeSpan.FromSeconds(Math.Max(0, double.IsFinite(s) ? s : 0));
}
