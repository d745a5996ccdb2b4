namespace GenreNotebooks.Nn.Autograd;

/// <summary>
/// One recorded op of the autograd graph: its inputs and the function that, given the gradient of the op's output,
/// adds the gradients of the inputs into their gradient buffers (<c>grad_fn</c> in PyTorch).
/// </summary>
internal sealed class GradNode(string name, Tensor[] inputs, Action<float[]> backward, OpAttributes? attributes = null)
{
    public string Name { get; } = name;
    public Tensor[] Inputs { get; } = inputs;
    public Action<float[]> Backward { get; } = backward;

    /// <summary>The op's settings beyond its inputs, for ops that have any (null otherwise).</summary>
    public OpAttributes? Attributes { get; } = attributes;
}
