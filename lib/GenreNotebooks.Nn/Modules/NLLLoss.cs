namespace GenreNotebooks.Nn.Modules;

/// <summary>
/// Negative log-likelihood of log-probabilities [N, C] and class indices [N] (<c>torch.nn.NLLLoss(weight)</c>);
/// see <see cref="Functional.NllLoss"/>.
/// </summary>
public sealed class NLLLoss(Tensor? weight = null, Reduction reduction = Reduction.Mean)
{
    /// <summary>Class weights [C], or null.</summary>
    public Tensor? Weight { get; } = weight;

    /// <summary>Mean or sum.</summary>
    public Reduction Reduction { get; } = reduction;

    /// <summary>The loss as a one-element tensor.</summary>
    public Tensor Forward(Tensor logProbs, ReadOnlySpan<int> target) => Functional.NllLoss(logProbs, target, Weight, Reduction);
}
