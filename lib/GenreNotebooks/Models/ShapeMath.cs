namespace GenreNotebooks.Models;

/// <summary>Output sizes of convolutions and poolings (PyTorch's formulas), with a clear error when an input is too small.</summary>
internal static class ShapeMath
{
    public static int Conv(string model, int length, int kernel, bool same)
    {
        int outLen = same ? length : length - kernel + 1;
        if (outLen < 1)
            throw new ArgumentException($"model '{model}': a size-{length} axis is too small for a {kernel}-wide 'valid' convolution; use a larger input");
        return outLen;
    }

    public static int Pool(string model, int length, int kernel = 2)
    {
        int outLen = (length - kernel) / kernel + 1;
        if (length < kernel)
            throw new ArgumentException($"model '{model}': a size-{length} axis is too small for {kernel}-wide max pooling; use a larger input or fewer blocks");
        return outLen;
    }
}
