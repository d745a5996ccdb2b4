namespace GenreNotebooks.Nn.Modules;

/// <summary>
/// Modules applied one after another (<c>torch.nn.Sequential</c>); children are named "0", "1", ... so state dict
/// names match PyTorch's (<c>0.weight</c>, <c>1.running_mean</c>).
/// </summary>
public sealed class Sequential : Module
{
    private readonly List<Module> _layers = [];

    // Per-layer scratch for the plane statistics a convolution hands to the BatchNorm2d after it: reused every batch.
    private readonly Dictionary<int, Kernels.PlaneMoments> _moments = [];

    /// <summary>Creates the chain from <paramref name="layers"/> in order.</summary>
    public Sequential(params Module[] layers)
    {
        foreach (var layer in layers) Add(layer);
    }

    /// <summary>Number of layers.</summary>
    public int Count => _layers.Count;

    /// <summary>The layer at <paramref name="index"/>.</summary>
    public Module this[int index] => _layers[index];

    /// <summary>Appends a layer (<c>seq.append(m)</c>) and returns this chain.</summary>
    public Sequential Add(Module layer)
    {
        RegisterModule(_layers.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), layer);
        _layers.Add(layer);
        return this;
    }

    /// <summary>
    /// Feeds the input through every layer in order. BatchNorm followed by ReLU runs as one fused op, and BatchNorm2d,
    /// ReLU, MaxPool2d(2) as another (same results, fewer passes over the activations).
    /// </summary>
    public override Tensor Forward(Tensor input)
    {
        var x = input;
        // Plane statistics of x, when the convolution that produced it computed them for the BatchNorm2d that follows.
        Kernels.PlaneMoments? moments = null;
        for (int i = 0; i < _layers.Count; i++)
        {
            if (_layers[i] is BatchNorm2d bn2 && IsFusedBlock(i))
            {
                if (x.Rank == 4 && x.Size(2) >= 2 && x.Size(3) >= 2)
                {
                    using (Profiler.Enabled ? Profiler.Scope("BatchNormReLUMaxPool.forward") : default)
                        x = bn2.ForwardFusedReluPool(x, moments);
                    moments = null;
                    i += 2;
                    continue;
                }
            }
            moments = null;
            if (_layers[i] is Conv2d conv && i + 3 < _layers.Count && _layers[i + 1] is BatchNorm2d { Training: true } && IsFusedBlock(i + 1))
            {
                if (!_moments.TryGetValue(i, out var m)) _moments[i] = m = new Kernels.PlaneMoments();
                using (Profiler.Enabled ? Profiler.Scope("Conv2d.forward") : default)
                    x = conv.ForwardWithMoments(x, m);
                moments = m;
                continue;
            }
            if (_layers[i] is BatchNorm bn && i + 1 < _layers.Count && _layers[i + 1] is ReLU)
            {
                using (Profiler.Enabled ? Profiler.Scope("BatchNormReLU.forward") : default)
                    x = bn.ForwardFusedRelu(x);
                i++;
                continue;
            }
            using (Profiler.Enabled ? Profiler.Scope(_layers[i].GetType().Name + ".forward") : default)
                x = _layers[i].Forward(x);
        }
        return x;
    }

    /// <summary>True when layer <paramref name="i"/> starts BatchNorm2d, ReLU, MaxPool2d(2, stride 2): one fused op.</summary>
    private bool IsFusedBlock(int i) =>
        i + 2 < _layers.Count && _layers[i] is BatchNorm2d && _layers[i + 1] is ReLU
        && _layers[i + 2] is MaxPool2d { KernelSize: (2, 2), Stride: (2, 2) };
}
