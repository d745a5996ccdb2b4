namespace GenreNotebooks.Nn.Optim;

/// <summary>
/// Multiplies the learning rate by Gamma every epoch (<c>torch.optim.lr_scheduler.ExponentialLR(opt, gamma)</c>).
/// Available to recipes and hand-written loops like the other <see cref="LRScheduler"/>s.
/// </summary>
public sealed class ExponentialLR : LRScheduler
{
    /// <summary>Creates the schedule.</summary>
    public ExponentialLR(Optimizer optimizer, float gamma) : base(optimizer)
    {
        if (!(gamma > 0f)) throw new ArgumentOutOfRangeException(nameof(gamma), $"ExponentialLR: gamma must be > 0, got {gamma}.");
        Gamma = gamma;
    }

    /// <summary>Decay factor per epoch.</summary>
    public float Gamma { get; }

    /// <inheritdoc/>
    protected override float NextLearningRate(int epoch, float current) => current * Gamma;

    /// <summary>PyTorch's repr: <c>ExponentialLR(gamma=0.9)</c>.</summary>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"ExponentialLR(gamma={Gamma})");
}
