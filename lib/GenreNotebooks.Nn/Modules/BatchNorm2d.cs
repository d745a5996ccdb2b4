namespace GenreNotebooks.Nn.Modules;

/// <summary>
/// Batch normalisation for [N, C, H, W] inputs (<c>torch.nn.BatchNorm2d</c>), statistics per channel over N, H, W;
/// see <see cref="BatchNorm"/>.
/// </summary>
public sealed class BatchNorm2d(int numFeatures, float eps = 1e-5f, float momentum = 0.1f, bool affine = true)
    : BatchNorm(numFeatures, eps, momentum, affine)
{
    /// <inheritdoc/>
    protected override void CheckInput(Tensor input)
    {
        if (input.Rank != 4)
            throw new ArgumentException($"BatchNorm2d: expected 4D input [N, C, H, W], got {Tensor.ShapeString(input.Shape)}.");
    }
}
