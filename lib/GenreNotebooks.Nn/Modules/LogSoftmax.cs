namespace GenreNotebooks.Nn.Modules;

/// <summary>log(softmax(x)) along Dim (<c>torch.nn.LogSoftmax(dim)</c>), paired with <see cref="NLLLoss"/>.</summary>
public sealed class LogSoftmax(int dim = -1) : Module
{
    /// <summary>Dimension normalised.</summary>
    public int Dim { get; } = dim;

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.LogSoftmax(input, Dim);

    /// <inheritdoc/>
    protected override string ExtraRepr() => $"dim={Dim}";
}
