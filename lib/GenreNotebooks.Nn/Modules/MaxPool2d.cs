namespace GenreNotebooks.Nn.Modules;

/// <summary>
/// 2-D max pooling (<c>torch.nn.MaxPool2d</c>, no padding, floor mode): [N, C, H, W] → [N, C, ⌊(H-k)/s⌋+1, ⌊(W-k)/s⌋+1];
/// stride defaults to the kernel size.
/// </summary>
public sealed class MaxPool2d : Module
{
    /// <summary>Square window of <paramref name="kernelSize"/>, stride defaulting to the kernel.</summary>
    public MaxPool2d(int kernelSize, int? stride = null) : this((kernelSize, kernelSize), stride is { } s ? (s, s) : null) { }

    /// <summary>Rectangular window (height, width) and stride.</summary>
    public MaxPool2d((int H, int W) kernelSize, (int H, int W)? stride = null)
    {
        if (kernelSize.H < 1 || kernelSize.W < 1) throw new ArgumentException("MaxPool2d: kernel must be >= 1.");
        KernelSize = kernelSize;
        Stride = stride ?? kernelSize;
        if (Stride.H < 1 || Stride.W < 1) throw new ArgumentException("MaxPool2d: stride must be >= 1.");
    }

    /// <summary>Window (height, width).</summary>
    public (int H, int W) KernelSize { get; }

    /// <summary>Stride (height, width).</summary>
    public (int H, int W) Stride { get; }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.MaxPool2d(input, KernelSize.H, KernelSize.W, Stride.H, Stride.W);

    /// <inheritdoc/>
    protected override string ExtraRepr() => $"kernel_size=({KernelSize.H}, {KernelSize.W}), stride=({Stride.H}, {Stride.W})";
}
