using GenreNotebooks.Training;

namespace GenreNotebooks.Tests.Training;

public class TrainingLoopTests
{
    [Fact]
    public void Reports_every_epoch_through_progress_and_history()
    {
        var driver = ScriptedDriver.Losses(0.9, 0.7, 0.5);
        var reports = new List<EpochReport>();
        var history = TrainingLoop.Run(driver, 3, progress: new SyncProgress<EpochReport>(reports.Add));
        Assert.Equal([1, 2, 3], reports.Select(r => r.Epoch));
        Assert.Equal([0.9, 0.7, 0.5], history.ValLoss);
        Assert.Equal(0.5, history.Best(MonitoredMetric.ValLoss)!.ValLoss);
        Assert.Equal(3, history.Best(MonitoredMetric.ValAccuracy)!.Epoch);
        Assert.StartsWith("epoch,loss,accuracy,val_loss,val_accuracy,lr,seconds\n1,", history.ToCsv());
        Assert.Contains("val_loss 0.5000", reports[2].ToString());
    }

    [Fact]
    public void Cancellation_between_epochs_returns_the_finished_epochs()
    {
        using var cts = new CancellationTokenSource();
        var driver = new ScriptedDriver(new double[10], new double[10]) { AfterEpoch = e => { if (e == 2) cts.Cancel(); } };
        var history = TrainingLoop.Run(driver, 10, cancellationToken: cts.Token);
        Assert.True(history.Cancelled);
        Assert.Equal(2, history.Epochs.Count);
    }

    /// <summary>Progress that reports synchronously (Progress&lt;T&gt; posts to the thread pool).</summary>
    internal sealed class SyncProgress<T>(Action<T> action) : IProgress<T>
    {
        public void Report(T value) => action(value);
    }
}
