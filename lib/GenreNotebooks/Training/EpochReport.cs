namespace GenreNotebooks.Training;

/// <summary>
/// What one epoch of training produced (one row of Keras' <c>History.history</c>, one line of PyTorch's usual
/// training printout). Sent through <see cref="IProgress{T}"/> after every epoch: the notebooks show it as a live
/// table, the CLI as a console line.
/// Taught in notebooks/04-feature-networks-and-cross-validation.
/// </summary>
/// <param name="Epoch">1-based epoch number.</param>
/// <param name="TotalEpochs">The planned number of epochs (early stopping may end sooner).</param>
/// <param name="TrainLoss">Mean training loss over the epoch's mini-batches (weighted by batch size).</param>
/// <param name="TrainAccuracy">Fraction of training samples classified correctly during the epoch (in training mode, as Keras reports it).</param>
/// <param name="ValLoss">Validation loss after the epoch, or NaN without validation data.</param>
/// <param name="ValAccuracy">Validation accuracy after the epoch, or NaN without validation data.</param>
/// <param name="LearningRate">The learning rate used during this epoch (before the scheduler stepped).</param>
/// <param name="Elapsed">Wall-clock time of the epoch (training and validation).</param>
public sealed record EpochReport(
    int Epoch, int TotalEpochs, double TrainLoss, double TrainAccuracy, double ValLoss, double ValAccuracy,
    double LearningRate, TimeSpan Elapsed)
{
    /// <summary>The value of <paramref name="metric"/> in this report.</summary>
    public double Get(MonitoredMetric metric) => metric switch
    {
        MonitoredMetric.TrainLoss => TrainLoss,
        MonitoredMetric.TrainAccuracy => TrainAccuracy,
        MonitoredMetric.ValLoss => ValLoss,
        MonitoredMetric.ValAccuracy => ValAccuracy,
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "unknown metric"),
    };

    /// <summary>A one-line summary in the style of Keras' progress output, e.g. <c>epoch 3/20  loss 1.2345  acc 0.5600  val_loss ...</c>.</summary>
    public override string ToString()
    {
        var ci = System.Globalization.CultureInfo.InvariantCulture;
        string s = string.Format(ci, "epoch {0}/{1}  loss {2:F4}  acc {3:F4}", Epoch, TotalEpochs, TrainLoss, TrainAccuracy);
        if (!double.IsNaN(ValLoss)) s += string.Format(ci, "  val_loss {0:F4}  val_acc {1:F4}", ValLoss, ValAccuracy);
        return s + string.Format(ci, "  lr {0:G4}  {1:F1}s", LearningRate, Elapsed.TotalSeconds);
    }
}
