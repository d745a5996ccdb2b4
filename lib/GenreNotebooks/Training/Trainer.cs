using GenreNotebooks.Nn;
using GenreNotebooks.Nn.Modules;
using GenreNotebooks.Nn.Optim;

namespace GenreNotebooks.Training;

/// <summary>
/// Trains a classifier of the NN engine with mini-batches: exactly the loop notebook 04 writes by hand, wrapped in
/// Keras' <c>model.fit(x, y, validation_data, epochs, callbacks)</c>. Per epoch: <c>model.Train()</c>; for every
/// batch of a shuffled, seeded <see cref="DataLoader"/>, inside a dispose scope, <c>ZeroGrad</c>, <c>Forward</c>,
/// cross-entropy (optional class weights and L2), <c>Backward</c>, <c>Step</c>; then validation under
/// <c>Torch.NoGrad()</c> in eval mode, the epoch report (progress), early stopping, and one step of the
/// learning-rate scheduler. Same seed, same network, same data: the same history as the hand-written loop.
/// Calling <see cref="Fit"/> again continues training (the optimizer's state and the shuffle stream go on).
/// Inputs are tensors of shape (N, ...) matching the model, labels class indices 0..C-1.
/// Taught in notebooks/04-feature-networks-and-cross-validation; notebooks/06-architecture-sweep-and-tuning continues runs with it.
/// </summary>
public sealed class Trainer : IEpochDriver
{
    private readonly Generator _shuffle;
    private readonly CrossEntropyLoss _loss;
    private DataLoader? _loader;
    private Tensor? _xVal;
    private int[]? _yVal;

    /// <summary>A trainer of <paramref name="model"/> with <paramref name="optimizer"/> (built over the model's parameters).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Invalid options.</exception>
    public Trainer(Module model, Optimizer optimizer, TrainerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(optimizer);
        Options = options ?? new TrainerOptions();
        Options.Validate();
        Model = model;
        Optimizer = optimizer;
        _shuffle = new Generator(Options.Seed);
        _loss = new CrossEntropyLoss(Options.ClassWeights is { } w ? new Tensor((float[])w.Clone(), w.Length) : null);
    }

    /// <summary>The model being trained.</summary>
    public Module Model { get; }

    /// <summary>The optimizer.</summary>
    public Optimizer Optimizer { get; }

    /// <summary>The batch and loss settings.</summary>
    public TrainerOptions Options { get; }

    /// <summary>The optimizer's learning rate.</summary>
    public double LearningRate => Optimizer.LearningRate;

    /// <summary>
    /// Trains up to epoch <paramref name="epochs"/> on (<paramref name="x"/>, <paramref name="y"/>), validating on
    /// (<paramref name="xVal"/>, <paramref name="yVal"/>) after each epoch when given. See <see cref="TrainingLoop.Run"/>
    /// for early stopping, the scheduler (built over <see cref="Optimizer"/>; a <see cref="ReduceLROnPlateau"/> is
    /// stepped with <see cref="TrainerOptions.PlateauMetric"/>), progress and cancellation. To continue a run, call
    /// again with <paramref name="initialEpoch"/> = the epochs done (Keras' <c>initial_epoch</c>) and the same
    /// scheduler. Within-epoch <see cref="TrainingProgress"/> goes to
    /// <see cref="TrainerOptions.BatchProgress"/>, or to <paramref name="progress"/> when it also implements
    /// <c>IProgress&lt;TrainingProgress&gt;</c>; a cancelled token stops at the next batch boundary and the history
    /// holds the finished epochs (<see cref="TrainingHistory.Cancelled"/>).
    /// </summary>
    /// <exception cref="ArgumentException">Sample counts and label counts differ, or validation inputs come without labels.</exception>
    public TrainingHistory Fit(Tensor x, IReadOnlyList<int> y, Tensor? xVal = null, IReadOnlyList<int>? yVal = null, int epochs = 10,
        EarlyStopping? earlyStopping = null, LRScheduler? scheduler = null, IProgress<EpochReport>? progress = null,
        CancellationToken cancellationToken = default, int initialEpoch = 0)
    {
        if (scheduler is not null && !ReferenceEquals(scheduler.Optimizer, Optimizer))
            throw new ArgumentException("the scheduler was built over another optimizer than the trainer's", nameof(scheduler));
        CheckData(x, y, nameof(x));
        if ((xVal is null) != (yVal is null)) throw new ArgumentException("give both validation inputs and labels, or neither", nameof(yVal));
        if (xVal is not null) CheckData(xVal, yVal!, nameof(xVal));
        _loader = new DataLoader(x, y, Options.BatchSize, Options.Shuffle, _shuffle);
        _xVal = xVal;
        _yVal = yVal?.ToArray();
        try
        {
            return TrainingLoop.Run(this, epochs, earlyStopping, scheduler, progress, cancellationToken,
                Options.BatchProgress, Options.ProgressInterval, Options.TimeProvider, Options.PlateauMetric, initialEpoch);
        }
        finally
        {
            _loader = null;
            _xVal = null;
            _yVal = null;
        }
    }

