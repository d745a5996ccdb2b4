namespace GenreNotebooks.Nn.Kernels;

/// <summary>Chooses a <see cref="DirectConvKind"/> and dispatches packing and forward to its kernel.</summary>
internal static class DirectKernels
{
    /// <summary>The direct kernel for this convolution (pixel-vectorised first), or <see cref="DirectConvKind.None"/>.</summary>
    public static DirectConvKind Choose(in ConvGeometry g, int outChannels) =>
        DirectConv.Applies(g, outChannels) ? DirectConvKind.Pixels
        : DirectConvChannelBlocked.Applies(g, outChannels) ? DirectConvKind.Channels
        : DirectConvKind.None;

    /// <summary>Floats of the packed weights for <paramref name="kind"/>.</summary>
    public static int PackedWeightFloats(DirectConvKind kind, in ConvGeometry g, int outChannels) =>
        kind == DirectConvKind.Channels ? DirectConvChannelBlocked.PackedWeightFloats(g, outChannels) : DirectConv.PackedWeightFloats(g, outChannels);

    /// <summary>Packs weights [O, C, kh, kw] for <paramref name="kind"/>.</summary>
    public static void PackWeights(DirectConvKind kind, ReadOnlySpan<float> w, in ConvGeometry g, int outChannels, Span<float> packed)
    {
        if (kind == DirectConvKind.Channels) DirectConvChannelBlocked.PackWeights(w, g, outChannels, packed);
        else DirectConv.PackWeights(w, g, outChannels, packed);
    }

    /// <summary>One sample's forward with <paramref name="kind"/>'s kernel from the padded sample of <see cref="DirectConv.Pad"/>.</summary>
    public static void Forward(DirectConvKind kind, ReadOnlySpan<float> padded, in ConvGeometry g, ReadOnlySpan<float> packedW,
        ReadOnlySpan<float> bias, int outChannels, Span<float> y)
    {
        if (kind == DirectConvKind.Channels) DirectConvChannelBlocked.Forward(padded, g, packedW, bias, outChannels, y);
        else DirectConv.Forward(padded, g, packedW, bias, outChannels, y);
    }
}
