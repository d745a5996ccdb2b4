using System.Numerics.Tensors;
using GenreNotebooks.Nn.Kernels;

namespace GenreNotebooks.Nn;

/// <summary>
/// The engine's differentiable layer ops as functions (<c>torch.nn.functional</c>): linear, convolutions, batch norm,
/// pooling, dropout, (log-)softmax and losses. Modules are thin stateful wrappers around these.
/// </summary>
public static partial class Functional
{
    /// <summary>
    /// <c>y = x Wᵀ + b</c> for x [N, in], W [out, in], b [out] (or null); result [N, out] (<c>F.linear</c>).
    /// Higher-rank inputs [*, in] are treated as rows.
    /// </summary>
    public static Tensor Linear(Tensor input, Tensor weight, Tensor? bias = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(weight);
        if (weight.Rank != 2) throw new ArgumentException($"Linear: weight must be [out, in], got {Tensor.ShapeString(weight.Shape)}.");
        int outF = weight.Size(0), inF = weight.Size(1);
        if (input.Rank < 1 || input.Size(-1) != inF)
            throw new ArgumentException($"Linear: input {Tensor.ShapeString(input.Shape)} does not end with in_features {inF} (weight {Tensor.ShapeString(weight.Shape)}).");
        if (bias is not null && (bias.Rank != 1 || bias.Size(0) != outF))
            throw new ArgumentException($"Linear: bias {Tensor.ShapeString(bias.Shape)} does not match out_features {outF}.");
        int rows = input.Numel / Math.Max(1, inF);
        var shape = input.ShapeArray.ToArray();
        shape[^1] = outF;
        var y = Tensor.Empty(shape);
        float[] x = input.Buffer, w = weight.Buffer, yv = y.Buffer;
        float beta = 0f;
        if (bias is not null)
        {
            var b = bias.Buffer;
            for (int r = 0; r < rows; r++) b.CopyTo(yv, r * outF);
            beta = 1f;
        }
        Gemm.Sgemm(false, true, rows, outF, inF, 1f, x, inF, w, inF, beta, yv, outF);
        Tensor[] inputs = bias is null ? [input, weight] : [input, weight, bias];
        return y.Record("LinearBackward", inputs, g =>
        {
            if (input.RequiresGrad) Gemm.Sgemm(false, false, rows, inF, outF, 1f, g, outF, w, inF, 1f, input.GradArray(), inF);
            if (weight.RequiresGrad) Gemm.Sgemm(true, false, outF, inF, rows, 1f, g, outF, x, inF, 1f, weight.GradArray(), inF);
            if (bias is not null && bias.RequiresGrad)
            {
                var gb = bias.GradArray();
                for (int r = 0; r < rows; r++) TensorPrimitives.Add(gb, g.AsSpan(r * outF, outF), gb);
            }
        });
    }

    /// <summary>max(x, 0) (<c>F.relu</c>).</summary>
    public static Tensor Relu(Tensor input) => input.Relu();
}
