namespace GenreNotebooks.Nn;

/// <summary>
/// Tensors created by ops while this scope is current; disposing the scope returns their buffers to the engine's
/// pool (TorchSharp's <c>DisposeScope</c>). Create with <see cref="Torch.NewDisposeScope"/>.
/// </summary>
public sealed class DisposeScope : IDisposable
{
    private readonly List<Tensor> _tensors = [];
    private bool _disposed;

    internal DisposeScope(DisposeScope? outer) => Outer = outer;

    internal DisposeScope? Outer { get; }

    /// <summary>Number of tensors currently held by the scope.</summary>
    public int Count => _tensors.Count;

    internal void Add(Tensor tensor) => _tensors.Add(tensor);

    internal void Remove(Tensor tensor) => _tensors.Remove(tensor);

    /// <summary>Releases every tensor of the scope and makes the enclosing scope current again.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        foreach (var t in _tensors) t.Dispose();
        _tensors.Clear();
        Torch.EndScope(this);
    }
}
