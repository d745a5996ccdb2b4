namespace GenreNotebooks.Nn.Modules;

/// <summary>
/// Fully connected layer <c>y = x Wᵀ + b</c> (<c>torch.nn.Linear</c>): input [N, in], output [N, out]; weight [out, in]
/// and bias [out] initialised as PyTorch (kaiming_uniform with a = √5, bias U(-1/√in, 1/√in)).
/// </summary>
public sealed class Linear : Module
{
    /// <summary>Creates the layer; the init draws from <paramref name="generator"/> (or the default generator).</summary>
    public Linear(int inFeatures, int outFeatures, bool bias = true, Generator? generator = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inFeatures);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outFeatures);
        InFeatures = inFeatures;
        OutFeatures = outFeatures;
        Weight = RegisterParameter("weight", Tensor.Zeros(outFeatures, inFeatures));
        Init.KaimingUniform(Weight, a: MathF.Sqrt(5f), generator: generator);
        if (bias)
        {
            Bias = RegisterParameter("bias", Tensor.Zeros(outFeatures));
            float bound = 1f / MathF.Sqrt(inFeatures);
            Init.Uniform(Bias, -bound, bound, generator);
        }
    }

    /// <summary>Input size.</summary>
    public int InFeatures { get; }

    /// <summary>Output size.</summary>
    public int OutFeatures { get; }

    /// <summary>Weight [out, in].</summary>
    public Tensor Weight { get; }

    /// <summary>Bias [out], or null when created with <c>bias: false</c>.</summary>
    public Tensor? Bias { get; }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.Linear(input, Weight, Bias);

    /// <inheritdoc/>
    protected override string ExtraRepr() => $"in_features={InFeatures}, out_features={OutFeatures}, bias={Bias is not null}";
}
