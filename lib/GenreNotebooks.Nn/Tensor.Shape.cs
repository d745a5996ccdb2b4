using GenreNotebooks.Nn.Kernels;

namespace GenreNotebooks.Nn;

public sealed partial class Tensor
{
    /// <summary>
    /// Same data seen with another shape, no copy (<c>tensor.view(shape)</c> / <c>reshape</c>); one dimension may be -1
    /// (inferred). The gradient flows back unchanged.
    /// </summary>
    /// <exception cref="ArgumentException">The new shape does not hold the same number of elements.</exception>
    public Tensor View(params int[] shape)
    {
        var resolved = (int[])shape.Clone();
        int infer = Array.IndexOf(resolved, -1);
        long known = 1;
        for (int i = 0; i < resolved.Length; i++)
        {
            if (i == infer) continue;
            if (resolved[i] < 0) throw new ArgumentException($"View: invalid dimension {resolved[i]} in {ShapeString(shape)}.");
            known *= resolved[i];
        }
        if (infer >= 0)
        {
            if (Array.IndexOf(resolved, -1, infer + 1) >= 0) throw new ArgumentException($"View: only one dimension can be -1 in {ShapeString(shape)}.");
            if (known == 0 || Numel % known != 0)
                throw new ArgumentException($"View: shape {ShapeString(shape)} is invalid for input of shape {ShapeString(_shape)}.");
            resolved[infer] = (int)(Numel / known);
            known *= resolved[infer];
        }
        if (known != Numel)
            throw new ArgumentException($"View: shape {ShapeString(shape)} is invalid for input of shape {ShapeString(_shape)} ({Numel} elements).");
        var y = ViewOf(resolved);
        return y.Record("ViewBackward", [this], g =>
        {
            var gx = GradArray();
            System.Numerics.Tensors.TensorPrimitives.Add(gx, g, gx);
        });
    }

    /// <summary>Same as <see cref="View"/> (our tensors are always contiguous) (<c>tensor.reshape(shape)</c>).</summary>
    public Tensor Reshape(params int[] shape) => View(shape);

    /// <summary>Merges dimensions <paramref name="startDim"/>..<paramref name="endDim"/> into one (<c>torch.flatten</c>).</summary>
    public Tensor Flatten(int startDim = 0, int endDim = -1)
    {
        if (Rank == 0) return View(1);
        int s = NormalizeDim(startDim, Rank, "Flatten"), e = NormalizeDim(endDim, Rank, "Flatten");
        if (s > e) throw new ArgumentException($"Flatten: start_dim {startDim} comes after end_dim {endDim}.");
        var shape = new List<int>();
        for (int i = 0; i < s; i++) shape.Add(_shape[i]);
        int merged = 1;
        for (int i = s; i <= e; i++) merged *= _shape[i];
        shape.Add(merged);
        for (int i = e + 1; i < Rank; i++) shape.Add(_shape[i]);
        return View([.. shape]);
    }

    /// <summary>Transpose of a 2-D tensor (<c>tensor.t()</c>), copied.</summary>
    public Tensor T()
    {
        if (Rank != 2) throw new InvalidOperationException($"T: expects a 2-D tensor, got shape {ShapeString(_shape)}.");
        int r = _shape[0], c = _shape[1];
        var y = Empty([c, r]);
        var x = Buffer;
        var yv = y.Buffer;
        for (int i = 0; i < r; i++)
            for (int j = 0; j < c; j++) yv[j * r + i] = x[i * c + j];
        return y.Record("TBackward", [this], g =>
        {
            var gx = GradArray();
            for (int i = 0; i < r; i++)
                for (int j = 0; j < c; j++) gx[i * c + j] += g[j * r + i];
        });
    }

    /// <summary>Matrix product of [m, k] and [k, n] tensors (<c>torch.matmul</c> for 2-D inputs), via <see cref="Gemm.Sgemm"/>.</summary>
    /// <exception cref="ArgumentException">Not 2-D, or inner dimensions differ.</exception>
    public Tensor MatMul(Tensor other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Rank != 2 || other.Rank != 2 || _shape[1] != other._shape[0])
            throw new ArgumentException($"MatMul: cannot multiply shapes {ShapeString(_shape)} and {ShapeString(other._shape)} (expects [m, k] @ [k, n]).");
        int m = _shape[0], k = _shape[1], n = other._shape[1];
        var y = Empty([m, n]);
        float[] a = Buffer, b = other.Buffer;
        Gemm.Sgemm(false, false, m, n, k, 1f, a, k, b, n, 0f, y.Buffer, n);
        return y.Record("MmBackward", [this, other], g =>
        {
            if (RequiresGrad) Gemm.Sgemm(false, true, m, k, n, 1f, g, n, b, n, 1f, GradArray(), k);
            if (other.RequiresGrad) Gemm.Sgemm(true, false, k, n, m, 1f, a, k, g, n, 1f, other.GradArray(), n);
        });
    }
}
