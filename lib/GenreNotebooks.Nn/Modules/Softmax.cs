namespace GenreNotebooks.Nn.Modules;

/// <summary>Softmax along Dim (<c>torch.nn.Softmax(dim)</c>): logits → class probabilities.</summary>
public sealed class Softmax(int dim = -1) : Module
{
    /// <summary>Dimension normalised to sum 1.</summary>
    public int Dim { get; } = dim;

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.Softmax(input, Dim);

    /// <inheritdoc/>
    protected override string ExtraRepr() => $"dim={Dim}";
}
