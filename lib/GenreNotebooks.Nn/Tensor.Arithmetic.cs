using System.Numerics.Tensors;
using GenreNotebooks.Nn.Autograd;

namespace GenreNotebooks.Nn;

public sealed partial class Tensor
{
    private enum BinaryOp { Add, Sub, Mul, Div }

    /// <summary>Elementwise sum; the smaller operand may be a scalar or match the trailing dimensions (<c>a + b</c>).</summary>
    public static Tensor operator +(Tensor a, Tensor b) => Binary(a, b, BinaryOp.Add);

    /// <summary>Elementwise difference with the same broadcasting as <c>+</c> (<c>a - b</c>).</summary>
    public static Tensor operator -(Tensor a, Tensor b) => Binary(a, b, BinaryOp.Sub);

    /// <summary>Elementwise product with the same broadcasting as <c>+</c> (<c>a * b</c>).</summary>
    public static Tensor operator *(Tensor a, Tensor b) => Binary(a, b, BinaryOp.Mul);

    /// <summary>Elementwise quotient with the same broadcasting as <c>+</c> (<c>a / b</c>).</summary>
    public static Tensor operator /(Tensor a, Tensor b) => Binary(a, b, BinaryOp.Div);

    /// <summary>Adds a constant (<c>a + s</c>).</summary>
    public static Tensor operator +(Tensor a, float s) => Affine(a, 1f, s, "AddScalar");

    /// <summary>Adds a constant (<c>s + a</c>).</summary>
    public static Tensor operator +(float s, Tensor a) => Affine(a, 1f, s, "AddScalar");

    /// <summary>Subtracts a constant (<c>a - s</c>).</summary>
    public static Tensor operator -(Tensor a, float s) => Affine(a, 1f, -s, "SubScalar");

    /// <summary>Constant minus tensor (<c>s - a</c>).</summary>
    public static Tensor operator -(float s, Tensor a) => Affine(a, -1f, s, "RSubScalar");

    /// <summary>Scales by a constant (<c>a * s</c>).</summary>
    public static Tensor operator *(Tensor a, float s) => Affine(a, s, 0f, "MulScalar");

    /// <summary>Scales by a constant (<c>s * a</c>).</summary>
    public static Tensor operator *(float s, Tensor a) => Affine(a, s, 0f, "MulScalar");

    /// <summary>Divides by a constant (<c>a / s</c>).</summary>
    public static Tensor operator /(Tensor a, float s) => Affine(a, 1f / s, 0f, "DivScalar");

    /// <summary>Negation (<c>-a</c>).</summary>
    public static Tensor operator -(Tensor a) => Affine(a, -1f, 0f, "Neg");

    /// <summary>Elementwise sum (<c>torch.add</c>); see <c>operator +</c>.</summary>
    public Tensor Add(Tensor other) => this + other;

    /// <summary>Elementwise product (<c>torch.mul</c>); see <c>operator *</c>.</summary>
    public Tensor Mul(Tensor other) => this * other;

    private static Tensor Affine(Tensor a, float scale, float shift, string name)
    {
        var y = Empty(a._shape);
        var ys = y.Buffer.AsSpan();
        TensorPrimitives.Multiply(a.Buffer, scale, ys);
        if (shift != 0f) TensorPrimitives.Add(ys, shift, ys);
        return y.Record(name, [a], new ScalarAffineAttributes(scale, shift), g =>
        {
            var ga = a.GradArray();
            TensorPrimitives.MultiplyAdd(g, scale, ga, ga);
        });
    }

    private static Tensor Binary(Tensor a, Tensor b, BinaryOp op)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        string name = op.ToString();
        bool sameShape = a._shape.AsSpan().SequenceEqual(b._shape);
        // The smaller operand repeats with period = its numel over the larger one (scalar or trailing-dims broadcast).
        bool aLarger = sameShape || a.Numel >= b.Numel;
        var big = aLarger ? a : b;
        var small = aLarger ? b : a;
        if (!sameShape && !(small.Numel == 1 || IsSuffix(small._shape, big._shape)))
            throw new ArgumentException($"{name}: shapes {ShapeString(a._shape)} and {ShapeString(b._shape)} are not broadcastable " +
                                        "(supported: equal shapes, a one-element tensor, or matching trailing dimensions).");
        var y = Empty(big._shape);
        float[] av = a.Buffer, bv = b.Buffer, yv = y.Buffer;
        int n = yv.Length, period = small.Numel;
        if (sameShape)
        {
            switch (op)
            {
                case BinaryOp.Add: TensorPrimitives.Add(av, bv, yv); break;
                case BinaryOp.Sub: TensorPrimitives.Subtract(av, bv, yv); break;
                case BinaryOp.Mul: TensorPrimitives.Multiply(av, bv, yv); break;
                default: TensorPrimitives.Divide(av, bv, yv); break;
            }
        }
        else
        {
            for (int i = 0; i < n; i++)
            {
                float x = aLarger ? av[i] : av[i % period], z = aLarger ? bv[i % period] : bv[i];
                yv[i] = op switch { BinaryOp.Add => x + z, BinaryOp.Sub => x - z, BinaryOp.Mul => x * z, _ => x / z };
            }
        }
        return y.Record(name, [a, b], g =>
        {
            if (a.RequiresGrad)
            {
                var ga = a.GradArray();
                int pa = ga.Length;
                for (int i = 0; i < n; i++)
                {
                    float d = op switch
                    {
                        BinaryOp.Add or BinaryOp.Sub => g[i],
                        BinaryOp.Mul => g[i] * bv[pa == n ? i % bv.Length : i],
                        _ => g[i] / bv[pa == n ? i % bv.Length : i],
                    };
                    ga[i % pa] += d;
                }
            }
            if (b.RequiresGrad)
            {
                var gb = b.GradArray();
                int pb = gb.Length;
                for (int i = 0; i < n; i++)
                {
                    float x = av[pb == n ? i % av.Length : i];
                    float d = op switch
                    {
                        BinaryOp.Add => g[i],
                        BinaryOp.Sub => -g[i],
                        BinaryOp.Mul => g[i] * x,
                        _ => -g[i] * x / (bv[i % pb] * bv[i % pb]),
                    };
                    gb[i % pb] += d;
                }
            }
        });
    }

    private static bool IsSuffix(int[] small, int[] big) =>
        small.Length <= big.Length && big.AsSpan(big.Length - small.Length).SequenceEqual(small);
}
