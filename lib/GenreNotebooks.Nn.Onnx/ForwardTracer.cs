using GenreNotebooks.Nn.Autograd;
using GenreNotebooks.Nn.Modules;

namespace GenreNotebooks.Nn.Onnx;

/// <summary>
/// Exports a module that is not one of the engine's layers (a reader's class with its own <c>Forward</c>) by tracing,
/// as <c>torch.onnx.export</c> does: <c>Forward</c> runs once on the example batch with the autograd graph recorded,
/// and every recorded op (with the settings the engine keeps on its node) becomes ONNX nodes. Parameters and buffers
/// are found by identity and stored under their state-dict names; any other tensor the op reads is a constant.
/// What the trace cannot see, it cannot export: values computed outside the engine's ops, an active dropout, batch
/// statistics, and control flow (only the path taken for the example input is recorded; the caller builds the graph
/// at two batch sizes and refuses a module whose graph differs).
/// </summary>
internal static class ForwardTracer
{
    public static (Tensor Output, OnnxValue Value) Emit(GraphBuilder b, Module module, string path, Tensor x, OnnxValue v)
    {
        var origin = new Origin(path, module.GetType().Name);
        var input = x.Clone().RequiresGrad_();
        Tensor y;
        using (Torch.EnableGrad())
        {
            try
            {
                y = module.Forward(input);
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException($"ONNX export: module '{ModuleWalker.DisplayPath(path)}' ({origin.Type}) rejects its input {Tensor.ShapeString(v.Shape)}: {e.Message}", e);
            }
        }
        if (ReferenceEquals(y, input)) return (y, v);
        if (y.GradFn is null)
            throw Refuse(origin, "its output is not computed from its input by the engine's recorded ops (values read out of a tensor " +
                                 "and put into a new one, or a result detached from the graph, cannot be traced)");
        var values = new Dictionary<Tensor, OnnxValue>(ReferenceEqualityComparer.Instance) { [input] = v };
        foreach (var t in TopologicalOrder(y))
            values[t] = new OnnxValue(EmitOp(b, origin, path, t, u => ValueOf(b, origin, path, u, values)), [.. t.Shape]);
        return (y, values[y]);
    }

    private static OnnxValue ValueOf(GraphBuilder b, Origin origin, string path, Tensor t, Dictionary<Tensor, OnnxValue> values)
    {
        if (values.TryGetValue(t, out var known)) return known;
        // A leaf that is not the traced input: a parameter, a buffer, or a constant made inside Forward.
        var value = new OnnxValue(b.Initializer(t, ModuleWalker.Join(path, "constant"), origin), [.. t.Shape]);
        values[t] = value;
        return value;
    }

    /// <summary>The op results reachable from <paramref name="root"/>, each after the results it reads.</summary>
    private static List<Tensor> TopologicalOrder(Tensor root)
    {
        var order = new List<Tensor>();
        var visited = new HashSet<Tensor>(ReferenceEqualityComparer.Instance) { root };
        var stack = new Stack<(Tensor Node, int Next)>();
        stack.Push((root, 0));
        while (stack.Count > 0)
        {
            var (node, next) = stack.Pop();
            var inputs = node.GradFn!.Inputs;
            if (next < inputs.Length)
            {
                stack.Push((node, next + 1));
                var child = inputs[next];
                if (child.GradFn is not null && visited.Add(child)) stack.Push((child, 0));
            }
            else order.Add(node);
        }
        return order;
    }

