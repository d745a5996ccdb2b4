using GenreNotebooks.Nn;
using GenreNotebooks.Nn.Modules;
using GenreNotebooks.Nn.Optim;

namespace GenreNotebooks.Training;

/// <summary>
/// Trains a classifier of the NN engine with mini-batches: the loop a PyTorch script writes by hand
/// (<c>for xb, yb in loader: opt.zero_grad(); loss = ce(model(xb), yb); loss.backward(); opt.step()</c>) wrapped in
/// Keras' <c>model.fit(x, y, validation_data, epochs, callbacks)</c>: shuffled batches from a seed, cross-entropy with
/// optional class weights and L2, validation after every epoch, progress, early stopping, a learning-rate schedule,
/// cancellation. Inputs are tensors of shape (N, ...) matching the model, labels class indices 0..C-1.
/// Taught in notebooks/04-feature-networks-and-cross-validation and notebooks/05-cnn-on-mel-spectrograms.
/// </summary>
public sealed class Trainer : IEpochDriver
{
    private readonly Generator _shuffle;
    private readonly CrossEntropyLoss _loss;
    private Tensor? _x;
    private int[]? _y;
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
    public double LearningRate
    {
        get => Optimizer.LearningRate;
        set => Optimizer.LearningRate = (float)value;
    }

    /// <summary>
    /// Trains for up to <paramref name="epochs"/> epochs on (<paramref name="x"/>, <paramref name="y"/>), validating on
    /// (<paramref name="xVal"/>, <paramref name="yVal"/>) after each epoch when given. See <see cref="TrainingLoop.Run"/>
    /// for early stopping, schedules, progress and cancellation. Within-epoch <see cref="TrainingProgress"/> goes to
    /// <see cref="TrainerOptions.BatchProgress"/>, or to <paramref name="progress"/> when it also implements
    /// <c>IProgress&lt;TrainingProgress&gt;</c>; a cancelled token stops at the next batch boundary and the history
    /// holds the finished epochs (<see cref="TrainingHistory.Cancelled"/>).
    /// </summary>
    /// <exception cref="ArgumentException">Sample counts and label counts differ, or validation inputs come without labels.</exception>
    public TrainingHistory Fit(Tensor x, IReadOnlyList<int> y, Tensor? xVal = null, IReadOnlyList<int>? yVal = null, int epochs = 10,
        EarlyStopping? earlyStopping = null, ILearningRateSchedule? schedule = null, IProgress<EpochReport>? progress = null,
        CancellationToken cancellationToken = default)
    {
        CheckData(x, y, nameof(x));
        if ((xVal is null) != (yVal is null)) throw new ArgumentException("give both validation inputs and labels, or neither", nameof(yVal));
        if (xVal is not null) CheckData(xVal, yVal!, nameof(xVal));
        _x = x;
        _y = y.ToArray();
        _xVal = xVal;
        _yVal = yVal?.ToArray();
        try
        {
            return TrainingLoop.Run(this, epochs, earlyStopping, schedule, progress, cancellationToken,
                Options.BatchProgress, Options.ProgressInterval, Options.TimeProvider);
        }
        finally
        {
            _x = _xVal = null;
            _y = _yVal = null;
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
        var x = _x ?? throw new InvalidOperationException("no training data; call Fit");
        var y = _y!;
        int n = y.Length, bs = Options.BatchSize, batches = (n + bs - 1) / bs;
        int[] order = Options.Shuffle ? _shuffle.Permutation(n) : Enumerable.Range(0, n).ToArray();
        Model.Train();
        double lossSum = 0;
        int correct = 0;
        for (int start = 0; start < n; start += bs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int b = Math.Min(bs, n - start);
            using var scope = Torch.NewDisposeScope();
            var (xb, yb) = Batches.Gather(x, y, order.AsSpan(start, b));
            Optimizer.ZeroGrad();
            var logits = Model.Forward(xb);
            var loss = _loss.Forward(logits, yb);
            if (Options.L2 > 0) loss = loss + Regularization.L2(Options.L2, Model);
            loss.Backward();
            Optimizer.Step();
            lossSum += loss.Item() * b;
            var pred = logits.Argmax(1);
            for (int i = 0; i < b; i++) if (pred[i] == yb[i]) correct++;
            int seen = start + b;
            onBatch?.Invoke(new BatchStep(start / bs + 1, batches, seen, n, lossSum / seen, (double)correct / seen));
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
            int n = y.Length, bs = Options.EvalBatchSize;
            double lossSum = 0;
            int correct = 0;
            for (int start = 0; start < n; start += bs)
            {
                cancellationToken.ThrowIfCancellationRequested();
                int b = Math.Min(bs, n - start);
                using var scope = Torch.NewDisposeScope();
                var (xb, yb) = Batches.Slice(x, y, start, b);
                var logits = Model.Forward(xb);
                lossSum += _loss.Forward(logits, yb).Item() * b;
                var pred = logits.Argmax(1);
                for (int i = 0; i < b; i++) if (pred[i] == yb[i]) correct++;
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
