using Google.Protobuf;
using GenreNotebooks.Nn.Modules;
using Onnx;

namespace GenreNotebooks.Nn.Onnx;

/// <summary>
/// Writes a <see cref="Module"/> as an ONNX model (<c>torch.onnx.export</c>), so ONNX Runtime, onnxruntime-web,
/// mobile runtimes or a GPU server run the network trained here. The graph computes the module in eval mode
/// (BatchNorm with its running statistics, Dropout removed) for inputs [batch, *inputShape] with a dynamic batch
/// dimension named <c>batch</c>; weights are stored as initializers under their state-dict names (<c>0.weight</c>).
/// <para>
/// <see cref="Sequential"/> chains of the engine's layers (Linear → Gemm, Conv1d/Conv2d → Conv with explicit pads,
/// 'same' resolved as the engine does, BatchNorm1d/2d → BatchNormalization, ReLU, MaxPool1d/2d, Flatten, Softmax,
/// LogSoftmax; Dropout dropped) are written layer by layer. Any other module, such as a class of a notebook with its
/// own <c>Forward</c>, is traced: its <c>Forward</c> runs once with the autograd graph recorded and each recorded op
/// (linear, convolutions, batch norm, pooling, ReLU, sigmoid, tanh, exp, log, pow, +, -, *, / with tensors or
/// constants, view/reshape/flatten, transpose, matmul, sum, softmax, log-softmax) becomes its ONNX counterpart, as
/// <c>torch.onnx.export</c> traces. Data-dependent control flow is frozen to the path the example input took, so the
/// whole graph is built twice, for batches of 2 and 3, and a module whose graph differs is refused.
/// Anything else is refused with an <see cref="OnnxExportException"/> naming the module's path and type; nothing is
/// skipped silently. The module's train/eval flags are restored afterwards and its state is left untouched.
/// </para>
/// </summary>
/// <example>
/// <code>
/// model.ExportOnnx("model.onnx", [1, 128, 130], new OnnxExportOptions { AppendSoftmax = true });
/// // Python: onnxruntime.InferenceSession("model.onnx").run(None, {"input": x})[0]
/// </code>
/// </example>
public static class OnnxExport
{
    /// <summary>ONNX IR version 8: the one that goes with opsets up to 17 (ONNX 1.10-1.12).</summary>
    public const long IrVersion = 8;

    private static readonly int[] TraceBatches = [2, 3];

    /// <summary>
    /// Writes <paramref name="module"/> to <paramref name="path"/> as an ONNX model for inputs of shape
    /// <paramref name="inputShape"/> without the batch dimension (e.g. 1, 128, 130).
    /// </summary>
    /// <exception cref="OnnxExportException">A module or op that ONNX cannot express; the message names it.</exception>
    /// <exception cref="ArgumentException">The input shape does not fit the module, or bad options.</exception>
    public static void ExportOnnx(this Module module, string path, IReadOnlyList<int> inputShape, OnnxExportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var bytes = module.ToOnnxBytes(inputShape, options);
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        File.WriteAllBytes(path, bytes);
    }

    /// <summary>The serialized ONNX model (the bytes <see cref="ExportOnnx"/> writes); same module, same bytes.</summary>
    public static byte[] ToOnnxBytes(this Module module, IReadOnlyList<int> inputShape, OnnxExportOptions? options = null) =>
        module.ToOnnxModel(inputShape, options).ToByteArray();

    /// <summary>The ONNX model as protobuf objects (OnnxSharp's <see cref="ModelProto"/>), for inspection or further editing.</summary>
    public static ModelProto ToOnnxModel(this Module module, IReadOnlyList<int> inputShape, OnnxExportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(inputShape);
        options ??= OnnxExportOptions.Default;
        options.Validate();
        if (inputShape.Count == 0 || inputShape.Any(d => d < 1))
            throw new ArgumentException($"ONNX export: input shape ({string.Join(", ", inputShape)}) must list positive sizes without the batch dimension.", nameof(inputShape));

        var modes = module.Modules().Select(m => (Module: m, m.Training)).ToList();
        module.Eval();
        try
        {
            var stateNames = new Dictionary<Tensor, string>(ReferenceEqualityComparer.Instance);
            foreach (var (name, t) in module.StateDict()) stateNames.TryAdd(t, name);
            foreach (var name in new[] { options.InputName, options.EffectiveOutputName })
                if (stateNames.ContainsValue(name))
                    throw new ArgumentException($"ONNX export: '{name}' is the name of a weight of the module; choose another input or output name.", nameof(options));
            var builds = TraceBatches.Select(n => Build(module, inputShape, n, options, stateNames)).ToArray();
            CheckSameGraph(builds[0].Graph, builds[1].Graph);
            var graph = builds[0].Graph;
            return Assemble(module, inputShape, options, graph, builds[0].Output.Shape, builds[1].Output.Shape);
        }
        finally
        {
            // Modules() lists parents before children, and Train sets a subtree: restore in that order.
            foreach (var (m, training) in modes) m.Train(training);
        }
    }

