namespace GenreNotebooks.Nn.Optim;

/// <summary>
/// Stochastic gradient descent (<c>torch.optim.SGD(params, lr, momentum, weight_decay=..., nesterov=...)</c>, dampening 0):
/// <c>d = g + wd·p; buf = momentum·buf + d</c> (buf = d on the first step); <c>d = nesterov ? d + momentum·buf : buf</c>;
/// <c>p -= lr·d</c>. Recipes use it through <c>OptimizerKind.Sgd</c>.
/// </summary>
public sealed class SGD : Optimizer
{
    private readonly float[]?[] _momentumBuffers;

    /// <summary>Creates the optimizer; Nesterov needs a positive momentum.</summary>
    public SGD(IEnumerable<Tensor> parameters, float lr, float momentum = 0f, float weightDecay = 0f, bool nesterov = false)
        : base(parameters, lr)
    {
        if (momentum < 0f) throw new ArgumentOutOfRangeException(nameof(momentum), $"SGD: invalid momentum {momentum}.");
        if (weightDecay < 0f) throw new ArgumentOutOfRangeException(nameof(weightDecay), $"SGD: invalid weight_decay {weightDecay}.");
        if (nesterov && momentum <= 0f) throw new ArgumentException("SGD: Nesterov momentum requires a momentum > 0.");
        Momentum = momentum;
        WeightDecay = weightDecay;
        Nesterov = nesterov;
        _momentumBuffers = new float[]?[Params.Count];
    }

    /// <summary>Momentum factor.</summary>
    public float Momentum { get; }

    /// <summary>L2 weight decay added to the gradient.</summary>
    public float WeightDecay { get; }

    /// <summary>Nesterov momentum.</summary>
    public bool Nesterov { get; }

    /// <inheritdoc/>
    protected override void Update(int index, Span<float> param, ReadOnlySpan<float> grad)
    {
        float lr = LearningRate;
        float[]? buf = _momentumBuffers[index];
        bool first = buf is null;
        if (Momentum != 0f && buf is null) buf = _momentumBuffers[index] = new float[param.Length];
        for (int i = 0; i < param.Length; i++)
        {
            float d = grad[i] + WeightDecay * param[i];
            if (buf is not null)
            {
                buf[i] = first ? d : Momentum * buf[i] + d;
                d = Nesterov ? d + Momentum * buf[i] : buf[i];
            }
            param[i] -= lr * d;
        }
    }
}
