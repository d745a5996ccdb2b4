namespace GenreNotebooks.Nn.Modules;

/// <summary>
/// Batch normalisation for [N, C] or [N, C, L] inputs (<c>torch.nn.BatchNorm1d</c>); see <see cref="BatchNorm"/>.
/// </summary>
public sealed class BatchNorm1d(int numFeatures, float eps = 1e-5f, float momentum = 0.1f, bool affine = true)
    : BatchNorm(numFeatures, eps, momentum, affine)
{
    /// <inheritdoc/>
    protected override void CheckInput(Tensor input)
    {
        if (input.Rank is not (2 or 3))
            throw new ArgumentException($"BatchNorm1d: expected 2D or 3D input [N, C(, L)], got {Tensor.ShapeString(input.Shape)}.");
    }
}
