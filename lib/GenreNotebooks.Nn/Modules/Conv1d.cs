namespace GenreNotebooks.Nn.Modules;

/// <summary>
/// 1-D convolution layer (<c>torch.nn.Conv1d</c>, dilation 1, groups 1): input [N, C_in, L], output [N, C_out, Lo];
/// weight [C_out, C_in, k], bias [C_out]; PyTorch's default init; padding a number, "same" (stride 1) or "valid".
/// </summary>
public sealed class Conv1d : Module
{
    private readonly int _padLeft, _padRight;
    private readonly string _paddingText;

    /// <summary>Kernel, stride and symmetric padding.</summary>
    public Conv1d(int inChannels, int outChannels, int kernelSize, int stride = 1, int padding = 0, bool bias = true, Generator? generator = null)
        : this(inChannels, outChannels, kernelSize, stride, (padding, padding), $"({padding},)", bias, generator) { }

    /// <summary>Padding "same" (stride 1) or "valid".</summary>
    public Conv1d(int inChannels, int outChannels, int kernelSize, string padding, int stride = 1, bool bias = true, Generator? generator = null)
        : this(inChannels, outChannels, kernelSize, stride, Side(PaddingMode.Resolve("Conv1d", padding, (1, kernelSize), (1, stride))), $"'{padding}'", bias, generator) { }

    private Conv1d(int inChannels, int outChannels, int kernelSize, int stride, (int Left, int Right) pad, string paddingText, bool bias, Generator? generator)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inChannels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outChannels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(kernelSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stride);
        if (pad.Left < 0 || pad.Right < 0) throw new ArgumentException("Conv1d: padding must be >= 0.");
        InChannels = inChannels;
        OutChannels = outChannels;
        KernelSize = kernelSize;
        Stride = stride;
        (_padLeft, _padRight) = pad;
        _paddingText = paddingText;
        Weight = RegisterParameter("weight", Tensor.Zeros(outChannels, inChannels, kernelSize));
        Init.KaimingUniform(Weight, a: MathF.Sqrt(5f), generator: generator);
        if (bias)
        {
            Bias = RegisterParameter("bias", Tensor.Zeros(outChannels));
            float bound = 1f / MathF.Sqrt(inChannels * kernelSize);
            Init.Uniform(Bias, -bound, bound, generator);
        }
    }

    /// <summary>Input channels.</summary>
    public int InChannels { get; }

    /// <summary>Output channels (filters).</summary>
    public int OutChannels { get; }

    /// <summary>Kernel length.</summary>
    public int KernelSize { get; }

    /// <summary>Stride.</summary>
    public int Stride { get; }

    /// <summary>Zero padding actually applied (left, right), with "same" resolved as PyTorch does (the extra column of an even kernel on the right).</summary>
    public (int Left, int Right) Padding => (_padLeft, _padRight);

    /// <summary>Weight [C_out, C_in, k].</summary>
    public Tensor Weight { get; }

    /// <summary>Bias [C_out], or null.</summary>
    public Tensor? Bias { get; }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.Conv1d(input, Weight, Bias, Stride, _padLeft, _padRight);

    /// <inheritdoc/>
    protected override string ExtraRepr() => $"{InChannels}, {OutChannels}, kernel_size=({KernelSize},), stride=({Stride},), padding={_paddingText}";

    private static (int, int) Side((int Top, int Bottom, int Left, int Right) p) => (p.Left, p.Right);
}
