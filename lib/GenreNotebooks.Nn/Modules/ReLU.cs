namespace GenreNotebooks.Nn.Modules;

/// <summary>max(x, 0) elementwise (<c>torch.nn.ReLU</c>), any shape. Used in notebooks/04-feature-networks-and-cross-validation through notebooks/09-new-genres.</summary>
public sealed class ReLU : Module
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => input.Relu();
}
