namespace GenreNotebooks.Nn.Optim;

/// <summary>
/// AdamW (<c>torch.optim.AdamW</c>): Adam with decoupled weight decay <c>p *= 1 - lr·wd</c> before the Adam step
/// (default wd 0.01).
/// </summary>
public sealed class AdamW(IEnumerable<Tensor> parameters, float lr = 1e-3f, float beta1 = 0.9f, float beta2 = 0.999f, float eps = 1e-8f, float weightDecay = 1e-2f)
    : Adam(parameters, lr, beta1, beta2, eps, weightDecay)
{
    /// <inheritdoc/>
    protected override bool DecoupledWeightDecay => true;
}
