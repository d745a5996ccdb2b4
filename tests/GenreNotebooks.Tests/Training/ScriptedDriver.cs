using GenreNotebooks.Training;

namespace GenreNotebooks.Tests.Training;

/// <summary>
/// A fake model: each epoch returns the next scripted metrics; its "weights" are the number of the epoch that last
/// trained it, so a restore is visible. Records the learning rate of every epoch. With a <see cref="Clock"/> it also
/// runs <see cref="Batches"/> fake mini-batches of <see cref="BatchSize"/> samples per epoch, each advancing the clock
/// by <see cref="SecondsPerBatch"/>, and validation advances it by <see cref="ValidationSeconds"/>.
/// </summary>
internal sealed class ScriptedDriver(double[] valLoss, double[] valAccuracy, bool hasValidation = true) : IEpochDriver
{
    private int _epoch;

    public int Weights { get; private set; }
    public List<double> RatesSeen { get; } = [];
    public Action<int>? AfterEpoch { get; init; }

    /// <summary>An optimizer over one dummy parameter, so schedulers have a learning rate to change.</summary>
    public GenreNotebooks.Nn.Optim.SGD Optimizer { get; } = new([new GenreNotebooks.Nn.Tensor(new float[1], 1)], 1f);

    public double LearningRate => Optimizer.LearningRate;
    public ManualClock? Clock { get; init; }
    public int Batches { get; init; } = 1;
    public int BatchSize { get; init; } = 10;
    public double SecondsPerBatch { get; init; }
    public double ValidationSeconds { get; init; }

    public (double Loss, double Accuracy) TrainEpoch(int epoch, Action<BatchStep>? onBatch, CancellationToken cancellationToken)
    {
        for (int b = 1; b <= Batches; b++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Clock?.Advance(TimeSpan.FromSeconds(SecondsPerBatch));
            onBatch?.Invoke(new BatchStep(b, Batches, b * BatchSize, Batches * BatchSize, 1.0 / b, 0.5));
        }
        _epoch = epoch;
        Weights = epoch;
        RatesSeen.Add(LearningRate);
        AfterEpoch?.Invoke(epoch);
        return (valLoss[epoch - 1] * 0.9, valAccuracy[epoch - 1] + 0.05);
    }

    public (double Loss, double Accuracy)? Validate(CancellationToken cancellationToken)
    {
        if (!hasValidation) return null;
        Clock?.Advance(TimeSpan.FromSeconds(ValidationSeconds));
        return (valLoss[_epoch - 1], valAccuracy[_epoch - 1]);
    }

    public object SaveWeights() => Weights;

    public void LoadWeights(object snapshot) => Weights = (int)snapshot;

    public static ScriptedDriver Losses(params double[] losses) => new(losses, losses.Select(l => 1 - l).ToArray());

    public static ScriptedDriver Accuracies(params double[] acc) => new(acc.Select(a => 1 - a).ToArray(), acc);
}
