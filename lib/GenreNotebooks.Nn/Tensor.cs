using GenreNotebooks.Nn.Autograd;
using GenreNotebooks.Nn.Kernels;

namespace GenreNotebooks.Nn;

/// <summary>
/// A contiguous float32 n-dimensional array with reverse-mode autograd (PyTorch's <c>torch.Tensor</c>, float32,
/// row-major, images NCHW and sequences NCL). Ops that involve a tensor with <see cref="RequiresGrad"/> record a
/// graph; <see cref="Backward"/> fills <see cref="Grad"/> of the leaves (gradients accumulate as in PyTorch).
/// </summary>
public sealed partial class Tensor : IDisposable
{
    private float[]? _data;
    private readonly int[] _shape;
    private readonly bool _pooled;
    private bool _requiresGrad;
    private DisposeScope? _scope;
    // The tensor whose buffer a view or detached tensor shares; it must live at least as long as the view.
    private readonly Tensor? _owner;

    internal GradNode? GradFn;
    internal float[]? GradBuffer;

    /// <summary>Wraps <paramref name="data"/> (no copy) as a tensor of <paramref name="shape"/> (<c>torch.from_numpy</c>).</summary>
    /// <exception cref="ArgumentException">The data length is not the product of the shape.</exception>
    public Tensor(float[] data, params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(shape);
        long numel = CheckShape(shape, "Tensor");
        if (numel != data.Length)
            throw new ArgumentException($"Tensor: {data.Length} values do not fill shape {ShapeString(shape)} ({numel} values).");
        _data = data;
        _shape = (int[])shape.Clone();
    }

    private Tensor(int[] shape, float[] data, bool pooled, Tensor? owner = null)
    {
        _shape = shape;
        _data = data;
        _pooled = pooled;
        _owner = owner;
    }

    /// <summary>Dimensions, outermost first (<c>tensor.shape</c>).</summary>
    public IReadOnlyList<int> Shape => _shape;

    /// <summary>Number of dimensions (<c>tensor.dim()</c>).</summary>
    public int Rank => _shape.Length;

    /// <summary>Number of elements (<c>tensor.numel()</c>).</summary>
    public int Numel => Buffer.Length;

    /// <summary>Size of dimension <paramref name="dim"/>; negative counts from the end (<c>tensor.size(dim)</c>).</summary>
    public int Size(int dim) => _shape[NormalizeDim(dim, Rank, "Size")];

    /// <summary>
    /// Whether gradients are computed for this tensor (<c>requires_grad</c>). Results of ops on such tensors require
    /// grad automatically; only leaves (tensors not produced by an op) can be switched.
    /// </summary>
    public bool RequiresGrad
    {
        get => _requiresGrad || GradFn is not null;
        set
        {
            if (GradFn is not null)
                throw new InvalidOperationException("RequiresGrad: can only be changed on leaf tensors; use Detach() on an op result.");
            _requiresGrad = value;
        }
    }

    /// <summary>True when the tensor was not produced by a recorded op (<c>tensor.is_leaf</c>).</summary>
    public bool IsLeaf => GradFn is null;

    /// <summary>The accumulated gradient of a leaf after <see cref="Backward"/>, same shape (<c>tensor.grad</c>); null before.</summary>
    public Tensor? Grad { get; set; }

    /// <summary>Name of the op that produced this tensor (<c>grad_fn</c>), or null for a leaf.</summary>
    public string? GradFnName => GradFn?.Name;

    internal float[] Buffer => _data ?? throw new ObjectDisposedException(nameof(Tensor), "Tensor: used after its dispose scope ended.");

    internal int[] ShapeArray => _shape;

    /// <summary>The elements in row-major order, writable (like <c>tensor.numpy()</c> on a CPU tensor).</summary>
    public Span<float> AsSpan() => Buffer;

    /// <summary>A copy of the elements in row-major order.</summary>
    public float[] ToArray() => (float[])Buffer.Clone();

    /// <summary>The value of a one-element tensor (<c>tensor.item()</c>).</summary>
    /// <exception cref="InvalidOperationException">The tensor has more than one element.</exception>
    public float Item()
    {
        if (Numel != 1) throw new InvalidOperationException($"Item: tensor of shape {ShapeString(_shape)} has {Numel} elements, not 1.");
        return Buffer[0];
    }

