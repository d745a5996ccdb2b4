namespace GenreNotebooks.Training;

/// <summary>
/// Multiply the learning rate by <see cref="Gamma"/> every <see cref="StepSize"/> epochs (PyTorch
/// <c>torch.optim.lr_scheduler.StepLR(step_size, gamma)</c> stepped once per epoch): epochs 1..StepSize use the initial
/// rate, the next StepSize epochs rate x gamma, and so on.
/// UCT paper: StepLR(10, 0.1); the features paper: "halves the learning rate every ten epochs" = StepLR(10, 0.5)
/// (<see cref="HalveEvery"/>). Taught in notebooks/05-cnn-on-mel-spectrograms and notebooks/04-feature-networks-and-cross-validation.
/// </summary>
public sealed class StepLrSchedule : ILearningRateSchedule
{
    private int _epochsDone;

    /// <summary>Creates the schedule.</summary>
    /// <param name="stepSize">Epochs between decays, at least 1.</param>
    /// <param name="gamma">Factor applied at each decay, in (0, 1].</param>
    public StepLrSchedule(int stepSize, double gamma = 0.1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(stepSize, 1);
        if (!(gamma > 0 && gamma <= 1)) throw new ArgumentOutOfRangeException(nameof(gamma), gamma, "gamma must be in (0, 1]");
        StepSize = stepSize;
        Gamma = gamma;
    }

    /// <summary>The features paper's "halve the learning rate every <paramref name="epochs"/> epochs" (StepLR(epochs, 0.5)).</summary>
    public static StepLrSchedule HalveEvery(int epochs = 10) => new(epochs, 0.5);

    /// <summary>Epochs between decays.</summary>
    public int StepSize { get; }

    /// <summary>Decay factor.</summary>
    public double Gamma { get; }

    /// <inheritdoc />
    public void Reset() => _epochsDone = 0;

    /// <inheritdoc />
    public double Step(EpochReport report, double currentLearningRate)
    {
        _epochsDone++;
        return _epochsDone % StepSize == 0 ? currentLearningRate * Gamma : currentLearningRate;
    }

    /// <inheritdoc />
    public override string ToString() => $"StepLR(step_size={StepSize}, gamma={Gamma})";
}
