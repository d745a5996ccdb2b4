using GenreNotebooks.Nn.Serialization;

namespace GenreNotebooks.Nn.Modules;

/// <summary>
/// Base class of layers and models (<c>torch.nn.Module</c>): named parameters, buffers and child modules registered
/// in order, train/eval mode, state dicts and safetensors save/load. Subclasses register their pieces in the
/// constructor and implement <see cref="Forward"/>.
/// </summary>
public abstract class Module
{
    private readonly List<KeyValuePair<string, Tensor>> _parameters = [];
    private readonly List<KeyValuePair<string, Tensor>> _buffers = [];
    private readonly List<KeyValuePair<string, Module>> _children = [];

    /// <summary>True in training mode (the default), false after <see cref="Eval"/> (<c>module.training</c>).</summary>
    public bool Training { get; private set; } = true;

    /// <summary>Computes the module's output for <paramref name="input"/> (<c>module(x)</c> / <c>forward</c>).</summary>
    public abstract Tensor Forward(Tensor input);

    /// <summary>Registers a learnable tensor under <paramref name="name"/> and marks it as requiring grad.</summary>
    protected Tensor RegisterParameter(string name, Tensor parameter)
    {
        CheckName(name);
        parameter.RequiresGrad = true;
        _parameters.Add(new(name, parameter));
        return parameter;
    }

    /// <summary>Registers a non-learnable state tensor (e.g. BatchNorm running statistics) under <paramref name="name"/>.</summary>
    protected Tensor RegisterBuffer(string name, Tensor buffer)
    {
        CheckName(name);
        _buffers.Add(new(name, buffer));
        return buffer;
    }

    /// <summary>Registers a child module under <paramref name="name"/>; its entries are prefixed with <c>name.</c>.</summary>
    protected T RegisterModule<T>(string name, T module) where T : Module
    {
        ArgumentNullException.ThrowIfNull(module);
        CheckName(name);
        _children.Add(new(name, module));
        return module;
    }

    /// <summary>All learnable tensors, this module's first, then children's (<c>module.parameters()</c>).</summary>
    public IEnumerable<Tensor> Parameters() => NamedParameters().Select(p => p.Value);

    /// <summary>Parameters with dotted names like <c>0.weight</c> (<c>module.named_parameters()</c>).</summary>
    public IEnumerable<KeyValuePair<string, Tensor>> NamedParameters() => Named(m => m._parameters, "");

    /// <summary>All buffers (<c>module.buffers()</c>).</summary>
    public IEnumerable<Tensor> Buffers() => NamedBuffers().Select(p => p.Value);

    /// <summary>Buffers with dotted names (<c>module.named_buffers()</c>).</summary>
    public IEnumerable<KeyValuePair<string, Tensor>> NamedBuffers() => Named(m => m._buffers, "");

    /// <summary>Direct children with their names (<c>module.named_children()</c>).</summary>
    public IEnumerable<KeyValuePair<string, Module>> NamedChildren() => _children;

    /// <summary>Direct children (<c>module.children()</c>).</summary>
    public IEnumerable<Module> Children() => _children.Select(c => c.Value);

    /// <summary>This module and all descendants, depth first (<c>module.modules()</c>).</summary>
    public IEnumerable<Module> Modules()
    {
        yield return this;
        foreach (var child in _children)
            foreach (var m in child.Value.Modules()) yield return m;
    }

    /// <summary>Sets training mode on this module and all descendants (<c>module.train(mode)</c>).</summary>
    public Module Train(bool mode = true)
    {
        foreach (var m in Modules()) m.Training = mode;
        return this;
    }

    /// <summary>Evaluation mode: BatchNorm uses running statistics, Dropout is off (<c>module.eval()</c>).</summary>
    public Module Eval() => Train(false);

    /// <summary>Zeroes every parameter's accumulated gradient in place (<c>module.zero_grad(set_to_none=False)</c>; see <see cref="Optim.Optimizer.ZeroGrad"/>).</summary>
    public void ZeroGrad()
    {
        foreach (var p in Parameters()) p.Grad?.AsSpan().Clear();
    }

    /// <summary>Number of parameter values; with <paramref name="trainableOnly"/>, only those requiring grad.</summary>
    public long ParameterCount(bool trainableOnly = false) =>
        Parameters().Where(p => !trainableOnly || p.RequiresGrad).Sum(p => (long)p.Numel);

    /// <summary>Parameters then buffers of each module, depth first, by dotted name (<c>module.state_dict()</c>).</summary>
    public Dictionary<string, Tensor> StateDict()
    {
        var state = new Dictionary<string, Tensor>();
        Collect(this, "", state);
        return state;
    }

    /// <summary>
    /// True when <paramref name="other"/> has the same state-dict entries as this module: the same names in the same
    /// order with the same shapes (the values may differ). Notebooks use it to show that a network written in a cell
    /// is the one saved in the library, so weights saved from one load into the other.
    /// </summary>
    public bool HasSameLayout(Module other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var mine = StateDict().ToList();
        var theirs = other.StateDict().ToList();
        return mine.Count == theirs.Count && mine.Zip(theirs).All(p => p.First.Key == p.Second.Key && p.First.Value.Shape.SequenceEqual(p.Second.Value.Shape));
    }

