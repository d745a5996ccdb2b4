using GenreNotebooks.Training;

namespace GenreNotebooks.Tests.Training;

public class EarlyStoppingTests
{
    [Fact]
    public void Stops_after_patience_epochs_without_improvement_and_restores_the_best_weights()
    {
        var driver = ScriptedDriver.Losses(1.0, 0.8, 0.85, 0.9, 0.7, 0.6);
        var history = TrainingLoop.Run(driver, 6, new EarlyStopping(MonitoredMetric.ValLoss, patience: 2));
        Assert.Equal(4, history.Epochs.Count);
        Assert.Equal(4, history.StoppedEarlyAt);
        Assert.Equal(2, history.RestoredEpoch);
        Assert.Equal(2, driver.Weights);
    }

    [Fact]
    public void Without_restore_the_model_keeps_the_last_epoch_weights()
    {
        var driver = ScriptedDriver.Losses(1.0, 0.8, 0.85, 0.9);
        var history = TrainingLoop.Run(driver, 4, new EarlyStopping(MonitoredMetric.ValLoss, patience: 2, restoreBestWeights: false));
        Assert.Equal(4, history.StoppedEarlyAt);
        Assert.Null(history.RestoredEpoch);
        Assert.Equal(4, driver.Weights);
    }

    [Fact]
    public void Best_weights_are_restored_even_when_all_epochs_ran()
    {
        var driver = ScriptedDriver.Losses(1.0, 0.5, 0.6, 0.7);
        var history = TrainingLoop.Run(driver, 4, new EarlyStopping(MonitoredMetric.ValLoss, patience: 5));
        Assert.Null(history.StoppedEarlyAt);
        Assert.Equal(2, history.RestoredEpoch);
        Assert.Equal(2, driver.Weights);
    }

    [Fact]
    public void Last_epoch_best_needs_no_restore()
    {
        var driver = ScriptedDriver.Losses(1.0, 0.9, 0.8);
        var history = TrainingLoop.Run(driver, 3, new EarlyStopping(MonitoredMetric.ValLoss, patience: 1));
        Assert.Null(history.RestoredEpoch);
        Assert.Equal(3, driver.Weights);
    }

    [Fact]
    public void Gottingen_rule_stops_when_val_accuracy_gains_less_than_one_percent_in_eight_epochs()
    {
        // Best 0.52 at epoch 2; the next 8 epochs creep up by less than 0.01 in total: stop at epoch 10.
        double[] acc = [0.50, 0.52, 0.521, 0.523, 0.524, 0.525, 0.526, 0.527, 0.528, 0.529, 0.60, 0.61];
        var driver = ScriptedDriver.Accuracies(acc);
        var history = TrainingLoop.Run(driver, acc.Length, EarlyStopping.Gottingen());
        Assert.Equal(10, history.StoppedEarlyAt);
        Assert.Equal(2, history.RestoredEpoch);
    }

    [Fact]
    public void Gottingen_rule_continues_when_val_accuracy_gains_one_percent_within_eight_epochs()
    {
        // Epoch 9 reaches 0.535 > 0.52 + 0.01: the wait restarts there, so 12 epochs all run.
        double[] acc = [0.50, 0.52, 0.521, 0.523, 0.524, 0.525, 0.526, 0.527, 0.535, 0.536, 0.537, 0.538];
        var es = EarlyStopping.Gottingen();
        var history = TrainingLoop.Run(ScriptedDriver.Accuracies(acc), acc.Length, es);
        Assert.Null(history.StoppedEarlyAt);
        Assert.Equal(9, es.BestEpoch);
        Assert.Equal(3, es.Wait);
    }

    [Fact]
    public void Gottingen_rule_on_50_validation_tracks_counts_one_more_right_track_but_not_a_flat_run()
    {
        // Accuracies as the trainer computes them (correct / 50): +1 track is +0.02 > 0.01, so the wait restarts;
        // then eight epochs at the same count stop the run, and the best epoch (the first at 27/50) is kept.
        double[] acc = [.. new[] { 25, 26, 27, 27, 27, 27, 27, 27, 27, 27, 27, 30 }.Select(c => c / 50.0)];
        var es = EarlyStopping.Gottingen();
        var history = TrainingLoop.Run(ScriptedDriver.Accuracies(acc), acc.Length, es);
        Assert.Equal(11, history.StoppedEarlyAt);
        Assert.Equal(3, history.RestoredEpoch);
        Assert.Equal(27 / 50.0, es.BestValue);
    }

    [Fact]
    public void Gottingen_rule_measures_the_gain_from_the_best_epoch_so_a_slow_creep_keeps_training()
    {
        // +0.005 per epoch (one track in 200) is below min_delta each time, but the gain is measured from the best
        // epoch, so every second or third epoch beats it by more than 0.01 and the run never stops.
        double[] acc = [.. Enumerable.Range(0, 12).Select(i => (100 + i) / 200.0)];
        var es = EarlyStopping.Gottingen();
        var history = TrainingLoop.Run(ScriptedDriver.Accuracies(acc), acc.Length, es);
        Assert.Null(history.StoppedEarlyAt);
        Assert.InRange(es.BestEpoch, 10, 12);
        Assert.InRange(es.Wait, 0, 2);
    }

    [Fact]
    public void Min_delta_ignores_small_improvements()
    {
        var es = new EarlyStopping(MonitoredMetric.ValLoss, patience: 2, minDelta: 0.1);
        Assert.False(es.Update(Report(1, valLoss: 1.0)));
        Assert.False(es.Update(Report(2, valLoss: 0.95)));   // better, but by less than 0.1
        Assert.True(es.Update(Report(3, valLoss: 0.91)));
        Assert.Equal(1, es.BestEpoch);
        Assert.Equal(3, es.StoppedEpoch);
    }

    [Fact]
    public void Monitoring_validation_without_validation_data_is_refused()
    {
        var driver = new ScriptedDriver([1, 1], [0, 0], hasValidation: false);
        var e = Assert.Throws<InvalidOperationException>(() => TrainingLoop.Run(driver, 2, new EarlyStopping()));
        Assert.Contains("ValLoss", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new EarlyStopping(patience: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new EarlyStopping(minDelta: -1));
    }

    internal static EpochReport Report(int epoch, double valLoss = double.NaN, double valAccuracy = double.NaN) =>
        new(epoch, 100, 0, 0, valLoss, valAccuracy, 0.001, TimeSpan.Zero);
}
