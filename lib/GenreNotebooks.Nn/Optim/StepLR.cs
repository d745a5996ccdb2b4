namespace GenreNotebooks.Nn.Optim;

/// <summary>
/// Multiplies the learning rate by Gamma every StepSize epochs (<c>torch.optim.lr_scheduler.StepLR(opt, step_size, gamma)</c>).
/// <see cref="HalveEvery"/> is the GTZAN-features paper's "halve the LR every N epochs".
/// Taught in notebooks/04-feature-networks-and-cross-validation and notebooks/05-cnn-on-mel-spectrograms.
/// </summary>
public sealed class StepLR : LRScheduler
{
    /// <summary>Creates the schedule.</summary>
    public StepLR(Optimizer optimizer, int stepSize, float gamma = 0.1f) : base(optimizer)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stepSize);
        if (!(gamma > 0f)) throw new ArgumentOutOfRangeException(nameof(gamma), $"StepLR: gamma must be > 0, got {gamma}.");
        StepSize = stepSize;
        Gamma = gamma;
    }

    /// <summary>Epochs between decays.</summary>
    public int StepSize { get; }

    /// <summary>Decay factor.</summary>
    public float Gamma { get; }

    /// <summary><c>StepLR(optimizer, n, 0.5)</c>: the learning rate halves every <paramref name="epochs"/> epochs.</summary>
    public static StepLR HalveEvery(Optimizer optimizer, int epochs) => new(optimizer, epochs, 0.5f);

    /// <inheritdoc/>
    protected override float NextLearningRate(int epoch, float current) => epoch % StepSize == 0 ? current * Gamma : current;

    /// <summary>PyTorch's repr: <c>StepLR(step_size=10, gamma=0.1)</c>.</summary>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"StepLR(step_size={StepSize}, gamma={Gamma})");
}
