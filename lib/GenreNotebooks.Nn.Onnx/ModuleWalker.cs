using GenreNotebooks.Nn.Modules;

namespace GenreNotebooks.Nn.Onnx;

/// <summary>
/// Layer-by-layer export: walks <see cref="Sequential"/> chains and writes each engine layer's nodes from its
/// settings, running the layer on the example batch (eval mode, no grad) to know every value's shape. A module of any
/// other type (a reader's own class with a <c>Forward</c>) is handed to <see cref="ForwardTracer"/>.
/// </summary>
internal sealed class ModuleWalker(GraphBuilder b)
{
    public (Tensor Output, OnnxValue Value) Walk(Module module, string path, Tensor x, OnnxValue v)
    {
        var origin = new Origin(path, module.GetType().Name);
        if (module is Sequential seq)
        {
            foreach (var (name, child) in seq.NamedChildren())
                (x, v) = Walk(child, Join(path, name), x, v);
            return (x, v);
        }
        if (!IsEngineLayer(module)) return ForwardTracer.Emit(b, module, path, x, v);

        Tensor y;
        try
        {
            using (Torch.NoGrad()) y = module.Forward(x);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"ONNX export: module '{DisplayPath(path)}' ({origin.Type}) rejects its input {Tensor.ShapeString(v.Shape)}: {e.Message}", e);
        }
        int[] shape = [.. y.Shape];
        string prefix = path;
        string output = module switch
        {
            Linear l => LayerEmitter.Linear(b, origin, prefix, v, Param(l.Weight, path, "weight", origin), l.Bias is null ? null : Param(l.Bias, path, "bias", origin)),
            Conv2d c => LayerEmitter.Conv(b, origin, prefix, v, Param(c.Weight, path, "weight", origin), c.Bias is null ? null : Param(c.Bias, path, "bias", origin),
                [c.KernelSize.H, c.KernelSize.W], [c.Stride.H, c.Stride.W], [c.Padding.Top, c.Padding.Left], [c.Padding.Bottom, c.Padding.Right]),
            Conv1d c => LayerEmitter.Conv(b, origin, prefix, v, Param(c.Weight, path, "weight", origin), c.Bias is null ? null : Param(c.Bias, path, "bias", origin),
                [c.KernelSize], [c.Stride], [c.Padding.Left], [c.Padding.Right]),
            BatchNorm bn => LayerEmitter.BatchNorm(b, origin, prefix, v,
                bn.Weight is null ? Filled(path, "weight", bn.NumFeatures, 1f, origin) : Param(bn.Weight, path, "weight", origin),
                bn.Bias is null ? Filled(path, "bias", bn.NumFeatures, 0f, origin) : Param(bn.Bias, path, "bias", origin),
                Param(bn.RunningMean, path, "running_mean", origin), Param(bn.RunningVar, path, "running_var", origin), bn.Eps),
            ReLU => LayerEmitter.Unary(b, origin, prefix, "Relu", v.Name),
            MaxPool2d p => LayerEmitter.MaxPool(b, origin, prefix, v.Name, [p.KernelSize.H, p.KernelSize.W], [p.Stride.H, p.Stride.W]),
            MaxPool1d p => LayerEmitter.MaxPool(b, origin, prefix, v.Name, [p.KernelSize], [p.Stride]),
            Dropout => v.Name,  // identity in inference
            Flatten f => LayerEmitter.Flatten(b, origin, prefix, v, Normalize(f.StartDim, v.Rank), Normalize(f.EndDim, v.Rank), shape),
            Softmax s => LayerEmitter.Softmax(b, origin, prefix, "Softmax", v.Name, Normalize(s.Dim, v.Rank)),
            LogSoftmax s => LayerEmitter.Softmax(b, origin, prefix, "LogSoftmax", v.Name, Normalize(s.Dim, v.Rank)),
            _ => throw new InvalidOperationException($"unhandled engine layer {origin.Type}"),
        };
        return (y, new OnnxValue(output, shape));
    }

    /// <summary>The engine's own layers, written from their settings; everything else is traced.</summary>
    private static bool IsEngineLayer(Module m) =>
        m is Linear or Conv2d or Conv1d or ReLU or MaxPool2d or MaxPool1d or Dropout or Flatten or Softmax or LogSoftmax
        || (m is BatchNorm && m.GetType().Assembly == typeof(BatchNorm).Assembly);

    private string Param(Tensor t, string path, string name, Origin origin) => b.Initializer(t, Join(path, name), origin);

    private string Filled(string path, string name, int count, float value, Origin origin) =>
        b.FloatConstant(Join(path, name), Enumerable.Repeat(value, count).ToArray(), [count], origin);

    private static int Normalize(int dim, int rank) => dim < 0 ? dim + rank : dim;

    public static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    public static string DisplayPath(string path) => path.Length == 0 ? "(root)" : path;
}
