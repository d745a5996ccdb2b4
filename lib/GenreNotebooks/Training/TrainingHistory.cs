using System.Globalization;

namespace GenreNotebooks.Training;

/// <summary>
/// The per-epoch record of a training run (Keras' <c>History</c>): the reports in order, where training stopped and
/// which epoch's weights the model holds at the end.
/// </summary>
public sealed class TrainingHistory
{
    private readonly List<EpochReport> _epochs = [];

    /// <summary>The epoch reports, in order.</summary>
    public IReadOnlyList<EpochReport> Epochs => _epochs;

    /// <summary>Epoch (1-based) at which early stopping ended training, or null when all planned epochs ran.</summary>
    public int? StoppedEarlyAt { get; internal set; }

    /// <summary>True when training was cancelled through the cancellation token (the history holds the finished epochs).</summary>
    public bool Cancelled { get; internal set; }

    /// <summary>Epoch (1-based) whose weights were restored at the end (restore-best-weights), or null when the model keeps the last epoch's weights.</summary>
    public int? RestoredEpoch { get; internal set; }

    /// <summary>Training loss per epoch.</summary>
    public double[] TrainLoss => _epochs.Select(e => e.TrainLoss).ToArray();

    /// <summary>Training accuracy per epoch.</summary>
    public double[] TrainAccuracy => _epochs.Select(e => e.TrainAccuracy).ToArray();

    /// <summary>Validation loss per epoch (NaN without validation data).</summary>
    public double[] ValLoss => _epochs.Select(e => e.ValLoss).ToArray();

    /// <summary>Validation accuracy per epoch (NaN without validation data).</summary>
    public double[] ValAccuracy => _epochs.Select(e => e.ValAccuracy).ToArray();

    /// <summary>Learning rate per epoch.</summary>
    public double[] LearningRate => _epochs.Select(e => e.LearningRate).ToArray();

    /// <summary>The epoch with the best value of <paramref name="metric"/> (first on ties), or null when there are no epochs.</summary>
    public EpochReport? Best(MonitoredMetric metric)
    {
        EpochReport? best = null;
        foreach (var e in _epochs)
        {
            double v = e.Get(metric);
            if (double.IsNaN(v)) continue;
            if (best is null || (metric.HigherIsBetter() ? v > best.Get(metric) : v < best.Get(metric))) best = e;
        }
        return best;
    }

    /// <summary>A CSV of the history (<c>epoch,loss,accuracy,val_loss,val_accuracy,lr,seconds</c>), the layout of Keras' CSVLogger.</summary>
    public string ToCsv()
    {
        var ci = CultureInfo.InvariantCulture;
        var lines = new List<string> { "epoch,loss,accuracy,val_loss,val_accuracy,lr,seconds" };
        foreach (var e in _epochs)
            lines.Add(string.Join(',', e.Epoch.ToString(ci), e.TrainLoss.ToString("R", ci), e.TrainAccuracy.ToString("R", ci),
                e.ValLoss.ToString("R", ci), e.ValAccuracy.ToString("R", ci), e.LearningRate.ToString("R", ci), e.Elapsed.TotalSeconds.ToString("F3", ci)));
        return string.Join('\n', lines) + "\n";
    }

    internal void Add(EpochReport report) => _epochs.Add(report);
}
