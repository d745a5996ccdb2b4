namespace GenreNotebooks.Nn.Onnx;

/// <summary>
/// The ONNX nodes of each engine layer, shared by the layer-by-layer export and the traced one. Values are named
/// <c>{module path}.{op}</c>, so a node in Netron reads like the state-dict name of its layer.
/// </summary>
internal static class LayerEmitter
{
    public static string Name(string prefix, string op) => prefix.Length == 0 ? op : $"{prefix}.{op}";

    /// <summary><c>x Wᵀ + b</c>: Gemm(transB=1) for [N, in], else Transpose + MatMul (+ Add) for [*, in].</summary>
    public static string Linear(GraphBuilder b, Origin o, string prefix, OnnxValue x, string weight, string? bias)
    {
        if (x.Rank == 2)
        {
            string[] inputs = bias is null ? [x.Name, weight] : [x.Name, weight, bias];
            return b.Node("Gemm", Name(prefix, "Gemm"), o, inputs, Attr.Int("transB", 1));
        }
        string transposed = b.Node("Transpose", Name(prefix, "Transpose"), o, [weight], Attr.Ints("perm", 1, 0));
        string y = b.Node("MatMul", Name(prefix, "MatMul"), o, [x.Name, transposed]);
        return bias is null ? y : b.Node("Add", Name(prefix, "Add"), o, [y, bias]);
    }

    /// <summary>Conv with explicit pads (begin of every spatial axis, then end), dilation 1, one group.</summary>
    public static string Conv(GraphBuilder b, Origin o, string prefix, OnnxValue x, string weight, string? bias,
        long[] kernel, long[] strides, long[] padsBegin, long[] padsEnd)
    {
        string[] inputs = bias is null ? [x.Name, weight] : [x.Name, weight, bias];
        return b.Node("Conv", Name(prefix, "Conv"), o, inputs,
            Attr.Ints("kernel_shape", kernel), Attr.Ints("strides", strides), Attr.Ints("pads", [.. padsBegin, .. padsEnd]),
            Attr.Ints("dilations", kernel.Select(_ => 1L).ToArray()), Attr.Int("group", 1));
    }

    /// <summary>Inference batch normalisation with the given (running) statistics: <c>(x - mean) / sqrt(var + eps) * scale + bias</c>.</summary>
    public static string BatchNorm(GraphBuilder b, Origin o, string prefix, OnnxValue x, string scale, string bias, string mean, string variance, float eps)
        => b.Node("BatchNormalization", Name(prefix, "BatchNormalization"), o, [x.Name, scale, bias, mean, variance],
            Attr.Float("epsilon", eps));

    /// <summary>An elementwise op with one input (Relu, Exp, Log, Sigmoid, Tanh, Neg).</summary>
    public static string Unary(GraphBuilder b, Origin o, string prefix, string opType, string x) =>
        b.Node(opType, Name(prefix, opType), o, [x]);

    /// <summary>MaxPool without padding, floor mode.</summary>
    public static string MaxPool(GraphBuilder b, Origin o, string prefix, string x, long[] kernel, long[] strides) =>
        b.Node("MaxPool", Name(prefix, "MaxPool"), o, [x], Attr.Ints("kernel_shape", kernel), Attr.Ints("strides", strides));

    /// <summary>Softmax or LogSoftmax along <paramref name="axis"/> (opset 13 semantics: one axis, like PyTorch).</summary>
    public static string Softmax(GraphBuilder b, Origin o, string prefix, string opType, string x, int axis) =>
        b.Node(opType, Name(prefix, opType), o, [x], Attr.Int("axis", axis));

    /// <summary>
    /// Reshape of <paramref name="x"/> to <paramref name="outShape"/> (its shape at this build's batch size): the first
    /// dimension is copied from the input (0) when it is unchanged, a 1-D result is -1, so the batch stays dynamic.
    /// </summary>
    public static string Reshape(GraphBuilder b, Origin o, string prefix, OnnxValue x, int[] outShape)
    {
        var target = outShape.Select(d => (long)d).ToArray();
        if (x.Rank >= 1 && target.Length >= 1 && outShape[0] == x.Shape[0]) target[0] = 0;
        else if (target.Length == 1) target[0] = -1;
        string shape = b.Int64Constant(Name(prefix, "shape"), target, o);
        return b.Node("Reshape", Name(prefix, "Reshape"), o, [x.Name, shape]);
    }

    /// <summary>Flatten of dims <paramref name="start"/>..<paramref name="end"/> (normalised): ONNX Flatten for 1..last, else Reshape.</summary>
    public static string Flatten(GraphBuilder b, Origin o, string prefix, OnnxValue x, int start, int end, int[] outShape) =>
        start == 1 && end == x.Rank - 1
            ? b.Node("Flatten", Name(prefix, "Flatten"), o, [x.Name], Attr.Int("axis", 1))
            : Reshape(b, o, prefix, x, outShape);
}
