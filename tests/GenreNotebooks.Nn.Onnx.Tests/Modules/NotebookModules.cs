using GenreNotebooks.Nn;
using GenreNotebooks.Nn.Modules;

namespace GenreNotebooks.Nn.Onnx.Tests.Modules;

/// <summary>A residual block as a reader writes it in a notebook: two convolutions with batch norm and a skip connection.</summary>
internal sealed class ResidualBlock : Module
{
    private readonly Conv2d _conv1, _conv2;
    private readonly BatchNorm2d _bn1, _bn2;

    public ResidualBlock(int channels, Generator g)
    {
        _conv1 = RegisterModule("conv1", new Conv2d(channels, channels, 3, "same", generator: g));
        _bn1 = RegisterModule("bn1", new BatchNorm2d(channels));
        _conv2 = RegisterModule("conv2", new Conv2d(channels, channels, 3, "same", generator: g));
        _bn2 = RegisterModule("bn2", new BatchNorm2d(channels));
    }

    public override Tensor Forward(Tensor x)
    {
        var h = _bn1.Forward(_conv1.Forward(x)).Relu();
        h = _bn2.Forward(_conv2.Forward(h));
        return (h + x).Relu();
    }
}

/// <summary>
/// A sequence classifier over [N, C, L] written with functional ops: attention pooling over time, a learned scale,
/// scalar arithmetic, a transpose and a matmul, pow, exp/log, a mean, and a log-softmax.
/// </summary>
internal sealed class AttentionPoolNet : Module
{
    private readonly Conv1d _conv;
    private readonly Linear _fc;
    private readonly Tensor _scale, _projection;

    public AttentionPoolNet(int channels, int classes, Generator g)
    {
        _conv = RegisterModule("conv", new Conv1d(channels, 16, 4, "same", generator: g));
        _fc = RegisterModule("fc", new Linear(16, classes, generator: g));
        _scale = RegisterParameter("scale", Tensor.Randn([classes], g));
        _projection = RegisterParameter("projection", Tensor.Randn([classes, classes], g));
    }

    public override Tensor Forward(Tensor x)
    {
        var h = _conv.Forward(x).Tanh();                       // [N, 16, L]
        var weights = Functional.Softmax(h, 2);                 // attention over time
        var pooled = (h * weights).Sum(2);                      // [N, 16]
        var z = _fc.Forward(pooled).Sigmoid() * 2f - 1f;        // [N, classes] in (-1, 1)
        z = (z + _scale) / 4f;
        z = z.MatMul(_projection.T()) + z.Pow(3f);
        z = (z.Exp() + 1f).Log() - _scale.Mean();               // softplus, minus a learned offset (a rank-0 tensor)
        var flat = z.View(z.Size(0), -1);
        return Functional.LogSoftmax(flat, 1);
    }
}

/// <summary>Keeps its Dropout in a field without registering it, so Eval() never reaches it: dropout stays on.</summary>
internal sealed class UnregisteredDropout : Module
{
    private readonly Dropout _dropout = new(0.5f);

    public override Tensor Forward(Tensor x) => _dropout.Forward(x);
}

/// <summary>Computes its output by hand from the input's values: the recorded graph is cut.</summary>
internal sealed class OutsideTheGraph : Module
{
    public override Tensor Forward(Tensor x)
    {
        var values = x.ToArray();
        for (int i = 0; i < values.Length; i++) values[i] = MathF.Max(values[i], 0f);
        return new Tensor(values, [.. x.Shape]);
    }
}

/// <summary>Adds a tensor whose shape is the batch size, made inside Forward: a constant that fits one batch only.</summary>
internal sealed class BatchSizedConstant : Module
{
    public override Tensor Forward(Tensor x) => x + Tensor.Ones(x.Size(0), x.Size(1));
}

/// <summary>Calls batch norm with batch statistics whatever the mode.</summary>
internal sealed class AlwaysTrainingBatchNorm : Module
{
    private readonly Tensor _mean = Tensor.Zeros(4), _var = Tensor.Ones(4);

    public override Tensor Forward(Tensor x) => Functional.BatchNorm(x, _mean, _var, training: true);
}
