namespace GenreNotebooks.Nn.Modules;

/// <summary>
/// Shared body of <see cref="BatchNorm1d"/> and <see cref="BatchNorm2d"/> (PyTorch's <c>_BatchNorm</c>): weight
/// (ones) and bias (zeros) [C] as parameters, running_mean (zeros) and running_var (ones) [C] as buffers; momentum
/// 0.1, eps 1e-5; running variance updated with the unbiased batch variance, normalisation with the biased one.
/// </summary>
public abstract class BatchNorm : Module
{
    /// <summary>Creates the layer for <paramref name="numFeatures"/> channels.</summary>
    protected BatchNorm(int numFeatures, float eps, float momentum, bool affine)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(numFeatures);
        if (!(eps > 0f)) throw new ArgumentOutOfRangeException(nameof(eps), "BatchNorm: eps must be > 0.");
        if (momentum < 0f || momentum > 1f) throw new ArgumentOutOfRangeException(nameof(momentum), "BatchNorm: momentum must be in [0, 1].");
        NumFeatures = numFeatures;
        Eps = eps;
        Momentum = momentum;
        if (affine)
        {
            Weight = RegisterParameter("weight", Tensor.Ones(numFeatures));
            Bias = RegisterParameter("bias", Tensor.Zeros(numFeatures));
        }
        RunningMean = RegisterBuffer("running_mean", Tensor.Zeros(numFeatures));
        RunningVar = RegisterBuffer("running_var", Tensor.Ones(numFeatures));
    }

    /// <summary>Channels C.</summary>
    public int NumFeatures { get; }

    /// <summary>Added to the variance before the square root.</summary>
    public float Eps { get; }

    /// <summary>Weight of the new batch statistics in the running averages.</summary>
    public float Momentum { get; }

    /// <summary>Scale γ [C], or null without affine.</summary>
    public Tensor? Weight { get; }

    /// <summary>Shift β [C], or null without affine.</summary>
    public Tensor? Bias { get; }

    /// <summary>Running mean [C] (buffer).</summary>
    public Tensor RunningMean { get; }

    /// <summary>Running unbiased variance [C] (buffer).</summary>
    public Tensor RunningVar { get; }

    /// <summary>Checks the input rank; throws with the layer name and shape when wrong.</summary>
    protected abstract void CheckInput(Tensor input);

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input)
    {
        CheckShape(input);
        return Functional.BatchNorm(input, RunningMean, RunningVar, Weight, Bias, Training, Momentum, Eps);
    }

    /// <summary>This layer followed by ReLU as one op (training and eval, with or without grad).</summary>
    internal Tensor ForwardFusedRelu(Tensor input)
    {
        CheckShape(input);
        return Functional.BatchNormRelu(input, RunningMean, RunningVar, Weight, Bias, Training, Momentum, Eps);
    }

    /// <summary>This layer followed by ReLU and 2×2 max pooling with stride 2 as one op; input [N, C, H, W] with H, W ≥ 2.</summary>
    internal Tensor ForwardFusedReluPool(Tensor input, Kernels.PlaneMoments? moments = null)
    {
        CheckShape(input);
        return Functional.BatchNormReluMaxPool2x2(input, RunningMean, RunningVar, Weight, Bias, Training, Momentum, Eps, moments);
    }

    private void CheckShape(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        CheckInput(input);
        if (input.Size(1) != NumFeatures)
            throw new ArgumentException($"{GetType().Name}: input {Tensor.ShapeString(input.Shape)} has {input.Size(1)} channels, expected {NumFeatures}.");
    }

    /// <inheritdoc/>
    protected override string ExtraRepr() => $"{NumFeatures}, eps={Eps}, momentum={Momentum}, affine={Weight is not null}";
}
