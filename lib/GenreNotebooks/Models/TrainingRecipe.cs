using GenreNotebooks.Training;

namespace GenreNotebooks.Models;

/// <summary>
/// How a paper trained one of its networks: optimizer, learning rate, batch size, epochs, weight decay, dropout,
/// learning-rate schedule and early stopping. Schedules and early stopping hold per-run state, so the recipe keeps
/// factories and <see cref="CreateSchedule"/>/<see cref="CreateEarlyStopping"/> make fresh ones.
/// Where the paper is silent, the value is a stated choice (see <see cref="Notes"/>).
/// Taught in notebooks/04-feature-networks-and-cross-validation and notebooks/05-cnn-on-mel-spectrograms.
/// </summary>
public sealed record TrainingRecipe
{
    /// <summary>The optimizer.</summary>
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.Adam;

    /// <summary>Initial learning rate; Keras' and PyTorch's Adam default 0.001.</summary>
    public double LearningRate { get; init; } = 0.001;

    /// <summary>SGD momentum (ignored by Adam).</summary>
    public double Momentum { get; init; }

    /// <summary>
    /// L2 penalty as PyTorch's <c>weight_decay</c> (added to the gradient as weight_decay x w). A Keras
    /// <c>kernel_regularizer=l2(λ)</c> adds λ·‖w‖² to the loss, i.e. weight_decay = 2λ.
    /// </summary>
    public double WeightDecay { get; init; }

    /// <summary>
    /// Keras-style L2 penalty λ: λ·Σw² over the convolution and linear kernels is added to the loss
    /// (<c>kernel_regularizer=l2(λ)</c>; GenreNotebooks.Nn.Optim.Regularization.L2). 0 for none.
    /// </summary>
    public double L2 { get; init; }

    /// <summary>Mini-batch size; Keras' default 32 where a paper does not say.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Number of epochs the paper trained for (the upper bound when early stopping is on).</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>The dropout probability built into the network (informational; the factory already uses it).</summary>
    public double Dropout { get; init; }

    /// <summary>Factory for the per-epoch learning-rate schedule, or null for a constant rate.</summary>
    public Func<ILearningRateSchedule>? Schedule { get; init; }

    /// <summary>Factory for the early-stopping rule, or null to train all epochs.</summary>
    public Func<EarlyStopping>? EarlyStopping { get; init; }

    /// <summary>Where the settings come from and which ones were chosen because the paper is silent.</summary>
    public string Notes { get; init; } = "";

    /// <summary>A fresh schedule (null when the recipe has none).</summary>
    public ILearningRateSchedule? CreateSchedule() => Schedule?.Invoke();

    /// <summary>A fresh early-stopping rule (null when the recipe has none).</summary>
    public EarlyStopping? CreateEarlyStopping() => EarlyStopping?.Invoke();

    /// <summary>One line, e.g. <c>Adam lr=0.001 batch=32 epochs=10 ReduceLROnPlateau(...)</c>.</summary>
    public override string ToString()
    {
        var ci = System.Globalization.CultureInfo.InvariantCulture;
        var parts = new List<string> { string.Format(ci, "{0} lr={1}", Optimizer, LearningRate) };
        if (Optimizer == OptimizerKind.Sgd && Momentum != 0) parts.Add(string.Format(ci, "momentum={0}", Momentum));
        if (WeightDecay != 0) parts.Add(string.Format(ci, "weight_decay={0}", WeightDecay));
        if (L2 != 0) parts.Add(string.Format(ci, "l2={0}", L2));
        parts.Add(string.Format(ci, "batch={0} epochs={1} dropout={2}", BatchSize, Epochs, Dropout));
        if (CreateSchedule() is { } s) parts.Add(s.ToString()!);
        if (CreateEarlyStopping() is { } e)
            parts.Add(string.Format(ci, "EarlyStopping({0}, patience={1}, min_delta={2})", e.Monitor, e.Patience, e.MinDelta));
        return string.Join(' ', parts);
    }
}
