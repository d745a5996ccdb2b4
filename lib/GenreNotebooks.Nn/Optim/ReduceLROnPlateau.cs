namespace GenreNotebooks.Nn.Optim;

/// <summary>
/// Lowers the learning rate when a metric stops improving (<c>torch.optim.lr_scheduler.ReduceLROnPlateau</c>): after
/// more than Patience epochs without improvement (relative or absolute Threshold), <c>lr = max(lr·Factor, MinLr)</c>
/// (ignored if the change is below Eps), then Cooldown epochs during which bad epochs are not counted.
/// The BU paper uses patience 1, factor 0.8 on validation loss. Used in notebooks/05-cnn-on-mel-spectrograms and notebooks/06-architecture-sweep-and-tuning.
/// </summary>
public sealed class ReduceLROnPlateau
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
        string thresholdMode = "rel", int cooldown = 0, float minLr = 0f, float eps = 1e-8f)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        if (mode is not ("min" or "max")) throw new ArgumentException($"ReduceLROnPlateau: mode '{mode}' is unknown, use 'min' or 'max'.");
        if (thresholdMode is not ("rel" or "abs")) throw new ArgumentException($"ReduceLROnPlateau: threshold mode '{thresholdMode}' is unknown, use 'rel' or 'abs'.");
        if (!(factor < 1f) || factor < 0f) throw new ArgumentOutOfRangeException(nameof(factor), "ReduceLROnPlateau: factor should be < 1.0.");
        ArgumentOutOfRangeException.ThrowIfNegative(patience);
        ArgumentOutOfRangeException.ThrowIfNegative(cooldown);
        Optimizer = optimizer;
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

    /// <summary>The scheduled optimizer.</summary>
    public Optimizer Optimizer { get; }

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

    /// <summary>Epochs stepped.</summary>
    public int LastEpoch { get; private set; }

    /// <summary>The learning rate after the last step.</summary>
    public float LastLearningRate => Optimizer.LearningRate;

    /// <summary>Reports the epoch's metric (<c>scheduler.step(metric)</c>).</summary>
    public void Step(double metric)
    {
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

    private bool IsBetter(double a) => (Mode, ThresholdMode) switch
    {
        ("min", "rel") => a < Best * (1 - Threshold),
        ("min", _) => a < Best - Threshold,
        ("max", "rel") => a > Best * (Threshold + 1),
        _ => a > Best + Threshold,
    };
}