    /// <summary>Element at the given multi-index (one index per dimension).</summary>
    [System.Runtime.CompilerServices.IndexerName("At")]
    public float this[params int[] index]
    {
        get => Buffer[FlatIndex(index)];
        set => Buffer[FlatIndex(index)] = value;
    }

    /// <summary>
    /// Computes gradients of this tensor with respect to every leaf that requires grad and adds them into their
    /// <see cref="Grad"/> (<c>tensor.backward()</c>). Without <paramref name="gradient"/>, the tensor must be a scalar.
    /// </summary>
    public void Backward(Tensor? gradient = null)
    {
        if (!RequiresGrad) throw new InvalidOperationException("Backward: tensor does not require grad and has no grad_fn.");
        if (gradient is null)
        {
            if (Numel != 1) throw new InvalidOperationException($"Backward: grad can be implicitly created only for scalar outputs, got shape {ShapeString(_shape)}.");
            Engine.Backward(this, [1f]);
        }
        else
        {
            CheckSameShape(this, gradient, "Backward");
            Engine.Backward(this, gradient.Buffer);
        }
    }

    /// <summary>
    /// A tensor sharing this one's data but cut from the graph (<c>tensor.detach()</c>). When this tensor belongs to a
    /// dispose scope, so does the result (it shares the memory the scope recycles).
    /// </summary>
    public Tensor Detach()
    {
        var owner = _owner ?? this;
        var t = new Tensor(_shape, Buffer, pooled: false, owner);
        var scope = owner._scope is null ? null : Torch.CurrentScope;
        if (scope is not null) { scope.Add(t); t._scope = scope; }
        return t;
    }

    /// <summary>A copy with its own data, not part of the graph (<c>tensor.detach().clone()</c>).</summary>
    public Tensor Clone() => new(ToArray(), _shape);

    /// <summary>Sets <see cref="RequiresGrad"/> and returns this tensor (<c>requires_grad_()</c>).</summary>
    public Tensor RequiresGrad_(bool requiresGrad = true)
    {
        RequiresGrad = requiresGrad;
        return this;
    }

    /// <summary>
    /// Takes the tensor out of its dispose scope into the enclosing one (or out of all scopes) so it survives the
    /// scope. A view (<see cref="View"/>, <see cref="Flatten"/>, <see cref="Detach"/>) takes the tensor whose memory
    /// it shares along.
    /// </summary>
    public Tensor MoveToOuterScope()
    {
        if (_scope is not null)
        {
            _scope.Remove(this);
            _scope = _scope.Outer;
            _scope?.Add(this);
            _owner?.KeepAliveIn(_scope);
        }
        return this;
    }

    /// <summary>Moves this tensor out of its scope when that scope ends before <paramref name="target"/> (null: never ends).</summary>
    private void KeepAliveIn(DisposeScope? target)
    {
        if (_scope is null) return;
        for (var s = target; s is not null; s = s.Outer)
            if (ReferenceEquals(s, _scope)) return;
        _scope.Remove(this);
        _scope = target;
        target?.Add(this);
    }

    /// <summary>Returns the tensor's buffer to the pool (if it came from it); the tensor is unusable afterwards.</summary>
    public void Dispose()
    {
        if (_data is null) return;
        if (_pooled) BufferPool.Return(_data);
        _data = null;
        if (GradBuffer is not null) { BufferPool.Return(GradBuffer); GradBuffer = null; }
        GradFn = null;
    }

    /// <summary>Shape and, for small tensors, the values.</summary>
    public override string ToString()
    {
        if (_data is null) return $"Tensor{ShapeString(_shape)} (disposed)";
        string values = Numel <= 16 ? " [" + string.Join(", ", _data.Select(v => v.ToString("G6", System.Globalization.CultureInfo.InvariantCulture))) + "]" : "";
        return $"Tensor{ShapeString(_shape)}{values}{(GradFn is null ? "" : $" grad_fn={GradFn.Name}")}";
    }

