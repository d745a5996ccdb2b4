namespace GenreNotebooks.Nn;

/// <summary>
/// Engine-wide switches with PyTorch's names: <c>torch.no_grad()</c>, <c>torch.manual_seed</c>, the default
/// generator, and TorchSharp's dispose scopes (which recycle the memory of a batch's tensors into the next batch).
/// </summary>
/// <example>
/// <code>
/// using (Torch.NoGrad()) { var logits = model.Forward(x); }   // inference: no graph is recorded
/// using (Torch.NewDisposeScope()) { ... one training step ... } // the step's temporaries go back to the pool
/// </code>
/// </example>
public static class Torch
{
    [ThreadStatic] private static int _noGradDepth;
    [ThreadStatic] private static DisposeScope? _currentScope;

    /// <summary>
    /// The generator used when a layer or init function is given none (<c>torch.default_generator</c>). One per
    /// process and not thread-safe: code that builds or trains models on several threads passes its own generators.
    /// </summary>
    public static Generator DefaultGenerator { get; } = new(0);

    /// <summary>Whether ops record the autograd graph on this thread (<c>torch.is_grad_enabled()</c>).</summary>
    public static bool IsGradEnabled => _noGradDepth == 0;

    /// <summary>Reseeds <see cref="DefaultGenerator"/> (<c>torch.manual_seed</c>).</summary>
    public static void ManualSeed(ulong seed) => DefaultGenerator.ManualSeed(seed);

    /// <summary>Disables graph recording until the returned scope is disposed (<c>with torch.no_grad():</c>).</summary>
    public static IDisposable NoGrad()
    {
        _noGradDepth++;
        return new NoGradScope();
    }

    /// <summary>Records the graph again until the returned scope is disposed, even inside <see cref="NoGrad"/> (<c>torch.enable_grad()</c>); used to trace a forward pass.</summary>
    internal static IDisposable EnableGrad()
    {
        int saved = _noGradDepth;
        _noGradDepth = 0;
        return new RestoreDepth(saved);
    }

    /// <summary>
    /// Starts a dispose scope (TorchSharp's <c>torch.NewDisposeScope()</c>): every tensor an op creates on this thread
    /// until the scope is disposed is released with it and its memory reused by later ops. Read results
    /// (<see cref="Tensor.Item"/>, <see cref="Tensor.ToArray"/>) before disposing, or call
    /// <see cref="Tensor.MoveToOuterScope"/>. Parameters, gradients and tensors made by factories are never captured.
    /// </summary>
    public static DisposeScope NewDisposeScope()
    {
        var scope = new DisposeScope(_currentScope);
        _currentScope = scope;
        return scope;
    }

    internal static DisposeScope? CurrentScope => _currentScope;

    internal static void EndScope(DisposeScope scope) => _currentScope = scope.Outer;

    private sealed class RestoreDepth(int depth) : IDisposable
    {
        public void Dispose() => _noGradDepth = depth;
    }

    private sealed class NoGradScope : IDisposable
    {
        private bool _disposed;

        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            _noGradDepth--;
        }
    }
}
