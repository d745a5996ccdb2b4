namespace GenreNotebooks.Nn.Onnx;

/// <summary>
/// A module (or an op inside a traced <c>Forward</c>) that cannot be written as ONNX: the message names its path in
/// the module tree (<see cref="ModulePath"/>, dotted like state-dict names; <c>(root)</c> for the model itself), its
/// type and the reason. The export refuses rather than skipping anything.
/// </summary>
public sealed class OnnxExportException : NotSupportedException
{
    /// <summary>Creates the exception for the module at <paramref name="modulePath"/> of type <paramref name="moduleType"/>.</summary>
    public OnnxExportException(string modulePath, string moduleType, string reason)
        : base($"ONNX export: {Describe(modulePath)} ({moduleType}) cannot be exported: {reason}")
    {
        ModulePath = modulePath;
        ModuleType = moduleType;
        Reason = reason;
    }

    /// <summary>Dotted path of the module in the tree (<c>3</c>, <c>features.0</c>); empty for the root module.</summary>
    public string ModulePath { get; }

    /// <summary>The module's type name, e.g. <c>ResidualBlock</c>.</summary>
    public string ModuleType { get; }

    /// <summary>Why it cannot be exported.</summary>
    public string Reason { get; }

    private static string Describe(string path) => path.Length == 0 ? "module (root)" : $"module '{path}'";
}
