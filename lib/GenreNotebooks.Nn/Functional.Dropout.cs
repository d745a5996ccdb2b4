namespace GenreNotebooks.Nn;

public static partial class Functional
{
    /// <summary>
    /// Inverted dropout (<c>F.dropout</c>): in training, zeroes each element with probability <paramref name="p"/> and
    /// scales the rest by <c>1 / (1 - p)</c>, the mask drawn from <paramref name="generator"/> (or the default one);
    /// identity when not training or p = 0.
    /// </summary>
    public static Tensor Dropout(Tensor input, float p = 0.5f, bool training = true, Generator? generator = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (p < 0f || p > 1f || float.IsNaN(p)) throw new ArgumentOutOfRangeException(nameof(p), $"Dropout: probability has to be between 0 and 1, got {p}.");
        if (!training || p == 0f) return input;
        var g = generator ?? Torch.DefaultGenerator;
        var mask = Tensor.Empty(input.ShapeArray.ToArray());
        float[] m = mask.Buffer;
        float keep = p == 1f ? 0f : 1f / (1f - p);
        for (int i = 0; i < m.Length; i++) m[i] = g.NextFloat() < p ? 0f : keep;
        return DropoutWithMask(input, mask);
    }

    /// <summary>
    /// <c>input * mask</c> where the mask (same shape) holds 0 or <c>1 / (1 - p)</c>: dropout with a given mask, so a
    /// gradient check or a replay sees the same mask.
    /// </summary>
    public static Tensor DropoutWithMask(Tensor input, Tensor mask)
    {
        Tensor.CheckSameShape(input, mask, "Dropout");
        var y = Tensor.Empty(input.ShapeArray.ToArray());
        float[] m = mask.Buffer;
        System.Numerics.Tensors.TensorPrimitives.Multiply(input.Buffer, m, y.Buffer);
        return y.Record("DropoutBackward", [input], g =>
        {
            var gx = input.GradArray();
            System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(g, m, gx, gx);
        });
    }
}
