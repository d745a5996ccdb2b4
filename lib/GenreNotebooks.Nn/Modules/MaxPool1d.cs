namespace GenreNotebooks.Nn.Modules;

/// <summary>
/// 1-D max pooling (<c>torch.nn.MaxPool1d</c>, no padding, floor mode): [N, C, L] → [N, C, ⌊(L-k)/s⌋+1]; stride
/// defaults to the kernel size.
/// </summary>
public sealed class MaxPool1d : Module
{
    /// <summary>Window <paramref name="kernelSize"/>, stride defaulting to the kernel.</summary>
    public MaxPool1d(int kernelSize, int? stride = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(kernelSize);
        KernelSize = kernelSize;
        Stride = stride ?? kernelSize;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Stride);
    }

    /// <summary>Window length.</summary>
    public int KernelSize { get; }

    /// <summary>Stride.</summary>
    public int Stride { get; }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.MaxPool1d(input, KernelSize, Stride);

    /// <inheritdoc/>
    protected override string ExtraRepr() => $"kernel_size={KernelSize}, stride={Stride}";
}
