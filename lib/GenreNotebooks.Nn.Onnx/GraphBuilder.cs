using System.Runtime.InteropServices;
using Google.Protobuf;
using Onnx;

namespace GenreNotebooks.Nn.Onnx;

/// <summary>Where a node or initializer came from, for error messages: module path and type.</summary>
internal readonly record struct Origin(string Path, string Type);

/// <summary>A value of the graph being built: its ONNX name and its shape at the batch size of this build.</summary>
internal sealed record OnnxValue(string Name, int[] Shape)
{
    public int Rank => Shape.Length;
}

/// <summary>
/// Accumulates an ONNX graph: nodes in execution order, float and int64 initializers (a tensor used twice is stored
/// once, under its state-dict name when it has one), and unique value names.
/// </summary>
internal sealed class GraphBuilder
{
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<Tensor, string> _tensorNames = new(ReferenceEqualityComparer.Instance);
    private readonly IReadOnlyDictionary<Tensor, string> _stateNames;

    /// <summary>A builder whose generated names avoid the graph's <paramref name="inputName"/> and <paramref name="outputName"/>.</summary>
    public GraphBuilder(IReadOnlyDictionary<Tensor, string> stateNames, string inputName, string outputName)
    {
        _stateNames = stateNames;
        _names.Add(inputName);
        _names.Add(outputName);
    }

    public List<NodeProto> Nodes { get; } = [];

    public List<Origin> NodeOrigins { get; } = [];

    public List<TensorProto> Initializers { get; } = [];

    public List<Origin> InitializerOrigins { get; } = [];

    /// <summary><paramref name="name"/>, or with <c>_1</c>, <c>_2</c>, ... appended when taken.</summary>
    public string Unique(string name)
    {
        if (_names.Add(name)) return name;
        for (int i = 1; ; i++)
        {
            string candidate = $"{name}_{i}";
            if (_names.Add(candidate)) return candidate;
        }
    }

    /// <summary>The initializer holding <paramref name="tensor"/>'s values (added on first use).</summary>
    public string Initializer(Tensor tensor, string fallbackName, Origin origin)
    {
        if (_tensorNames.TryGetValue(tensor, out var existing)) return existing;
        string name = Unique(_stateNames.TryGetValue(tensor, out var stateName) ? stateName : fallbackName);
        AddFloat(name, tensor.AsSpan(), tensor.Shape.Select(d => (long)d).ToArray(), origin);
        _tensorNames[tensor] = name;
        return name;
    }

    /// <summary>A float initializer with the given values and dims.</summary>
    public string FloatConstant(string name, ReadOnlySpan<float> values, long[] dims, Origin origin)
    {
        name = Unique(name);
        AddFloat(name, values, dims, origin);
        return name;
    }

    /// <summary>A 1-D int64 initializer (shapes, axes).</summary>
    public string Int64Constant(string name, long[] values, Origin origin)
    {
        name = Unique(name);
        var t = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Int64 };
        t.Dims.Add(values.Length);
        t.RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes(values.AsSpan()));
        Initializers.Add(t);
        InitializerOrigins.Add(origin);
        return name;
    }

    /// <summary>Adds a node computing one output named after <paramref name="outputBase"/>; returns the output name.</summary>
    public string Node(string opType, string outputBase, Origin origin, string[] inputs, params AttributeProto[] attributes)
    {
        string output = Unique(outputBase);
        var node = new NodeProto { OpType = opType, Name = output };
        node.Input.AddRange(inputs);
        node.Output.Add(output);
        node.Attribute.AddRange(attributes);
        Nodes.Add(node);
        NodeOrigins.Add(origin);
        return output;
    }

    /// <summary>Renames value <paramref name="from"/> to <paramref name="to"/> in every node.</summary>
    public void Rename(string from, string to)
    {
        foreach (var node in Nodes)
        {
            for (int i = 0; i < node.Input.Count; i++) if (node.Input[i] == from) node.Input[i] = to;
            for (int i = 0; i < node.Output.Count; i++) if (node.Output[i] == from) node.Output[i] = to;
            if (node.Name == from) node.Name = to;
        }
        _names.Add(to);
    }

    private void AddFloat(string name, ReadOnlySpan<float> values, long[] dims, Origin origin)
    {
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("ONNX export writes little-endian raw tensor data.");
        var t = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        t.Dims.AddRange(dims);
        t.RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes(values));
        Initializers.Add(t);
        InitializerOrigins.Add(origin);
    }
}
