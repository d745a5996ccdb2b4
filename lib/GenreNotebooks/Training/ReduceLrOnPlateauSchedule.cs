namespace GenreNotebooks.Training;

/// <summary>
/// Multiply the learning rate by <see cref="Factor"/> when a monitored metric stops improving, with PyTorch's
/// <c>torch.optim.lr_scheduler.ReduceLROnPlateau(mode, factor, patience, threshold, threshold_mode, cooldown, min_lr, eps)</c>
/// semantics: an epoch that does not beat the best value (by the threshold) is "bad"; when more than
/// <see cref="Patience"/> bad epochs have accumulated the rate is reduced, the bad count resets and a cooldown starts.
/// <para>
/// Keras counts differently: its <c>ReduceLROnPlateau(patience=p)</c> reduces after p bad epochs, PyTorch's after p + 1.
/// The BU paper's Keras setting (patience 1, factor 0.8, min_delta 1e-4 absolute) is therefore
/// <see cref="Keras"/>(<see cref="MonitoredMetric.ValLoss"/>, 0.8, 1) = PyTorch patience 0 with an absolute threshold.
/// </para>
/// Taught in notebooks/05-cnn-on-mel-spectrograms.
/// </summary>
public sealed class ReduceLrOnPlateauSchedule : ILearningRateSchedule
{
    private double _best;
    private int _bad;
    private int _cooldownLeft;

    /// <summary>Creates the schedule with PyTorch's parameter meanings and defaults.</summary>
    /// <param name="monitor">The metric watched (losses: mode "min", accuracies: mode "max").</param>
    /// <param name="factor">Multiplier applied on a plateau, in (0, 1).</param>
    /// <param name="patience">Bad epochs tolerated before reducing (PyTorch counting), at least 0.</param>
    /// <param name="threshold">How much better counts as better, at least 0.</param>
    /// <param name="relativeThreshold">True: PyTorch threshold_mode "rel" (best x (1 ∓ threshold)); false: "abs" (best ∓ threshold).</param>
    /// <param name="cooldown">Epochs after a reduction during which bad epochs are not counted.</param>
    /// <param name="minLearningRate">Floor for the rate.</param>
    /// <param name="eps">A reduction smaller than this is skipped (PyTorch's eps).</param>
    public ReduceLrOnPlateauSchedule(MonitoredMetric monitor = MonitoredMetric.ValLoss, double factor = 0.1, int patience = 10,
        double threshold = 1e-4, bool relativeThreshold = true, int cooldown = 0, double minLearningRate = 0, double eps = 1e-8)
    {
        if (!(factor > 0 && factor < 1)) throw new ArgumentOutOfRangeException(nameof(factor), factor, "factor must be in (0, 1)");
        ArgumentOutOfRangeException.ThrowIfNegative(patience);
        ArgumentOutOfRangeException.ThrowIfNegative(cooldown);
        if (!(threshold >= 0)) throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "threshold must be >= 0");
        if (!(minLearningRate >= 0)) throw new ArgumentOutOfRangeException(nameof(minLearningRate), minLearningRate, "minLearningRate must be >= 0");
        Monitor = monitor;
        Factor = factor;
        Patience = patience;
        Threshold = threshold;
        RelativeThreshold = relativeThreshold;
        Cooldown = cooldown;
        MinLearningRate = minLearningRate;
        Eps = eps;
        Reset();
    }

    /// <summary>
    /// Keras' <c>ReduceLROnPlateau(monitor, factor, patience, min_delta=1e-4)</c> expressed in PyTorch terms
    /// (patience - 1, absolute threshold): the reduction happens after <paramref name="kerasPatience"/> bad epochs.
    /// </summary>
    public static ReduceLrOnPlateauSchedule Keras(MonitoredMetric monitor, double factor, int kerasPatience, double minDelta = 1e-4)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(kerasPatience, 1);
        return new ReduceLrOnPlateauSchedule(monitor, factor, kerasPatience - 1, minDelta, relativeThreshold: false);
    }

    /// <summary>The metric watched.</summary>
    public MonitoredMetric Monitor { get; }

    /// <summary>Multiplier applied on a plateau.</summary>
    public double Factor { get; }

    /// <summary>Bad epochs tolerated (PyTorch counting).</summary>
    public int Patience { get; }

    /// <summary>Improvement threshold.</summary>
    public double Threshold { get; }

    /// <summary>Relative (true) or absolute (false) threshold.</summary>
    public bool RelativeThreshold { get; }

    /// <summary>Epochs of cooldown after a reduction.</summary>
    public int Cooldown { get; }

    /// <summary>Lower bound on the rate.</summary>
    public double MinLearningRate { get; }

    /// <summary>Smallest reduction applied.</summary>
    public double Eps { get; }

    /// <summary>Bad epochs counted so far.</summary>
    public int BadEpochs => _bad;

    /// <inheritdoc />
    public void Reset()
    {
        _best = Monitor.HigherIsBetter() ? double.NegativeInfinity : double.PositiveInfinity;
        _bad = 0;
        _cooldownLeft = 0;
    }

    /// <inheritdoc />
    public double Step(EpochReport report, double currentLearningRate)
    {
        ArgumentNullException.ThrowIfNull(report);
        double v = report.Get(Monitor);
        if (double.IsNaN(v))
            throw new InvalidOperationException($"ReduceLROnPlateau monitors {Monitor}, which is NaN at epoch {report.Epoch} (no validation data?)");
        if (IsBetter(v))
        {
            _best = v;
            _bad = 0;
        }
        else
        {
            _bad++;
        }
        if (_cooldownLeft > 0)
        {
            _cooldownLeft--;
            _bad = 0;
        }
        if (_bad > Patience)
        {
            _cooldownLeft = Cooldown;
            _bad = 0;
            double reduced = Math.Max(currentLearningRate * Factor, MinLearningRate);
            if (currentLearningRate - reduced > Eps) return reduced;
        }
        return currentLearningRate;
    }

    private bool IsBetter(double v)
    {
        bool max = Monitor.HigherIsBetter();
        if (RelativeThreshold)
            return max ? v > _best * (1 + Threshold) : v < _best * (1 - Threshold);
        return max ? v > _best + Threshold : v < _best - Threshold;
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"ReduceLROnPlateau(monitor={Monitor}, factor={Factor}, patience={Patience}, threshold={Threshold}, mode={(RelativeThreshold ? "rel" : "abs")})";
}
