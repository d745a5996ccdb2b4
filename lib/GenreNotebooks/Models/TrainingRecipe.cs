using System.Globalization;
using GenreNotebooks.Nn;
using GenreNotebooks.Nn.Optim;
using GenreNotebooks.Training;

namespace GenreNotebooks.Models;

/// <summary>
/// How to train a network: optimizer, learning rate, batch size, epochs, weight decay or L2, the learning-rate
/// scheduler and early stopping; every field acts (dropout is not here: it lives in the network). Schedulers and early
/// stopping hold per-run state, so the recipe keeps factories: <see cref="Scheduler"/> builds one over the run's
/// optimizer, PyTorch style (<c>opt =&gt; new StepLR(opt, 10, 0.1f)</c>). A recipe prints what it runs
/// (<see cref="ToString"/>), and a notebook changes one with <c>with</c>:
/// <code>var recipe = ModelCatalog.Get("uct-cnn4").Recipe with { Optimizer = OptimizerKind.Sgd, Momentum = 0.9, Epochs = 5 };</code>
/// The catalogue's recipes are the papers'; where a paper is silent the value is a stated choice (see <see cref="Notes"/>).
/// Taught in notebooks/04-feature-networks-and-cross-validation and notebooks/05-cnn-on-mel-spectrograms.
/// </summary>
public sealed record TrainingRecipe
{
    /// <summary>The optimizer.</summary>
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.Adam;

    /// <summary>Initial learning rate; Keras' and PyTorch's Adam default 0.001.</summary>
    public double LearningRate { get; init; } = 0.001;

    /// <summary>SGD momentum; must be 0 for Adam and AdamW (which have betas instead).</summary>
    public double Momentum { get; init; }

    /// <summary>
    /// L2 penalty as PyTorch's <c>weight_decay</c> (added to the gradient as weight_decay x w; AdamW decouples it). A
    /// Keras <c>kernel_regularizer=l2(λ)</c> adds λ·‖w‖² to the loss, i.e. weight_decay = 2λ: use <see cref="L2"/> for that.
    /// </summary>
    public double WeightDecay { get; init; }

    /// <summary>
    /// Keras-style L2 penalty λ: λ·Σw² over the convolution and linear kernels is added to the loss
    /// (<c>kernel_regularizer=l2(λ)</c>; GenreNotebooks.Nn.Optim.Regularization.L2). 0 for none.
    /// </summary>
    public double L2 { get; init; }

    /// <summary>Mini-batch size; Keras' default 32 where a paper does not say.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Number of epochs (the upper bound when early stopping is on).</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>
    /// Builds the per-epoch learning-rate scheduler over the run's optimizer (<c>opt =&gt; new StepLR(opt, 10, 0.1f)</c>,
    /// <c>opt =&gt; ReduceLROnPlateau.Keras(opt, 0.8f, 1)</c>), or null for a constant rate. A ReduceLROnPlateau is
    /// stepped with the validation loss.
    /// </summary>
    public Func<Optimizer, LRScheduler>? Scheduler { get; init; }

    /// <summary>Builds the early-stopping rule for a run, or null to train all epochs.</summary>
    public Func<EarlyStopping>? EarlyStopping { get; init; }

    /// <summary>Where the settings come from and which ones were chosen because the paper is silent.</summary>
    public string Notes { get; init; } = "";

    /// <summary>The recipe's optimizer over <paramref name="parameters"/> (Adam/AdamW/SGD with its rate, momentum, weight decay).</summary>
    /// <exception cref="ArgumentException">The recipe is invalid (see <see cref="Validate"/>).</exception>
    public Optimizer CreateOptimizer(IEnumerable<Tensor> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Validate();
        float lr = (float)LearningRate, wd = (float)WeightDecay;
        return Optimizer switch
        {
            OptimizerKind.Adam => new Adam(parameters, lr, weightDecay: wd),
            OptimizerKind.AdamW => new AdamW(parameters, lr, weightDecay: wd),
            OptimizerKind.Sgd => new SGD(parameters, lr, (float)Momentum, wd),
            _ => throw new ArgumentOutOfRangeException(nameof(Optimizer), Optimizer, "unknown optimizer"),
        };
    }

    /// <summary>A fresh scheduler over <paramref name="optimizer"/>, or null when the recipe has none.</summary>
    public LRScheduler? CreateScheduler(Optimizer optimizer)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        if (Scheduler is null) return null;
        var s = Scheduler(optimizer) ?? throw new InvalidOperationException("the recipe's Scheduler factory returned null");
        if (!ReferenceEquals(s.Optimizer, optimizer))
            throw new InvalidOperationException("the recipe's Scheduler factory must build the scheduler over the optimizer it is given");
        return s;
    }

    /// <summary>A fresh early-stopping rule (null when the recipe has none).</summary>
    public EarlyStopping? CreateEarlyStopping() => EarlyStopping?.Invoke();

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentException">A rate, batch size or epoch count out of range, a negative penalty, or momentum with Adam.</exception>
    public void Validate()
    {
        if (!(LearningRate > 0) || double.IsInfinity(LearningRate)) throw new ArgumentException($"LearningRate must be > 0, got {LearningRate}");
        if (!(Momentum >= 0 && Momentum < 1)) throw new ArgumentException($"Momentum must be in [0, 1), got {Momentum}");
        if (Momentum != 0 && Optimizer != OptimizerKind.Sgd) throw new ArgumentException($"Momentum is an SGD setting; {Optimizer} does not use it (set Momentum = 0)");
        if (!(WeightDecay >= 0)) throw new ArgumentException($"WeightDecay must be >= 0, got {WeightDecay}");
        if (!(L2 >= 0)) throw new ArgumentException($"L2 must be >= 0, got {L2}");
        if (BatchSize < 1) throw new ArgumentException($"BatchSize must be >= 1, got {BatchSize}");
        if (Epochs < 1) throw new ArgumentException($"Epochs must be >= 1, got {Epochs}");
    }

    /// <summary>
    /// One line of what the recipe runs, e.g. <c>Adam(lr=0.001) batch=32 epochs=10 ReduceLROnPlateau(mode=min, factor=0.8, ...)</c>.
    /// </summary>
    public override string ToString()
    {
        var ci = CultureInfo.InvariantCulture;
        var opt = new List<string> { string.Format(ci, "lr={0}", LearningRate) };
        if (Optimizer == OptimizerKind.Sgd) opt.Add(string.Format(ci, "momentum={0}", Momentum));
        if (WeightDecay != 0) opt.Add(string.Format(ci, "weight_decay={0}", WeightDecay));
        var parts = new List<string> { $"{Optimizer}({string.Join(", ", opt)})" };
        if (L2 != 0) parts.Add(string.Format(ci, "l2={0}", L2));
        parts.Add(string.Format(ci, "batch={0} epochs={1}", BatchSize, Epochs));
        if (Scheduler is not null)
        {
            // A scheduler only exists over an optimizer: describe it over a throwaway one.
            var probe = new SGD([new Tensor(new float[1], 1)], (float)LearningRate);
            parts.Add(Scheduler(probe).ToString() ?? "scheduler");
        }
        if (CreateEarlyStopping() is { } e) parts.Add(e.ToString());
        return string.Join(' ', parts);
    }
}
