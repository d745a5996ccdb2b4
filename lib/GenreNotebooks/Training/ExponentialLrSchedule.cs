namespace GenreNotebooks.Training;

/// <summary>
/// Multiply the learning rate by <see cref="Gamma"/> after every epoch (PyTorch
/// <c>torch.optim.lr_scheduler.ExponentialLR(gamma)</c>). Taught in notebooks/05-cnn-on-mel-spectrograms.
/// </summary>
public sealed class ExponentialLrSchedule : ILearningRateSchedule
{
    /// <summary>Creates the schedule; <paramref name="gamma"/> in (0, 1].</summary>
    public ExponentialLrSchedule(double gamma)
    {
        if (!(gamma > 0 && gamma <= 1)) throw new ArgumentOutOfRangeException(nameof(gamma), gamma, "gamma must be in (0, 1]");
        Gamma = gamma;
    }

    /// <summary>Decay factor per epoch.</summary>
    public double Gamma { get; }

    /// <inheritdoc />
    public void Reset() { }

    /// <inheritdoc />
    public double Step(EpochReport report, double currentLearningRate) => currentLearningRate * Gamma;

    /// <inheritdoc />
    public override string ToString() => $"ExponentialLR(gamma={Gamma})";
}
