using GenreNotebooks.Training;

namespace GenreNotebooks.Tests.Training;

/// <summary>
/// A fake model: each epoch returns the next scripted metrics; its "weights" are the number of the epoch that last
/// trained it, so a restore is visible. Records the learning rate of every epoch.
/// </summary>
internal sealed class ScriptedDriver(double[] valLoss, double[] valAccuracy, bool hasValidation = true) : IEpochDriver
{
    private int _epoch;

    public int Weights { get; private set; }
    public List<double> RatesSeen { get; } = [];
    public Action<int>? AfterEpoch { get; init; }

    public double LearningRate { get; set; } = 1.0;

    public (double Loss, double Accuracy) TrainEpoch(int epoch, CancellationToken cancellationToken)
    {
        _epoch = epoch;
        Weights = epoch;
        RatesSeen.Add(LearningRate);
        AfterEpoch?.Invoke(epoch);
        return (valLoss[epoch - 1] * 0.9, valAccuracy[epoch - 1] + 0.05);
    }

    public (double Loss, double Accuracy)? Validate(CancellationToken cancellationToken) =>
        hasValidation ? (valLoss[_epoch - 1], valAccuracy[_epoch - 1]) : null;

    public object SaveWeights() => Weights;

    public void LoadWeights(object snapshot) => Weights = (int)snapshot;

    public static ScriptedDriver Losses(params double[] losses) => new(losses, losses.Select(l => 1 - l).ToArray());

    public static ScriptedDriver Accuracies(params double[] acc) => new(acc.Select(a => 1 - a).ToArray(), acc);
}
