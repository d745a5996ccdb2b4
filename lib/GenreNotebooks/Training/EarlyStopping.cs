namespace GenreNotebooks.Training;

/// <summary>
/// Stop training when a monitored metric has not improved for <see cref="Patience"/> epochs, with Keras'
/// <c>EarlyStopping(monitor, min_delta, patience, restore_best_weights)</c> semantics: an epoch improves when it beats
/// the best value so far by more than <see cref="MinDelta"/> (absolute; downwards for losses, upwards for accuracies);
/// otherwise a wait counter grows, and training stops once it reaches <see cref="Patience"/>.
/// PyTorch has no built-in equivalent.
/// <para>
/// With <see cref="RestoreBestWeights"/> the trainer keeps a copy of the weights of the best epoch and puts them back
/// at the end of training, whether or not training stopped early (Keras 2 restored only on an early stop).
/// </para>
/// Taught in notebooks/05-cnn-on-mel-spectrograms.
/// </summary>
public sealed class EarlyStopping
{
    /// <summary>Creates the rule; the state starts fresh (<see cref="Reset"/>).</summary>
    /// <param name="monitor">The metric watched; default validation loss (Keras' default).</param>
    /// <param name="patience">Epochs without improvement before stopping, at least 1.</param>
    /// <param name="minDelta">The smallest change that counts as an improvement, absolute, at least 0.</param>
    /// <param name="restoreBestWeights">Restore the best epoch's weights at the end of training.</param>
    public EarlyStopping(MonitoredMetric monitor = MonitoredMetric.ValLoss, int patience = 5, double minDelta = 0, bool restoreBestWeights = true)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(patience, 1);
        if (!(minDelta >= 0)) throw new ArgumentOutOfRangeException(nameof(minDelta), minDelta, "minDelta must be a non-negative number");
        Monitor = monitor;
        Patience = patience;
        MinDelta = minDelta;
        RestoreBestWeights = restoreBestWeights;
        Reset();
    }

    /// <summary>
    /// The Göttingen paper's rule (Buchmüller &amp; Gerloff, section "Training"): stop unless validation accuracy
    /// improves by at least 1 % (0.01 absolute) within 8 epochs. The paper does not say whether the best weights were
    /// restored; this factory restores them (pass false to keep the last epoch's weights).
    /// </summary>
    public static EarlyStopping Gottingen(bool restoreBestWeights = true) =>
        new(MonitoredMetric.ValAccuracy, patience: 8, minDelta: 0.01, restoreBestWeights);

    /// <summary>The metric watched.</summary>
    public MonitoredMetric Monitor { get; }

    /// <summary>Epochs without improvement before stopping.</summary>
    public int Patience { get; }

    /// <summary>Smallest absolute change that counts as an improvement.</summary>
    public double MinDelta { get; }

    /// <summary>Whether the trainer restores the best epoch's weights at the end.</summary>
    public bool RestoreBestWeights { get; }

    /// <summary>Best value of the metric so far (±infinity before the first epoch).</summary>
    public double BestValue { get; private set; }

    /// <summary>Epoch (1-based) of <see cref="BestValue"/>, 0 before the first epoch.</summary>
    public int BestEpoch { get; private set; }

    /// <summary>Epochs since the last improvement.</summary>
    public int Wait { get; private set; }

    /// <summary>True when the last <see cref="Update"/> was an improvement (the trainer then snapshots the weights).</summary>
    public bool LastWasImprovement { get; private set; }

    /// <summary>Epoch at which the rule asked to stop, or 0.</summary>
    public int StoppedEpoch { get; private set; }

    /// <summary>Forgets all state, for a new training run (the trainer calls it at the start of every fit).</summary>
    public void Reset()
    {
        BestValue = Monitor.HigherIsBetter() ? double.NegativeInfinity : double.PositiveInfinity;
        BestEpoch = 0;
        Wait = 0;
        LastWasImprovement = false;
        StoppedEpoch = 0;
    }

    /// <summary>Feeds one epoch's report; returns true when training should stop after this epoch.</summary>
    /// <exception cref="InvalidOperationException">The monitored metric is NaN (for example a validation metric without validation data).</exception>
    public bool Update(EpochReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        double v = report.Get(Monitor);
        if (double.IsNaN(v))
            throw new InvalidOperationException($"early stopping monitors {Monitor}, which is NaN at epoch {report.Epoch} (no validation data?)");
        bool better = Monitor.HigherIsBetter() ? v - MinDelta > BestValue : v + MinDelta < BestValue;
        LastWasImprovement = better;
        if (better)
        {
            BestValue = v;
            BestEpoch = report.Epoch;
            Wait = 0;
            return false;
        }
        Wait++;
        if (Wait >= Patience)
        {
            StoppedEpoch = report.Epoch;
            return true;
        }
        return false;
    }

    /// <summary>The settings in Keras' argument names, e.g. <c>EarlyStopping(monitor=val_loss, patience=5, min_delta=0, restore_best_weights=true)</c>.</summary>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"EarlyStopping(monitor={Monitor.KerasName()}, patience={Patience}, min_delta={MinDelta}, restore_best_weights={(RestoreBestWeights ? "true" : "false")})");
}
