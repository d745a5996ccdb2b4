namespace GenreNotebooks.Nn.Optim;

/// <summary>
/// Lowers the learning rate when a metric stops improving (<c>torch.optim.lr_scheduler.ReduceLROnPlateau</c>): after
/// more than Patience epochs without improvement (relative or absolute Threshold), <c>lr = max(lr·Factor, MinLr)</c>
/// (ignored if the change is below Eps), then Cooldown epochs during which bad epochs are not counted.
/// It is stepped with the epoch's metric, <see cref="Step(double)"/> (<c>scheduler.step(val_loss)</c>), not with
/// <see cref="Step()"/>.
/// <para>
/// Keras counts differently: its <c>ReduceLROnPlateau(patience=p, min_delta=1e-4)</c> reduces after p bad epochs,
/// PyTorch's after p + 1, and its min_delta is absolute. The BU paper's Keras setting (patience 1, factor 0.8 on
/// validation loss) is <see cref="Keras"/>(optimizer, 0.8f, 1) = PyTorch patience 0 with an absolute threshold 1e-4.
/// </para>
/// Taught in notebooks/05-cnn-on-mel-spectrograms.
/// </summary>
public sealed class ReduceLROnPlateau : LRScheduler
{
    private int _cooldownCounter;

    /// <summary>Creates the scheduler with PyTorch's defaults.</summary>
    /// <param name="optimizer">Optimizer whose learning rate is reduced.</param>
    /// <param name="mode">"min" (loss) or "max" (accuracy).</param>
    /// <param name="factor">Multiplier, &lt; 1.</param>
    /// <param name="patience">Bad epochs tolerated before reducing.</param>
    /// <param name="threshold">Minimum improvement.</param>
    /// <param name="thresholdMode">"rel" (best·(1∓threshold)) or "abs" (best∓threshold).</param>
    /// <param name="cooldown">Epochs to wait after a reduction.</param>
    /// <param name="minLr">Lower bound of the learning rate.</param>
    /// <param name="eps">Smallest change applied.</param>
    public ReduceLROnPlateau(Optimizer optimizer, string mode = "min", float factor = 0.1f, int patience = 10, float threshold = 1e-4f,
        string thresholdMode = "rel", int cooldown = 0, float minLr = 0f, float eps = 1e-8f) : base(optimizer)
    {
        if (mode is not ("min" or "max")) throw new ArgumentException($"ReduceLROnPlateau: mode '{mode}' is unknown, use 'min' or 'max'.");
        if (thresholdMode is not ("rel" or "abs")) throw new ArgumentException($"ReduceLROnPlateau: threshold mode '{thresholdMode}' is unknown, use 'rel' or 'abs'.");
        if (!(factor < 1f) || factor < 0f) throw new ArgumentOutOfRangeException(nameof(factor), "ReduceLROnPlateau: factor should be < 1.0.");
        ArgumentOutOfRangeException.ThrowIfNegative(patience);
        ArgumentOutOfRangeException.ThrowIfNegative(cooldown);
        if (!(threshold >= 0f)) throw new ArgumentOutOfRangeException(nameof(threshold), "ReduceLROnPlateau: threshold must be >= 0.");
        if (!(minLr >= 0f)) throw new ArgumentOutOfRangeException(nameof(minLr), "ReduceLROnPlateau: min_lr must be >= 0.");
        Mode = mode;
        Factor = factor;
        Patience = patience;
        Threshold = threshold;
        ThresholdMode = thresholdMode;
        Cooldown = cooldown;
        MinLr = minLr;
        Eps = eps;
        Best = mode == "min" ? double.PositiveInfinity : double.NegativeInfinity;
    }

    /// <summary>
    /// Keras' <c>ReduceLROnPlateau(factor, patience, min_delta)</c> in PyTorch terms: the rate is reduced after
    /// <paramref name="kerasPatience"/> bad epochs (PyTorch patience <paramref name="kerasPatience"/> - 1), an improvement
    /// must beat the best value by <paramref name="minDelta"/> absolute.
    /// </summary>
    public static ReduceLROnPlateau Keras(Optimizer optimizer, float factor, int kerasPatience, float minDelta = 1e-4f, string mode = "min")
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(kerasPatience, 1);
        return new ReduceLROnPlateau(optimizer, mode, factor, kerasPatience - 1, minDelta, "abs");
    }

    /// <summary>"min" or "max".</summary>
    public string Mode { get; }

    /// <summary>Reduction multiplier.</summary>
    public float Factor { get; }

    /// <summary>Bad epochs tolerated.</summary>
    public int Patience { get; }

    /// <summary>Improvement threshold.</summary>
    public float Threshold { get; }

    /// <summary>"rel" or "abs".</summary>
    public string ThresholdMode { get; }

    /// <summary>Cooldown epochs.</summary>
    public int Cooldown { get; }

    /// <summary>Learning-rate floor.</summary>
    public float MinLr { get; }

    /// <summary>Smallest applied change.</summary>
    public float Eps { get; }

    /// <summary>Best metric so far.</summary>
    public double Best { get; private set; }

    /// <summary>Consecutive epochs without improvement.</summary>
    public int NumBadEpochs { get; private set; }

    /// <summary>Not used by this scheduler: it needs the epoch's metric.</summary>
    /// <exception cref="InvalidOperationException">Always; call <see cref="Step(double)"/>.</exception>
    public override void Step() =>
        throw new InvalidOperationException("ReduceLROnPlateau is stepped with the monitored metric: call Step(valLoss), as scheduler.step(val_loss) in PyTorch.");

    /// <summary>Reports the epoch's metric (<c>scheduler.step(metric)</c>).</summary>
    /// <exception cref="ArgumentException">The metric is NaN (e.g. a validation loss without validation data).</exception>
    public void Step(double metric)
    {
        if (double.IsNaN(metric)) throw new ArgumentException("ReduceLROnPlateau: the metric is NaN (no validation data?)", nameof(metric));
        LastEpoch++;
        if (IsBetter(metric)) { Best = metric; NumBadEpochs = 0; }
        else NumBadEpochs++;
        if (_cooldownCounter > 0)
        {
            _cooldownCounter--;
            NumBadEpochs = 0;
        }
        if (NumBadEpochs > Patience)
        {
            float old = Optimizer.LearningRate;
            float next = MathF.Max(old * Factor, MinLr);
            if (old - next > Eps) Optimizer.LearningRate = next;
            _cooldownCounter = Cooldown;
            NumBadEpochs = 0;
        }
    }

    /// <inheritdoc/>
    protected override float NextLearningRate(int epoch, float current) => current;

    /// <summary>The settings in PyTorch's argument names.</summary>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"ReduceLROnPlateau(mode={Mode}, factor={Factor}, patience={Patience}, threshold={Threshold}, threshold_mode={ThresholdMode}{(Cooldown > 0 ? $", cooldown={Cooldown}" : "")}{(MinLr > 0 ? $", min_lr={MinLr}" : "")})");

    private bool IsBetter(double a) => (Mode, ThresholdMode) switch
    {
        ("min", "rel") => a < Best * (1 - Threshold),
        ("min", _) => a < Best - Threshold,
        ("max", "rel") => a > Best * (Threshold + 1),
        _ => a > Best + Threshold,
    };
}