    private static string EmitOp(GraphBuilder b, Origin o, string prefix, Tensor t, Func<Tensor, OnnxValue> value)
    {
        var node = t.GradFn!;
        var inputs = node.Inputs;
        int[] outShape = [.. t.Shape];
        OnnxValue X() => value(inputs[0]);
        string? Optional(int i) => inputs.Length > i ? value(inputs[i]).Name : null;
        T Attributes<T>() where T : OpAttributes =>
            node.Attributes as T ?? throw Refuse(o, $"the op '{node.Name}' carries no {typeof(T).Name} (an engine op recorded without its settings)");
        string Scalar(string name, float s) => b.FloatConstant(LayerEmitter.Name(prefix, name), [s], [], o);

        switch (node.Name)
        {
            case "LinearBackward":
                return LayerEmitter.Linear(b, o, prefix, X(), value(inputs[1]).Name, Optional(2));
            case "Conv2dBackward" or "Conv1dBackward":
            {
                var a = Attributes<ConvAttributes>();
                var w = inputs[1].Shape;
                bool is1d = node.Name == "Conv1dBackward";
                return is1d
                    ? LayerEmitter.Conv(b, o, prefix, X(), value(inputs[1]).Name, Optional(2), [w[2]], [a.StrideW], [a.PadLeft], [a.PadRight])
                    : LayerEmitter.Conv(b, o, prefix, X(), value(inputs[1]).Name, Optional(2), [w[2], w[3]], [a.StrideH, a.StrideW],
                        [a.PadTop, a.PadLeft], [a.PadBottom, a.PadRight]);
            }
            case "MaxPool2dBackward":
            {
                var a = Attributes<PoolAttributes>();
                return LayerEmitter.MaxPool(b, o, prefix, X().Name, [a.KernelH, a.KernelW], [a.StrideH, a.StrideW]);
            }
            case "MaxPool1dBackward":
            {
                var a = Attributes<PoolAttributes>();
                return LayerEmitter.MaxPool(b, o, prefix, X().Name, [a.KernelW], [a.StrideW]);
            }
            case "BatchNormBackward" or "BatchNormReluBackward" or "BatchNormReluPoolBackward":
            {
                var a = Attributes<BatchNormAttributes>();
                if (a.Training || a.RunningMean is null || a.RunningVar is null)
                    throw Refuse(o, "it normalises with batch statistics (batch norm in training mode): ONNX inference uses running statistics; " +
                                    "register the BatchNorm with RegisterModule so Eval() reaches it, or pass training: Training");
                var x = X();
                int channels = x.Shape[1];
                string scale = a.Weight is null ? b.FloatConstant(LayerEmitter.Name(prefix, "ones"), Enumerable.Repeat(1f, channels).ToArray(), [channels], o) : value(a.Weight).Name;
                string shift = a.Bias is null ? b.FloatConstant(LayerEmitter.Name(prefix, "zeros"), new float[channels], [channels], o) : value(a.Bias).Name;
                string y = LayerEmitter.BatchNorm(b, o, prefix, x, scale, shift, value(a.RunningMean).Name, value(a.RunningVar).Name, a.Eps);
                if (node.Name == "BatchNormBackward") return y;
                y = LayerEmitter.Unary(b, o, prefix, "Relu", y);
                return node.Name == "BatchNormReluBackward" ? y : LayerEmitter.MaxPool(b, o, prefix, y, [2, 2], [2, 2]);
            }
            case "ReluBackward": return LayerEmitter.Unary(b, o, prefix, "Relu", X().Name);
            case "ExpBackward": return LayerEmitter.Unary(b, o, prefix, "Exp", X().Name);
            case "LogBackward": return LayerEmitter.Unary(b, o, prefix, "Log", X().Name);
            case "SigmoidBackward": return LayerEmitter.Unary(b, o, prefix, "Sigmoid", X().Name);
            case "TanhBackward": return LayerEmitter.Unary(b, o, prefix, "Tanh", X().Name);
            case "PowBackward":
                return b.Node("Pow", LayerEmitter.Name(prefix, "Pow"), o, [X().Name, Scalar("exponent", Attributes<PowAttributes>().Exponent)]);
            case "AddScalar" or "SubScalar" or "RSubScalar" or "MulScalar" or "DivScalar" or "Neg":
            {
                // The engine computes x * scale, then + shift (a division by s is a product with 1 / s): the same here.
                var a = Attributes<ScalarAffineAttributes>();
                string y = X().Name;
                if (a.Scale == -1f && a.Shift == 0f) return LayerEmitter.Unary(b, o, prefix, "Neg", y);
                if (a.Scale != 1f) y = b.Node("Mul", LayerEmitter.Name(prefix, "Mul"), o, [y, Scalar("scale", a.Scale)]);
                if (a.Shift != 0f) y = b.Node("Add", LayerEmitter.Name(prefix, "Add"), o, [y, Scalar("shift", a.Shift)]);
                return y == X().Name ? LayerEmitter.Unary(b, o, prefix, "Identity", y) : y;
            }
            case "Add" or "Sub" or "Mul" or "Div":
                return b.Node(node.Name, LayerEmitter.Name(prefix, node.Name), o,
                    [BroadcastOperand(b, o, prefix, inputs[0], inputs[1], value), BroadcastOperand(b, o, prefix, inputs[1], inputs[0], value)]);
            case "ViewBackward":
                return LayerEmitter.Reshape(b, o, prefix, X(), outShape);
            case "TBackward":
                return b.Node("Transpose", LayerEmitter.Name(prefix, "Transpose"), o, [X().Name], Attr.Ints("perm", 1, 0));
            case "MmBackward":
                return b.Node("MatMul", LayerEmitter.Name(prefix, "MatMul"), o, [X().Name, value(inputs[1]).Name]);
            case "SumBackward":
            {
                var a = Attributes<SumAttributes>();
                if (a.Dim is null) return b.Node("ReduceSum", LayerEmitter.Name(prefix, "ReduceSum"), o, [X().Name], Attr.Int("keepdims", 0));
                string axes = b.Int64Constant(LayerEmitter.Name(prefix, "axes"), [a.Dim.Value], o);
                return b.Node("ReduceSum", LayerEmitter.Name(prefix, "ReduceSum"), o, [X().Name, axes], Attr.Int("keepdims", a.KeepDim ? 1 : 0));
            }
            case "SoftmaxBackward":
                return LayerEmitter.Softmax(b, o, prefix, "Softmax", X().Name, Attributes<SoftmaxAttributes>().Dim);
            case "LogSoftmaxBackward":
                return LayerEmitter.Softmax(b, o, prefix, "LogSoftmax", X().Name, Attributes<SoftmaxAttributes>().Dim);
            case "DropoutBackward":
                throw Refuse(o, "dropout is active in eval mode (a Dropout that Eval() does not reach: register it with RegisterModule, " +
                                "or pass training: Training to Functional.Dropout)");
            default:
                throw Refuse(o, $"its Forward uses the op '{node.Name}', which has no ONNX mapping");
        }
    }

    /// <summary>
    /// An operand of an elementwise op as ONNX broadcasts it: the engine treats a one-element tensor as a scalar
    /// whatever its rank, numpy-style broadcasting would add its dimensions, so such an operand becomes rank 0.
    /// </summary>
    private static string BroadcastOperand(GraphBuilder b, Origin o, string prefix, Tensor operand, Tensor other, Func<Tensor, OnnxValue> value)
    {
        if (operand.Numel != 1 || operand.Rank <= other.Rank) return value(operand).Name;
        string shape = b.Int64Constant(LayerEmitter.Name(prefix, "scalar_shape"), [], o);
        return b.Node("Reshape", LayerEmitter.Name(prefix, "Reshape"), o, [value(operand).Name, shape]);
    }

    private static OnnxExportException Refuse(Origin o, string reason) => new(o.Path, o.Type, reason);
}