    private static (GraphBuilder Graph, OnnxValue Output) Build(Module module, IReadOnlyList<int> inputShape, int batch,
        OnnxExportOptions options, IReadOnlyDictionary<Tensor, string> stateNames)
    {
        using var scope = Torch.NewDisposeScope();
        var b = new GraphBuilder(stateNames, options.InputName, options.EffectiveOutputName);
        int[] shape = [batch, .. inputShape];
        var x = Tensor.Randn(shape, new Generator((ulong)batch));
        var (_, output) = new ModuleWalker(b).Walk(module, "", x, new OnnxValue(options.InputName, shape));
        if (options.AppendSoftmax)
            output = output with { Name = LayerEmitter.Softmax(b, new Origin("", "Softmax"), "", "Softmax", output.Name, output.Rank - 1) };
        string outputName = options.EffectiveOutputName;
        // A network that passes its input through unchanged (only Dropout, say) still needs a node to name the output.
        if (output.Name == options.InputName)
            output = output with { Name = LayerEmitter.Unary(b, new Origin("", module.GetType().Name), "", "Identity", output.Name) };
        b.Rename(output.Name, outputName);
        return (b, output with { Name = outputName });
    }

    /// <summary>Refuses a graph that changes with the batch size, naming the module of the first node or initializer that differs.</summary>
    private static void CheckSameGraph(GraphBuilder a, GraphBuilder b)
    {
        for (int i = 0; i < Math.Max(a.Nodes.Count, b.Nodes.Count); i++)
        {
            if (i < a.Nodes.Count && i < b.Nodes.Count && a.Nodes[i].Equals(b.Nodes[i])) continue;
            var origin = i < a.Nodes.Count ? a.NodeOrigins[i] : b.NodeOrigins[i];
            throw BatchDependent(origin, i < a.Nodes.Count ? a.Nodes[i].Name : b.Nodes[i].Name);
        }
        for (int i = 0; i < Math.Max(a.Initializers.Count, b.Initializers.Count); i++)
        {
            if (i < a.Initializers.Count && i < b.Initializers.Count && a.Initializers[i].Equals(b.Initializers[i])) continue;
            var origin = i < a.Initializers.Count ? a.InitializerOrigins[i] : b.InitializerOrigins[i];
            throw BatchDependent(origin, i < a.Initializers.Count ? a.Initializers[i].Name : b.Initializers[i].Name);
        }
    }

    private static OnnxExportException BatchDependent(Origin origin, string what) =>
        new(origin.Path, origin.Type,
            $"its traced graph changes with the batch size or the input values (first at '{what}'): a shape or constant " +
            "depends on the batch, a value is computed outside the engine's ops, or Forward branches on the data");

    private static ModelProto Assemble(Module module, IReadOnlyList<int> inputShape, OnnxExportOptions options, GraphBuilder b,
        int[] outputAtFirstBatch, int[] outputAtSecondBatch)
    {
        var graph = new GraphProto
        {
            Name = options.GraphName ?? module.GetType().Name,
            DocString = module.ToString(),
        };
        graph.Node.AddRange(b.Nodes);
        graph.Initializer.AddRange(b.Initializers);
        var inputDims = new List<TensorShapeProto.Types.Dimension> { new() { DimParam = "batch" } };
        inputDims.AddRange(inputShape.Select(d => new TensorShapeProto.Types.Dimension { DimValue = d }));
        graph.Input.Add(ValueInfo(options.InputName, inputDims));
        // An output dimension that follows the batch is named like the input's; one that changes otherwise stays unnamed.
        var outputDims = new List<TensorShapeProto.Types.Dimension>();
        for (int i = 0; i < outputAtFirstBatch.Length; i++)
        {
            int d1 = outputAtFirstBatch[i], d2 = outputAtSecondBatch[i];
            outputDims.Add(d1 == d2 ? new() { DimValue = d1 }
                : d1 == TraceBatches[0] && d2 == TraceBatches[1] ? new() { DimParam = "batch" }
                : new());
        }
        graph.Output.Add(ValueInfo(options.EffectiveOutputName, outputDims));

        var model = new ModelProto
        {
            IrVersion = IrVersion,
            ProducerName = "GenreNotebooks.Nn.Onnx",
            ProducerVersion = typeof(OnnxExport).Assembly.GetName().Version?.ToString(3) ?? "",
            Graph = graph,
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = options.Opset });
        foreach (var (key, value) in options.Metadata)
            model.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value ?? "" });
        return model;
    }

    private static ValueInfoProto ValueInfo(string name, IEnumerable<TensorShapeProto.Types.Dimension> dims)
    {
        var shape = new TensorShapeProto();
        shape.Dim.AddRange(dims);
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = shape } },
        };
    }
}
