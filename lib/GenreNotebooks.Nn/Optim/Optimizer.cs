namespace GenreNotebooks.Nn.Optim;

/// <summary>
/// Base of the optimizers (<c>torch.optim.Optimizer</c>, one parameter group): holds the parameters and the learning
/// rate that schedulers change; <see cref="Step"/> updates parameters from their accumulated gradients
/// (parameters without a gradient are skipped, as in PyTorch).
/// Taught in notebooks/04-feature-networks-and-cross-validation.
/// </summary>
public abstract class Optimizer
{
    private float _learningRate;

    /// <summary>Takes the parameters to optimise (e.g. <c>model.Parameters()</c>).</summary>
    protected Optimizer(IEnumerable<Tensor> parameters, float learningRate)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Params = parameters.ToList();
        if (Params.Count == 0) throw new ArgumentException($"{GetType().Name}: got an empty parameter list.");
        LearningRate = learningRate;
        InitialLearningRate = learningRate;
    }

    /// <summary>The optimised tensors.</summary>
    public IReadOnlyList<Tensor> Params { get; }

    /// <summary>Current learning rate (<c>param_groups[0]['lr']</c>); schedulers set it.</summary>
    public float LearningRate
    {
        get => _learningRate;
        set
        {
            if (!(value >= 0f)) throw new ArgumentOutOfRangeException(nameof(value), $"{GetType().Name}: invalid learning rate {value}.");
            _learningRate = value;
        }
    }

    /// <summary>The learning rate given at construction (<c>initial_lr</c>).</summary>
    public float InitialLearningRate { get; }

    /// <summary>Number of <see cref="Step"/> calls so far.</summary>
    public int StepCount { get; private set; }

    /// <summary>
    /// Zeroes the gradients of all parameters in place (<c>optimizer.zero_grad(set_to_none=False)</c>). PyTorch 2's
    /// default sets them to None instead, so a parameter left out of the next loss is skipped by its step; here it
    /// keeps a zero gradient and is still moved by momentum, Adam's moments and weight decay. Set
    /// <see cref="Tensor.Grad"/> to null to get PyTorch's skipping.
    /// </summary>
    public void ZeroGrad()
    {
        foreach (var p in Params) p.Grad?.AsSpan().Clear();
    }

    /// <summary>One update of every parameter that has a gradient (<c>optimizer.step()</c>).</summary>
    public void Step()
    {
        StepCount++;
        using var profile = Profiler.Enabled ? Profiler.Scope(GetType().Name + ".step") : default;
        for (int i = 0; i < Params.Count; i++)
        {
            var p = Params[i];
            if (p.Grad is null) continue;
            Update(i, p.AsSpan(), p.Grad.AsSpan());
        }
    }

    /// <summary>Updates parameter number <paramref name="index"/> in place from its gradient.</summary>
    protected abstract void Update(int index, Span<float> param, ReadOnlySpan<float> grad);
}
