namespace GenreNotebooks.Nn.Modules;

/// <summary>
/// 2-D convolution layer (<c>torch.nn.Conv2d</c>, dilation 1, groups 1): input [N, C_in, H, W], output
/// [N, C_out, Ho, Wo]; weight [C_out, C_in, kh, kw], bias [C_out]; PyTorch's default init. Padding may be
/// numbers or "same" (stride 1; for even kernels the extra row/column goes bottom/right as in PyTorch) or "valid".
/// </summary>
public sealed class Conv2d : Module
{
    private readonly int _padTop, _padBottom, _padLeft, _padRight;
    private readonly string _paddingText;

    /// <summary>Square kernel, stride and symmetric padding.</summary>
    public Conv2d(int inChannels, int outChannels, int kernelSize, int stride = 1, int padding = 0, bool bias = true, Generator? generator = null)
        : this(inChannels, outChannels, (kernelSize, kernelSize), (stride, stride), (padding, padding), bias, generator) { }

    /// <summary>Square kernel with padding "same" (stride 1) or "valid" (no padding).</summary>
    public Conv2d(int inChannels, int outChannels, int kernelSize, string padding, int stride = 1, bool bias = true, Generator? generator = null)
        : this(inChannels, outChannels, (kernelSize, kernelSize), (stride, stride), PaddingMode.Resolve("Conv2d", padding, (kernelSize, kernelSize), (stride, stride)), bias, generator)
    {
        _paddingText = $"'{padding}'";
    }

    /// <summary>Rectangular kernel (height, width) with padding "same" (stride 1) or "valid".</summary>
    public Conv2d(int inChannels, int outChannels, (int H, int W) kernelSize, string padding, bool bias = true, Generator? generator = null)
        : this(inChannels, outChannels, kernelSize, (1, 1), PaddingMode.Resolve("Conv2d", padding, kernelSize, (1, 1)), bias, generator)
    {
        _paddingText = $"'{padding}'";
    }

    /// <summary>Rectangular kernel (height, width), stride and symmetric padding per axis.</summary>
    public Conv2d(int inChannels, int outChannels, (int H, int W) kernelSize, (int H, int W) stride, (int H, int W) padding, bool bias = true, Generator? generator = null)
        : this(inChannels, outChannels, kernelSize, stride, (padding.H, padding.H, padding.W, padding.W), bias, generator) { }

    private Conv2d(int inChannels, int outChannels, (int H, int W) kernel, (int H, int W) stride, (int Top, int Bottom, int Left, int Right) pad, bool bias, Generator? generator)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inChannels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outChannels);
        if (kernel.H < 1 || kernel.W < 1 || stride.H < 1 || stride.W < 1) throw new ArgumentException("Conv2d: kernel and stride must be >= 1.");
        if (pad.Top < 0 || pad.Bottom < 0 || pad.Left < 0 || pad.Right < 0) throw new ArgumentException("Conv2d: padding must be >= 0.");
        InChannels = inChannels;
        OutChannels = outChannels;
        KernelSize = kernel;
        Stride = stride;
        (_padTop, _padBottom, _padLeft, _padRight) = pad;
        _paddingText = $"({pad.Top}, {pad.Left})";
        Weight = RegisterParameter("weight", Tensor.Zeros(outChannels, inChannels, kernel.H, kernel.W));
        Init.KaimingUniform(Weight, a: MathF.Sqrt(5f), generator: generator);
        if (bias)
        {
            Bias = RegisterParameter("bias", Tensor.Zeros(outChannels));
            float bound = 1f / MathF.Sqrt(inChannels * kernel.H * kernel.W);
            Init.Uniform(Bias, -bound, bound, generator);
        }
    }

    /// <summary>Input channels.</summary>
    public int InChannels { get; }

    /// <summary>Output channels (filters).</summary>
    public int OutChannels { get; }

    /// <summary>Kernel (height, width).</summary>
    public (int H, int W) KernelSize { get; }

    /// <summary>Stride (height, width).</summary>
    public (int H, int W) Stride { get; }

    /// <summary>Zero padding actually applied (top, bottom, left, right), with "same" resolved as PyTorch does (the extra row/column of an even kernel bottom/right).</summary>
    public (int Top, int Bottom, int Left, int Right) Padding => (_padTop, _padBottom, _padLeft, _padRight);

    /// <summary>Weight [C_out, C_in, kh, kw].</summary>
    public Tensor Weight { get; }

    /// <summary>Bias [C_out], or null.</summary>
    public Tensor? Bias { get; }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) =>
        Functional.Conv2d(input, Weight, Bias, Stride.H, Stride.W, _padTop, _padBottom, _padLeft, _padRight);

    /// <summary><see cref="Forward"/> that also fills <paramref name="moments"/> with the output planes' statistics for a following BatchNorm2d.</summary>
    internal Tensor ForwardWithMoments(Tensor input, Kernels.PlaneMoments moments) =>
        Functional.Conv2dWithMoments(input, Weight, Bias, Stride.H, Stride.W, _padTop, _padBottom, _padLeft, _padRight, moments);

    /// <inheritdoc/>
    protected override string ExtraRepr() =>
        $"{InChannels}, {OutChannels}, kernel_size=({KernelSize.H}, {KernelSize.W}), stride=({Stride.H}, {Stride.W}), padding={_paddingText}";
}
