namespace GenreNotebooks.Nn.Kernels;

/// <summary>Which direct forward kernel, if any, computes a convolution (chosen by <see cref="DirectKernels.Choose"/>).</summary>
internal enum DirectConvKind
{
    /// <summary>im2col + GEMM.</summary>
    None,

    /// <summary><see cref="DirectConv"/>: vectorised over output pixels (rows of at least 16).</summary>
    Pixels,

    /// <summary><see cref="DirectConvChannelBlocked"/>: vectorised over output channels (rows of 8 to 15).</summary>
    Channels,
}