    /// <summary>An uninitialised op result from the pool, owned by the current dispose scope.</summary>
    internal static Tensor Empty(int[] shape)
    {
        long numel = CheckShape(shape, "Empty");
        var t = new Tensor(shape, BufferPool.Rent((int)numel), pooled: true);
        var scope = Torch.CurrentScope;
        if (scope is not null) { scope.Add(t); t._scope = scope; }
        return t;
    }

    /// <summary>A view with another shape over the same buffer (no copy), owned by the current dispose scope.</summary>
    internal Tensor ViewOf(int[] shape)
    {
        var t = new Tensor(shape, Buffer, pooled: false, _owner ?? this);
        var scope = Torch.CurrentScope;
        if (scope is not null) { scope.Add(t); t._scope = scope; }
        return t;
    }

    /// <summary>Records <paramref name="backward"/> as this result's grad_fn when grad mode is on and an input requires grad.</summary>
    internal Tensor Record(string op, Tensor[] inputs, Action<float[]> backward) => Record(op, inputs, null, backward);

    /// <summary><see cref="Record(string, Tensor[], Action{float[]})"/> keeping the op's <paramref name="attributes"/> on its node.</summary>
    internal Tensor Record(string op, Tensor[] inputs, OpAttributes? attributes, Action<float[]> backward)
    {
        if (!Torch.IsGradEnabled) return this;
        foreach (var input in inputs)
        {
            if (input.RequiresGrad)
            {
                GradFn = new GradNode(op, inputs, backward, attributes);
                return this;
            }
        }
        return this;
    }

    /// <summary>The array gradients of this tensor are added into (the leaf's Grad, or a pooled buffer during backward).</summary>
    internal float[] GradArray()
    {
        if (GradFn is null)
        {
            Grad ??= new Tensor(new float[Numel], (int[])_shape.Clone());
            return Grad.Buffer;
        }
        return GradBuffer ??= BufferPool.RentZeroed(Numel);
    }

    /// <summary>
    /// Like <see cref="GradArray"/>, but when no gradient has been accumulated into this non-leaf tensor yet, returns an
    /// uninitialised buffer and <paramref name="overwrite"/> = true: the caller must then write every element instead
    /// of adding (saves zeroing and re-reading a large buffer).
    /// </summary>
    internal float[] GradArrayForWrite(out bool overwrite)
    {
        overwrite = GradFn is not null && GradBuffer is null;
        if (overwrite) return GradBuffer = BufferPool.Rent(Numel);
        return GradArray();
    }

    private int FlatIndex(int[] index)
    {
        if (index.Length != Rank) throw new ArgumentException($"Index: {index.Length} indices for a tensor of rank {Rank}.");
        int flat = 0;
        for (int d = 0; d < Rank; d++)
        {
            if ((uint)index[d] >= (uint)_shape[d])
                throw new IndexOutOfRangeException($"Index: {index[d]} out of range for dimension {d} of size {_shape[d]}.");
            flat = flat * _shape[d] + index[d];
        }
        return flat;
    }

    internal static long CheckShape(int[] shape, string op)
    {
        long n = 1;
        foreach (int d in shape)
        {
            if (d < 0) throw new ArgumentException($"{op}: negative dimension in shape {ShapeString(shape)}.");
            n *= d;
        }
        if (n > Array.MaxLength) throw new ArgumentException($"{op}: shape {ShapeString(shape)} has too many elements.");
        return n;
    }

    internal static int NormalizeDim(int dim, int rank, string op)
    {
        int d = dim < 0 ? dim + rank : dim;
        if (d < 0 || d >= rank) throw new ArgumentOutOfRangeException(nameof(dim), $"{op}: dim {dim} out of range for a tensor of rank {rank}.");
        return d;
    }

    internal static void CheckSameShape(Tensor a, Tensor b, string op)
    {
        if (!a._shape.AsSpan().SequenceEqual(b._shape))
            throw new ArgumentException($"{op}: shapes {ShapeString(a._shape)} and {ShapeString(b._shape)} differ.");
    }

    /// <summary>Formats a shape as <c>[2, 3, 4]</c>.</summary>
    public static string ShapeString(IReadOnlyList<int> shape) => "[" + string.Join(", ", shape) + "]";
}
