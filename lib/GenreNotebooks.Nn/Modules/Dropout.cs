namespace GenreNotebooks.Nn.Modules;

/// <summary>
/// Inverted dropout (<c>torch.nn.Dropout</c>): in training zeroes elements with probability P and scales the rest by
/// 1/(1-P); identity in eval. Masks come from the given generator (or the default one), so a seed fixes them.
/// </summary>
public sealed class Dropout : Module
{
    private readonly Generator? _generator;

    /// <summary>Creates the layer with drop probability <paramref name="p"/>.</summary>
    public Dropout(float p = 0.5f, Generator? generator = null)
    {
        if (p < 0f || p > 1f || float.IsNaN(p)) throw new ArgumentOutOfRangeException(nameof(p), $"Dropout: probability has to be between 0 and 1, got {p}.");
        P = p;
        _generator = generator;
    }

    /// <summary>Drop probability.</summary>
    public float P { get; }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.Dropout(input, P, Training, _generator);

    /// <inheritdoc/>
    protected override string ExtraRepr() => $"p={P}";
}