    /// <summary>
    /// Copies values from <paramref name="state"/> into this module's parameters and buffers (<c>load_state_dict</c>).
    /// With <paramref name="strict"/>, missing and unexpected names are errors; shape mismatches always are.
    /// </summary>
    /// <exception cref="InvalidDataException">Lists every missing name, unexpected name and shape mismatch.</exception>
    public void LoadStateDict(IReadOnlyDictionary<string, Tensor> state, bool strict = true, string source = "state dict")
    {
        ArgumentNullException.ThrowIfNull(state);
        var own = StateDict();
        var problems = new List<string>();
        foreach (var (name, target) in own)
        {
            if (!state.TryGetValue(name, out var value))
            {
                if (strict) problems.Add($"missing key '{name}' (expected shape {Tensor.ShapeString(target.Shape)})");
                continue;
            }
            if (!target.Shape.SequenceEqual(value.Shape))
                problems.Add($"size mismatch for '{name}': {source} has {Tensor.ShapeString(value.Shape)}, the model has {Tensor.ShapeString(target.Shape)}");
        }
        if (strict)
            foreach (var name in state.Keys)
                if (!own.ContainsKey(name)) problems.Add($"unexpected key '{name}'");
        if (problems.Count > 0)
            throw new InvalidDataException($"LoadStateDict: {source} does not fit {GetType().Name}: " + string.Join("; ", problems) + ".");
        foreach (var (name, target) in own)
            if (state.TryGetValue(name, out var value)) value.AsSpan().CopyTo(target.AsSpan());
    }

    /// <summary>Writes <see cref="StateDict"/> to a safetensors file (<c>safetensors.torch.save_file(model.state_dict(), path)</c>).</summary>
    public void Save(string path) => Safetensors.Save(path, StateDict());

    /// <summary>
    /// Writes <see cref="StateDict"/> to a safetensors file with <paramref name="metadata"/> as its text
    /// <c>__metadata__</c> (<c>save_file(model.state_dict(), path, metadata=metadata)</c>); read it back with
    /// <see cref="Safetensors.ReadMetadata"/>.
    /// </summary>
    public void Save(string path, IReadOnlyDictionary<string, string>? metadata) => Safetensors.Save(path, StateDict(), metadata);

    /// <summary>
    /// Loads weights saved by <see cref="Save(string)"/> or by PyTorch (<c>save_file(model.state_dict(), path)</c> of the same
    /// architecture, float32), checking names and shapes. PyTorch's BatchNorm <c>num_batches_tracked</c> counters
    /// (int64) are skipped: our BatchNorm always uses its momentum, so the counter has no role here.
    /// </summary>
    /// <exception cref="InvalidDataException">The file is malformed or does not match this model; the message names the file.</exception>
    public void Load(string path) => LoadStateDict(Safetensors.Load(path, IsBatchCounter), strict: true, source: $"'{path}'");

    private const string BatchCounterName = "num_batches_tracked";

    private static bool IsBatchCounter(string name) =>
        name == BatchCounterName || name.EndsWith("." + BatchCounterName, StringComparison.Ordinal);

    /// <summary>Keras-like table of layers, output shapes and parameter counts for an input shape without the batch dimension.</summary>
    public ModelSummary Summary(params int[] inputShape) => ModelSummary.Create(this, inputShape);

    /// <summary>The layer's settings as in PyTorch's repr, e.g. <c>in_features=57, out_features=64</c>.</summary>
    protected virtual string ExtraRepr() => "";

    /// <summary>PyTorch-style nested description of the module.</summary>
    public override string ToString()
    {
        if (_children.Count == 0) return $"{GetType().Name}({ExtraRepr()})";
        var lines = new List<string> { $"{GetType().Name}(" };
        foreach (var (name, child) in _children)
            lines.Add($"  ({name}): " + child.ToString().Replace("\n", "\n  "));
        lines.Add(")");
        return string.Join("\n", lines);
    }

    private IEnumerable<KeyValuePair<string, Tensor>> Named(Func<Module, List<KeyValuePair<string, Tensor>>> select, string prefix)
    {
        foreach (var (name, t) in select(this)) yield return new(prefix + name, t);
        foreach (var (name, child) in _children)
            foreach (var item in child.Named(select, prefix + name + ".")) yield return item;
    }

    private static void Collect(Module m, string prefix, Dictionary<string, Tensor> state)
    {
        foreach (var (name, t) in m._parameters) state[prefix + name] = t;
        foreach (var (name, t) in m._buffers) state[prefix + name] = t;
        foreach (var (name, child) in m._children) Collect(child, prefix + name + ".", state);
    }

    private void CheckName(string name)
    {
        if (string.IsNullOrEmpty(name) || name.Contains('.'))
            throw new ArgumentException($"{GetType().Name}: invalid name '{name}' (non-empty, no dots).");
        if (_parameters.Any(p => p.Key == name) || _buffers.Any(p => p.Key == name) || _children.Any(p => p.Key == name))
            throw new ArgumentException($"{GetType().Name}: name '{name}' is already registered.");
    }
}
