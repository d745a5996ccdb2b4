using GenreNotebooks.Plots;
using GenreNotebooks.Tests.Training;
using GenreNotebooks.Training;

namespace GenreNotebooks.Tests.Plots;

public class TrainingMonitorTests
{
    private static EpochReport Epoch(int e) => new(e, 3, 1.0 / e, 0.3 * e, 0.9, 0.5, 0.001, TimeSpan.FromSeconds(10));

    private static TrainingProgress Batch(int epoch, int batch, TrainingStage stage = TrainingStage.Training) =>
        new(stage, epoch, 3, batch, 10, batch * 8, 80, 0.75, 0.625, TimeSpan.FromSeconds(10 * (epoch - 1) + batch),
            TimeSpan.FromSeconds(10 - batch), TimeSpan.FromSeconds(65));

    [Fact]
    public void Status_line_above_the_curves_follows_the_batches_and_keeps_the_last_validation_accuracy()
    {
        var shown = new List<object>();
        var clock = new ManualClock();
        var monitor = new TrainingMonitor(shown.Add, "run A", timeProvider: clock);
        monitor.Report(Epoch(1));
        clock.Advance(TimeSpan.FromSeconds(1));
        monitor.Report(Batch(2, 4));
        Assert.Equal("epoch 2/3 · batch 4/10 · loss 0.750 · acc 62.5% · val acc 50.0% (epoch 1) · 0:14 elapsed · about 1:05 left", monitor.Status);
        var title = (string)((Figure)shown[^1]).Layout["title"]!["text"]!;
        Assert.StartsWith("run A<br>", title);
        Assert.Contains(monitor.Status, title);
        Assert.Single(((Figure)shown[^1]).Data, t => (string)t!["name"]! == "train" && (bool)t["showlegend"]!); // curves of epoch 1 kept
        monitor.Report(Epoch(2));
        Assert.StartsWith("epoch 2/3 · loss 0.500 · acc 60.0% · val acc 50.0% ·", monitor.Status);
        monitor.Report(Batch(3, 10) with { Stage = TrainingStage.Finished });
        Assert.EndsWith("finished in 0:30", monitor.Status);
        Assert.Equal(4, shown.Count);
        Assert.All(shown, s => Assert.IsType<Figure>(s));
    }

    [Fact]
    public void Within_epoch_redraws_are_throttled_but_epoch_ends_and_the_end_of_the_run_always_redraw()
    {
        var shown = new List<object>();
        var clock = new ManualClock();
        var monitor = new TrainingMonitor(shown.Add, timeProvider: clock);
        for (int b = 1; b <= 5; b++) monitor.Report(Batch(1, b)); // no time passes: only the first is drawn
        Assert.Single(shown);
        clock.Advance(TimeSpan.FromSeconds(0.5));
        monitor.Report(Batch(1, 6));
        Assert.Equal(2, shown.Count);
        monitor.Report(Epoch(1));
        monitor.Report(Batch(1, 10, TrainingStage.Cancelled));
        Assert.Equal(4, shown.Count);
        Assert.Contains("cancelled after", monitor.Status);
        Assert.Equal(TrainingStage.Cancelled, monitor.LastProgress!.Stage);
    }

    [Fact]
    public void Epoch_reports_alone_estimate_the_time_left_from_the_mean_epoch()
    {
        var monitor = new TrainingMonitor(_ => { });
        monitor.Report(Epoch(1));
        Assert.EndsWith("0:10 elapsed · about 0:20 left", monitor.Status);
        monitor.Reset("B");
        Assert.Equal("", monitor.Status);
        Assert.Null(monitor.LastProgress);
    }

    [Fact]
    public void Text_view_shows_the_title_and_status_as_a_string()
    {
        var shown = new List<object>();
        var monitor = new TrainingMonitor(shown.Add, "run T", TrainingMonitorView.Text);
        monitor.Report(Batch(1, 2));
        var text = Assert.IsType<string>(Assert.Single(shown));
        Assert.Equal(["run T", monitor.Status], text.Split(Environment.NewLine));
        Assert.StartsWith("epoch 1/3 · batch 2/10", monitor.Status);
        Assert.Throws<ArgumentOutOfRangeException>(() => new TrainingMonitor(_ => { }, view: (TrainingMonitorView)7));
    }
}
