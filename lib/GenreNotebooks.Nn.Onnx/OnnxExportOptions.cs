namespace GenreNotebooks.Nn.Onnx;

/// <summary>
/// Settings of <see cref="OnnxExport"/>: the graph's input and output names, the opset, the model's
/// <c>metadata_props</c> and whether a softmax turns the network's logits into probabilities in the file.
/// Defaults: input <c>input</c>, output <c>logits</c> (<c>probabilities</c> with <see cref="AppendSoftmax"/>), opset 17.
/// </summary>
public sealed record OnnxExportOptions
{
    /// <summary>The default options.</summary>
    public static OnnxExportOptions Default { get; } = new();

    /// <summary>Name of the graph input, shape [batch, *inputShape] (float32).</summary>
    public string InputName { get; init; } = "input";

    /// <summary>Name of the graph output; null for <c>logits</c>, or <c>probabilities</c> when <see cref="AppendSoftmax"/> is set.</summary>
    public string? OutputName { get; init; }

    /// <summary>
    /// ONNX opset of the default domain, 13 to 17 (17 by default; ONNX 1.12's checker and every current runtime read it).
    /// The operators written (Gemm, Conv, BatchNormalization, MaxPool, Softmax, ReduceSum, ...) have the same meaning
    /// throughout that range.
    /// </summary>
    public int Opset { get; init; } = 17;

    /// <summary>Key/value pairs stored as the model's <c>metadata_props</c>, in this order (genre labels, preprocessing, ...).</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// When true, a Softmax over the last axis follows the network, so the file outputs class probabilities (what
    /// <c>Predictions.Probabilities</c> computes); when false the output is the network's own (logits for the catalogue).
    /// </summary>
    public bool AppendSoftmax { get; init; }

    /// <summary>Name of the graph (<c>graph.name</c>); null for the module's type name.</summary>
    public string? GraphName { get; init; }

    /// <summary>The output name in effect: <see cref="OutputName"/>, or <c>logits</c> / <c>probabilities</c>.</summary>
    public string EffectiveOutputName => OutputName ?? (AppendSoftmax ? "probabilities" : "logits");

    /// <summary>Checks names and opset.</summary>
    /// <exception cref="ArgumentException">An empty or equal input/output name, an opset outside 13..17, or an empty metadata key.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(InputName)) throw new ArgumentException("ONNX export: the input name must not be empty.", nameof(InputName));
        if (string.IsNullOrWhiteSpace(EffectiveOutputName)) throw new ArgumentException("ONNX export: the output name must not be empty.", nameof(OutputName));
        if (InputName == EffectiveOutputName) throw new ArgumentException($"ONNX export: input and output are both named '{InputName}'.", nameof(OutputName));
        if (Opset is < 13 or > 17) throw new ArgumentOutOfRangeException(nameof(Opset), Opset, "ONNX export: opset must be between 13 and 17.");
        ArgumentNullException.ThrowIfNull(Metadata, nameof(Metadata));
        foreach (var key in Metadata.Keys)
            if (string.IsNullOrEmpty(key)) throw new ArgumentException("ONNX export: a metadata key is empty.", nameof(Metadata));
    }
}