    /// <summary>Mean cross-entropy loss and accuracy of the model on (<paramref name="x"/>, <paramref name="y"/>) in eval mode (Keras <c>evaluate</c>).</summary>
    public (double Loss, double Accuracy) Evaluate(Tensor x, IReadOnlyList<int> y)
    {
        CheckData(x, y, nameof(x));
        return EvaluateCore(x, y.ToArray(), CancellationToken.None);
    }

    /// <summary>Softmax probabilities, shape (N, C), in eval mode without gradients (Keras <c>predict</c>, <c>torch.softmax(model(x), 1)</c>).</summary>
    public FloatMatrix PredictProbabilities(Tensor x) => Predictions.Probabilities(Model, x, Options.EvalBatchSize);

    /// <summary>Predicted class of each sample (argmax of the logits).</summary>
    public int[] Predict(Tensor x) => Evaluation.Metrics.ArgmaxRows(PredictProbabilities(x));

    (double Loss, double Accuracy) IEpochDriver.TrainEpoch(int epoch, Action<BatchStep>? onBatch, CancellationToken cancellationToken)
    {
        var loader = _loader ?? throw new InvalidOperationException("no training data; call Fit");
        int n = loader.SampleCount, batches = loader.BatchCount, batch = 0, seen = 0, correct = 0;
        double lossSum = 0;
        Model.Train();
        foreach (var (xb, yb) in loader)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var scope = Torch.NewDisposeScope();
            Optimizer.ZeroGrad();
            var logits = Model.Forward(xb);
            var loss = _loss.Forward(logits, yb);
            if (Options.L2 > 0) loss = loss + Regularization.L2(Options.L2, Model);
            loss.Backward();
            Optimizer.Step();
            lossSum += loss.Item() * yb.Length;
            correct += Evaluation.Metrics.CountCorrect(logits, yb);
            seen += yb.Length;
            onBatch?.Invoke(new BatchStep(++batch, batches, seen, n, lossSum / seen, (double)correct / seen));
        }
        return (lossSum / n, (double)correct / n);
    }

    (double Loss, double Accuracy)? IEpochDriver.Validate(CancellationToken cancellationToken) =>
        _xVal is null ? null : EvaluateCore(_xVal, _yVal!, cancellationToken);

    object IEpochDriver.SaveWeights() => Model.StateDict().ToDictionary(kv => kv.Key, kv => kv.Value.ToArray());

    void IEpochDriver.LoadWeights(object snapshot)
    {
        var saved = (Dictionary<string, float[]>)snapshot;
        foreach (var (name, tensor) in Model.StateDict()) saved[name].CopyTo(tensor.AsSpan());
    }

    private (double Loss, double Accuracy) EvaluateCore(Tensor x, int[] y, CancellationToken cancellationToken)
    {
        bool wasTraining = Model.Training;
        Model.Eval();
        try
        {
            using var noGrad = Torch.NoGrad();
            int n = y.Length, correct = 0;
            double lossSum = 0;
            foreach (var (xb, yb) in new DataLoader(x, y, Options.EvalBatchSize))
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var scope = Torch.NewDisposeScope();
                var logits = Model.Forward(xb);
                lossSum += _loss.Forward(logits, yb).Item() * yb.Length;
                correct += Evaluation.Metrics.CountCorrect(logits, yb);
            }
            return (lossSum / n, (double)correct / n);
        }
        finally
        {
            Model.Train(wasTraining);
        }
    }

    private static void CheckData(Tensor x, IReadOnlyList<int> y, string name)
    {
        ArgumentNullException.ThrowIfNull(x, name);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Rank < 2) throw new ArgumentException($"{name} must have shape (N, ...), got {Tensor.ShapeString(x.Shape)}", name);
        if (x.Shape[0] != y.Count) throw new ArgumentException($"{name} has {x.Shape[0]} samples but there are {y.Count} labels", name);
        if (y.Count == 0) throw new ArgumentException($"{name} has no samples", name);
        for (int i = 0; i < y.Count; i++)
            if (y[i] < 0) throw new ArgumentException($"label {i} is {y[i]}; labels are class indices >= 0", name);
    }
}
