using System.Globalization;

namespace GenreNotebooks.Training;

/// <summary>
/// Progress inside a training run, reported between mini-batches (what Keras' per-batch progress bar and tqdm show):
/// where the run is, the running loss and accuracy of the current epoch, the time so far and an ESTIMATE of the time
/// left. The estimate divides the samples still to train by the training rate measured so far in the run and adds the
/// mean validation time of the finished epochs; it assumes every planned epoch runs, so early stopping may end
/// sooner. <see cref="TrainingLoop"/> sends it throttled (see <see cref="TrainerOptions.ProgressInterval"/>), on the
/// training thread, and once more with the final <see cref="Stage"/> when the run ends.
/// </summary>
/// <param name="Stage">Training, or how the run ended (the last report).</param>
/// <param name="Epoch">1-based epoch in progress (the last one trained, once the run has ended).</param>
/// <param name="TotalEpochs">Planned number of epochs.</param>
/// <param name="Batch">1-based number of the last finished batch of the epoch.</param>
/// <param name="TotalBatches">Batches per epoch.</param>
/// <param name="SamplesSeen">Training samples processed so far in the epoch.</param>
/// <param name="TotalSamples">Training samples per epoch.</param>
/// <param name="Loss">Mean training loss over the epoch's samples so far.</param>
/// <param name="Accuracy">Training accuracy over the epoch's samples so far.</param>
/// <param name="Elapsed">Wall-clock time since the run started.</param>
/// <param name="EpochTimeLeft">Estimated time to the end of this epoch (training and validation); zero once the run has ended.</param>
/// <param name="RunTimeLeft">Estimated time to the end of the last planned epoch; zero once the run has ended.</param>
public sealed record TrainingProgress(
    TrainingStage Stage, int Epoch, int TotalEpochs, int Batch, int TotalBatches, int SamplesSeen, int TotalSamples,
    double Loss, double Accuracy, TimeSpan Elapsed, TimeSpan EpochTimeLeft, TimeSpan RunTimeLeft)
{
    /// <summary>Fraction of the current epoch's samples done, 0..1.</summary>
    public double EpochFraction => TotalSamples == 0 ? 0 : (double)SamplesSeen / TotalSamples;

    /// <summary>Fraction of the planned run done (finished epochs plus the current one's fraction), 0..1.</summary>
    public double RunFraction => Stage == TrainingStage.Finished ? 1 : Math.Clamp((Epoch - 1 + EpochFraction) / TotalEpochs, 0, 1);

    /// <summary>A duration the way progress bars print it: <c>0:07</c>, <c>12:34</c>, <c>1:02:03</c> (rounded to whole seconds).</summary>
    public static string FormatDuration(TimeSpan duration)
    {
        long s = (long)Math.Round(Math.Max(0, duration.TotalSeconds));
        var ci = CultureInfo.InvariantCulture;
        return s >= 3600
            ? string.Format(ci, "{0}:{1:00}:{2:00}", s / 3600, s / 60 % 60, s % 60)
            : string.Format(ci, "{0}:{1:00}", s / 60, s % 60);
    }

    /// <summary>
    /// One line, e.g. <c>epoch 3/20  batch 13/50  loss 1.2345  acc 0.5600  0:42 elapsed  ~1:23 left</c>; the
    /// <c>~</c> marks the estimate. After the run: <c>... finished in 1:05</c>, <c>stopped early</c> or <c>cancelled</c>.
    /// </summary>
    public override string ToString()
    {
        var ci = CultureInfo.InvariantCulture;
        string s = string.Format(ci, "epoch {0}/{1}  batch {2}/{3}  loss {4:F4}  acc {5:F4}  {6} elapsed",
            Epoch, TotalEpochs, Batch, TotalBatches, Loss, Accuracy, FormatDuration(Elapsed));
        return s + Stage switch
        {
            TrainingStage.Training => "  ~" + FormatDuration(RunTimeLeft) + " left",
            TrainingStage.Finished => "  finished",
            TrainingStage.StoppedEarly => "  stopped early",
            _ => "  cancelled",
        };
    }
}
