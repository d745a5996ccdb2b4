namespace GenreNotebooks.Nn.Optim;

/// <summary>
/// Adam (<c>torch.optim.Adam(params, lr, betas, eps, weight_decay)</c>): <c>g += wd·p</c> (L2 added to the gradient, as
/// PyTorch's Adam), <c>m = β1·m + (1-β1)·g</c>, <c>v = β2·v + (1-β2)·g²</c>,
/// <c>p -= lr / (1-β1^t) · m / (√v / √(1-β2^t) + eps)</c>.
/// Used in notebooks/04-feature-networks-and-cross-validation through notebooks/09-new-genres.
/// </summary>
public class Adam : Optimizer
{
    private readonly float[][] _m, _v;

    /// <summary>Creates the optimizer with PyTorch's defaults (lr 1e-3, betas 0.9/0.999, eps 1e-8).</summary>
    public Adam(IEnumerable<Tensor> parameters, float lr = 1e-3f, float beta1 = 0.9f, float beta2 = 0.999f, float eps = 1e-8f, float weightDecay = 0f)
        : base(parameters, lr)
    {
        if (beta1 < 0f || beta1 >= 1f) throw new ArgumentOutOfRangeException(nameof(beta1), $"{GetType().Name}: invalid beta1 {beta1}.");
        if (beta2 < 0f || beta2 >= 1f) throw new ArgumentOutOfRangeException(nameof(beta2), $"{GetType().Name}: invalid beta2 {beta2}.");
        if (eps < 0f) throw new ArgumentOutOfRangeException(nameof(eps), $"{GetType().Name}: invalid eps {eps}.");
        if (weightDecay < 0f) throw new ArgumentOutOfRangeException(nameof(weightDecay), $"{GetType().Name}: invalid weight_decay {weightDecay}.");
        Beta1 = beta1;
        Beta2 = beta2;
        Eps = eps;
        WeightDecay = weightDecay;
        _m = Params.Select(p => new float[p.Numel]).ToArray();
        _v = Params.Select(p => new float[p.Numel]).ToArray();
    }

    /// <summary>First-moment decay β1.</summary>
    public float Beta1 { get; }

    /// <summary>Second-moment decay β2.</summary>
    public float Beta2 { get; }

    /// <summary>Denominator term.</summary>
    public float Eps { get; }

    /// <summary>Weight decay (see the class summary for how it is applied).</summary>
    public float WeightDecay { get; }

    /// <summary>True for AdamW's decoupled decay, false for Adam's L2-in-gradient.</summary>
    protected virtual bool DecoupledWeightDecay => false;

    /// <inheritdoc/>
    protected override void Update(int index, Span<float> param, ReadOnlySpan<float> grad)
    {
        float[] m = _m[index], v = _v[index];
        int t = StepCount;
        float lr = LearningRate;
        double bc1 = 1 - Math.Pow(Beta1, t), bc2 = 1 - Math.Pow(Beta2, t);
        float stepSize = (float)(lr / bc1), bc2Sqrt = (float)Math.Sqrt(bc2);
        float decay = DecoupledWeightDecay ? 1f - lr * WeightDecay : 1f;
        float l2 = DecoupledWeightDecay ? 0f : WeightDecay;
        for (int i = 0; i < param.Length; i++)
        {
            float p = param[i] * decay;
            float g = grad[i] + l2 * param[i];
            m[i] = Beta1 * m[i] + (1 - Beta1) * g;
            v[i] = Beta2 * v[i] + (1 - Beta2) * g * g;
            float denom = MathF.Sqrt(v[i]) / bc2Sqrt + Eps;
            param[i] = p - stepSize * m[i] / denom;
        }
    }
}
