namespace GenreNotebooks.Nn.Modules;

/// <summary>max(x, 0) elementwise (<c>torch.nn.ReLU</c>), any shape.</summary>
public sealed class ReLU : Module
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => input.Relu();
}
