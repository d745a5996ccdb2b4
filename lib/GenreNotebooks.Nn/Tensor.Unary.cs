using System.Numerics.Tensors;
using GenreNotebooks.Nn.Autograd;

namespace GenreNotebooks.Nn;

public sealed partial class Tensor
{
    /// <summary>max(x, 0) elementwise (<c>torch.relu</c>); the gradient at exactly 0 is 0 as in PyTorch.</summary>
    public Tensor Relu()
    {
        var y = Empty(_shape);
        var x = Buffer;
        TensorPrimitives.Max(x, 0f, y.Buffer);
        return y.Record("ReluBackward", [this], g =>
        {
            Kernels.BatchNormKernels.ReluGrad(g, x, GradArray());
        });
    }

    /// <summary>e^x elementwise (<c>torch.exp</c>).</summary>
    public Tensor Exp()
    {
        var y = Empty(_shape);
        TensorPrimitives.Exp(Buffer, y.Buffer);
        var yv = y.Buffer;
        return y.Record("ExpBackward", [this], g =>
        {
            var gx = GradArray();
            for (int i = 0; i < gx.Length; i++) gx[i] += g[i] * yv[i];
        });
    }

    /// <summary>Natural logarithm elementwise (<c>torch.log</c>).</summary>
    public Tensor Log()
    {
        var y = Empty(_shape);
        var x = Buffer;
        TensorPrimitives.Log(x, y.Buffer);
        return y.Record("LogBackward", [this], g =>
        {
            var gx = GradArray();
            for (int i = 0; i < gx.Length; i++) gx[i] += g[i] / x[i];
        });
    }

    /// <summary>x^p elementwise (<c>torch.pow</c>).</summary>
    public Tensor Pow(float p)
    {
        var y = Empty(_shape);
        var x = Buffer;
        var yv = y.Buffer;
        if (p == 2f) TensorPrimitives.Multiply(x, x, yv);
        else for (int i = 0; i < x.Length; i++) yv[i] = MathF.Pow(x[i], p);
        return y.Record("PowBackward", [this], new PowAttributes(p), g =>
        {
            var gx = GradArray();
            for (int i = 0; i < gx.Length; i++) gx[i] += g[i] * (p == 2f ? 2f * x[i] : p * MathF.Pow(x[i], p - 1f));
        });
    }

    /// <summary>Logistic sigmoid elementwise (<c>torch.sigmoid</c>).</summary>
    public Tensor Sigmoid()
    {
        var y = Empty(_shape);
        TensorPrimitives.Sigmoid(Buffer, y.Buffer);
        var yv = y.Buffer;
        return y.Record("SigmoidBackward", [this], g =>
        {
            var gx = GradArray();
            for (int i = 0; i < gx.Length; i++) gx[i] += g[i] * yv[i] * (1f - yv[i]);
        });
    }

    /// <summary>Hyperbolic tangent elementwise (<c>torch.tanh</c>).</summary>
    public Tensor Tanh()
    {
        var y = Empty(_shape);
        TensorPrimitives.Tanh(Buffer, y.Buffer);
        var yv = y.Buffer;
        return y.Record("TanhBackward", [this], g =>
        {
            var gx = GradArray();
            for (int i = 0; i < gx.Length; i++) gx[i] += g[i] * (1f - yv[i] * yv[i]);
        });
    }
}
