using System.Numerics.Tensors;
using GenreNotebooks.Nn.Autograd;

namespace GenreNotebooks.Nn;

public sealed partial class Tensor
{
    /// <summary>Sum of all elements as a one-element tensor (<c>tensor.sum()</c>); accumulated in double.</summary>
    public Tensor Sum()
    {
        var x = Buffer;
        double s = 0;
        foreach (float v in x) s += v;
        var y = Empty([]);
        y.Buffer[0] = (float)s;
        return y.Record("SumBackward", [this], new SumAttributes(null, false), g =>
        {
            var gx = GradArray();
            TensorPrimitives.Add(gx, g[0], gx);
        });
    }

    /// <summary>Mean of all elements as a one-element tensor (<c>tensor.mean()</c>); an empty tensor throws (PyTorch returns NaN).</summary>
    public Tensor Mean() => Numel == 0 ? throw new InvalidOperationException("Mean: empty tensor.") : Sum() * (1f / Numel);

    /// <summary>Sum over dimension <paramref name="dim"/> (<c>tensor.sum(dim, keepdim)</c>).</summary>
    public Tensor Sum(int dim, bool keepDim = false)
    {
        int d = NormalizeDim(dim, Rank, "Sum");
        var (outer, len, inner) = Split(d);
        var shape = ReducedShape(d, keepDim);
        var y = Empty(shape);
        var x = Buffer;
        var yv = y.Buffer;
        for (int o = 0; o < outer; o++)
            for (int i = 0; i < inner; i++)
            {
                double s = 0;
                for (int k = 0; k < len; k++) s += x[(o * len + k) * inner + i];
                yv[o * inner + i] = (float)s;
            }
        return y.Record("SumBackward", [this], new SumAttributes(d, keepDim), g =>
        {
            var gx = GradArray();
            for (int o = 0; o < outer; o++)
                for (int k = 0; k < len; k++)
                    for (int i = 0; i < inner; i++) gx[(o * len + k) * inner + i] += g[o * inner + i];
        });
    }

    /// <summary>Mean over dimension <paramref name="dim"/> (<c>tensor.mean(dim, keepdim)</c>).</summary>
    public Tensor Mean(int dim, bool keepDim = false) => Sum(dim, keepDim) * (1f / Size(dim));

    /// <summary>
    /// Index of the largest value along <paramref name="dim"/> for every other position, row-major
    /// (<c>tensor.argmax(dim)</c>); the first index wins on ties. For logits [N, C] and dim 1: the predicted classes.
    /// </summary>
    public int[] Argmax(int dim = -1)
    {
        int d = NormalizeDim(dim, Rank, "Argmax");
        var (outer, len, inner) = Split(d);
        if (len == 0) throw new InvalidOperationException("Argmax: empty dimension.");
        var x = Buffer;
        var result = new int[outer * inner];
        for (int o = 0; o < outer; o++)
            for (int i = 0; i < inner; i++)
            {
                int best = 0;
                float bestValue = x[o * len * inner + i];
                for (int k = 1; k < len; k++)
                {
                    float v = x[(o * len + k) * inner + i];
                    if (v > bestValue || (float.IsNaN(v) && !float.IsNaN(bestValue))) { best = k; bestValue = v; }
                }
                result[o * inner + i] = best;
            }
        return result;
    }

    /// <summary>Largest element (<c>tensor.max().item()</c>).</summary>
    public float MaxValue() => TensorPrimitives.Max(Buffer);

    /// <summary>Smallest element (<c>tensor.min().item()</c>).</summary>
    public float MinValue() => TensorPrimitives.Min(Buffer);

    internal (int Outer, int Len, int Inner) Split(int d)
    {
        int outer = 1, inner = 1;
        for (int i = 0; i < d; i++) outer *= _shape[i];
        for (int i = d + 1; i < Rank; i++) inner *= _shape[i];
        return (outer, _shape[d], inner);
    }

    private int[] ReducedShape(int d, bool keepDim)
    {
        var list = _shape.ToList();
        if (keepDim) list[d] = 1; else list.RemoveAt(d);
        return [.. list];
    }
}
