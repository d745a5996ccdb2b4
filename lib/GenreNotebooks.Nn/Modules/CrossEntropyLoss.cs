namespace GenreNotebooks.Nn.Modules;

/// <summary>
/// Cross-entropy from logits [N, C] and class indices [N] (<c>torch.nn.CrossEntropyLoss(weight, label_smoothing)</c>),
/// with PyTorch's weighted mean; see <see cref="Functional.CrossEntropy"/>.
/// </summary>
public sealed class CrossEntropyLoss(Tensor? weight = null, float labelSmoothing = 0f, Reduction reduction = Reduction.Mean)
{
    /// <summary>Class weights [C], or null.</summary>
    public Tensor? Weight { get; } = weight;

    /// <summary>Label smoothing ε in [0, 1].</summary>
    public float LabelSmoothing { get; } = labelSmoothing;

    /// <summary>Mean or sum.</summary>
    public Reduction Reduction { get; } = reduction;

    /// <summary>The loss as a one-element tensor.</summary>
    public Tensor Forward(Tensor logits, ReadOnlySpan<int> target) => Functional.CrossEntropy(logits, target, Weight, LabelSmoothing, Reduction);
}
