namespace GenreNotebooks.Nn.Modules;

/// <summary>Resolves PyTorch's string paddings "same" and "valid" to explicit (top, bottom, left, right) amounts.</summary>
internal static class PaddingMode
{
    public static (int Top, int Bottom, int Left, int Right) Resolve(string op, string padding, (int H, int W) kernel, (int H, int W) stride)
    {
        switch (padding)
        {
            case "valid":
                return (0, 0, 0, 0);
            case "same":
                if (stride.H != 1 || stride.W != 1) throw new ArgumentException($"{op}: padding='same' is not supported for strided convolutions.");
                // PyTorch puts total // 2 before and the rest after.
                int th = kernel.H - 1, tw = kernel.W - 1;
                return (th / 2, th - th / 2, tw / 2, tw - tw / 2);
            default:
                throw new ArgumentException($"{op}: invalid padding string '{padding}', should be one of 'valid', 'same'.");
        }
    }
}
