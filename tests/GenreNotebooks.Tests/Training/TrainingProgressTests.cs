using GenreNotebooks.Nn.Modules;
using GenreNotebooks.Nn.Optim;
using GenreNotebooks.Training;
using static GenreNotebooks.Tests.Training.TrainingLoopTests;

namespace GenreNotebooks.Tests.Training;

public class TrainingProgressTests
{
    private static ScriptedDriver TimedDriver(ManualClock clock, int epochs, double validationSeconds, bool hasValidation = true) =>
        new(new double[epochs], new double[epochs], hasValidation)
        {
            Clock = clock, Batches = 10, BatchSize = 10, SecondsPerBatch = 0.1, ValidationSeconds = validationSeconds,
        };

    [Fact]
    public void Time_left_is_exact_from_the_second_epoch_at_a_steady_rate_and_off_by_at_most_the_unseen_validation_before()
    {
        var clock = new ManualClock();
        var reports = new List<TrainingProgress>();
        var history = TrainingLoop.Run(TimedDriver(clock, 3, 0.2), 3, batchProgress: new SyncProgress<TrainingProgress>(reports.Add),
            progressInterval: TimeSpan.Zero, timeProvider: clock);
        Assert.Equal(31, reports.Count); // every batch of 3 x 10, then the end of the run
        const double total = 3 * (1.0 + 0.2);
        foreach (var r in reports.Take(30))
        {
            double trulyLeft = total - r.Elapsed.TotalSeconds;
            if (r.Epoch == 1) Assert.InRange(trulyLeft - r.RunTimeLeft.TotalSeconds, 0, 3 * 0.2 + 1e-9);
            else Assert.Equal(trulyLeft, r.RunTimeLeft.TotalSeconds, 6);
        }
        var middle = reports.Single(r => r.Epoch == 2 && r.Batch == 5);
        Assert.Equal(1.7, middle.Elapsed.TotalSeconds, 6);
        Assert.Equal(0.5 + 0.2, middle.EpochTimeLeft.TotalSeconds, 6);
        Assert.Equal(0.5 + 0.2 + 1.2, middle.RunTimeLeft.TotalSeconds, 6);
        Assert.Equal(0.5, reports.Single(r => r.Epoch == 1 && r.Batch == 5).EpochTimeLeft.TotalSeconds, 6); // no validation timed yet
        Assert.All(history.Epochs, e => Assert.Equal(1.2, e.Elapsed.TotalSeconds, 6));
        var last = reports[^1];
        Assert.Equal((TrainingStage.Finished, 3, 10, TimeSpan.Zero), (last.Stage, last.Epoch, last.Batch, last.RunTimeLeft));
        Assert.Equal(total, last.Elapsed.TotalSeconds, 6);
        Assert.Equal(1.0, last.RunFraction);
    }

    [Fact]
    public void Reports_move_forward_through_epochs_batches_samples_and_time()
    {
        var clock = new ManualClock();
        var reports = new List<TrainingProgress>();
        TrainingLoop.Run(TimedDriver(clock, 4, 0.05), 4, batchProgress: new SyncProgress<TrainingProgress>(reports.Add),
            progressInterval: TimeSpan.Zero, timeProvider: clock);
        for (int i = 1; i < reports.Count - 1; i++)
        {
            var (a, b) = (reports[i - 1], reports[i]);
            Assert.True((b.Epoch, b.Batch).CompareTo((a.Epoch, a.Batch)) > 0, $"report {i}: {a} then {b}");
            Assert.True(b.Epoch > a.Epoch || b.SamplesSeen > a.SamplesSeen);
            Assert.True(b.RunFraction > a.RunFraction);
            Assert.True(b.Elapsed > a.Elapsed);
            Assert.Equal(4, b.TotalEpochs);
        }
    }

    [Fact]
    public void Throttled_to_the_first_batch_one_per_interval_and_every_epochs_last_batch()
    {
        var clock = new ManualClock();
        var reports = new List<TrainingProgress>();
        TrainingLoop.Run(TimedDriver(clock, 2, 0, hasValidation: false), 2, batchProgress: new SyncProgress<TrainingProgress>(reports.Add),
            progressInterval: TimeSpan.FromSeconds(0.25), timeProvider: clock);
        // Batches end at 0.1 s steps: reports at 0.1 (first), 0.4, 0.7, 1.0 (epoch end), 1.3, 1.6, 1.9, 2.0 (epoch end), then the end.
        Assert.Equal([(1, 1), (1, 4), (1, 7), (1, 10), (2, 3), (2, 6), (2, 9), (2, 10), (2, 10)], reports.Select(r => (r.Epoch, r.Batch)));
        Assert.Equal(TrainingStage.Finished, reports[^1].Stage);
        Assert.All(reports.SkipLast(1), r => Assert.Equal(TrainingStage.Training, r.Stage));
    }

    [Fact]
    public void Epoch_progress_that_also_takes_batch_progress_gets_both_and_early_stopping_is_the_last_stage()
    {
        var both = new BothProgress();
        var driver = new ScriptedDriver([0.5, 0.6, 0.7, 0.8], new double[4]) { Batches = 3 };
        TrainingLoop.Run(driver, 4, new EarlyStopping(MonitoredMetric.ValLoss, patience: 1), progress: both, progressInterval: TimeSpan.Zero);
        Assert.Equal(2, both.Epochs.Count);
        Assert.Equal(2 * 3 + 1, both.Batches.Count);
        Assert.Equal(TrainingStage.StoppedEarly, both.Batches[^1].Stage);
        Assert.Contains("stopped early", both.Batches[^1].ToString());
    }

    [Fact]
    public void Trainer_reports_batch_and_sample_counts_and_the_last_batch_matches_the_epoch_report()
    {
        var (x, y) = TrainerTests.Blobs(95, 6, 1);
        var reports = new List<TrainingProgress>();
        var model = new Sequential(new Linear(6, 3, generator: new GenreNotebooks.Nn.Generator(2)));
        var trainer = new Trainer(model, new Adam(model.Parameters(), 0.01f), new TrainerOptions
        {
            BatchSize = 10, BatchProgress = new SyncProgress<TrainingProgress>(reports.Add), ProgressInterval = TimeSpan.Zero,
        });
        var history = trainer.Fit(x, y, epochs: 2);
        Assert.Equal(2 * 10 + 1, reports.Count);
        Assert.Equal(Enumerable.Range(1, 10).Concat(Enumerable.Range(1, 10)), reports.Take(20).Select(r => r.Batch));
        Assert.All(reports, r => Assert.Equal((10, 95), (r.TotalBatches, r.TotalSamples)));
        Assert.Equal([10, 20, 90, 95], reports.Take(10).Where(r => r.Batch is 1 or 2 or 9 or 10).Select(r => r.SamplesSeen));
        foreach (var e in history.Epochs)
        {
            var end = reports.Last(r => r.Epoch == e.Epoch && r.Stage == TrainingStage.Training);
            Assert.Equal(e.TrainLoss, end.Loss, 12);
            Assert.Equal(e.TrainAccuracy, end.Accuracy, 12);
        }
    }

    [Fact]
    public void With_the_default_interval_a_fast_run_reports_only_the_first_batch_each_epoch_end_and_the_end()
    {
        var (x, y) = TrainerTests.Blobs(200, 6, 1);
        var reports = new List<TrainingProgress>();
        var model = new Sequential(new Linear(6, 3, generator: new GenreNotebooks.Nn.Generator(2)));
        var clock = new ManualClock(); // time stands still: no interval ever passes
        var trainer = new Trainer(model, new Adam(model.Parameters(), 0.01f), new TrainerOptions
        {
            BatchSize = 8, BatchProgress = new SyncProgress<TrainingProgress>(reports.Add), TimeProvider = clock,
        });
        trainer.Fit(x, y, epochs: 3);
        Assert.Equal([(1, 1), (1, 25), (2, 25), (3, 25), (3, 25)], reports.Select(r => (r.Epoch, r.Batch)));
    }

    [Fact]
    public void Trainer_cancelled_from_the_progress_callback_stops_at_the_next_batch_and_keeps_the_finished_epochs()
    {
        var (x, y) = TrainerTests.Blobs(100, 6, 1);
        using var cts = new CancellationTokenSource();
        var reports = new List<TrainingProgress>();
        var model = new Sequential(new Linear(6, 3, generator: new GenreNotebooks.Nn.Generator(2)));
        var trainer = new Trainer(model, new Adam(model.Parameters(), 0.01f), new TrainerOptions
        {
            BatchSize = 10, ProgressInterval = TimeSpan.Zero,
            BatchProgress = new SyncProgress<TrainingProgress>(p =>
            {
                reports.Add(p);
                if (p is { Epoch: 2, Batch: 3 }) cts.Cancel();
            }),
        });
        var epochs = new List<EpochReport>();
        var history = trainer.Fit(x, y, epochs: 5, progress: new SyncProgress<EpochReport>(epochs.Add), cancellationToken: cts.Token);
        Assert.True(history.Cancelled);
        Assert.Single(history.Epochs);
        Assert.Single(epochs);
        Assert.Equal((2, 3, TrainingStage.Training), (reports[^2].Epoch, reports[^2].Batch, reports[^2].Stage));
        Assert.Equal((2, 3, TrainingStage.Cancelled), (reports[^1].Epoch, reports[^1].Batch, reports[^1].Stage));
        Assert.Equal(10 + 3 + 1, reports.Count);
    }

    [Fact]
    public void Negative_progress_interval_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TrainerOptions { ProgressInterval = TimeSpan.FromSeconds(-1) }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => TrainingLoop.Run(ScriptedDriver.Losses(1), 1, progressInterval: TimeSpan.FromSeconds(-1)));
    }

    [Theory]
    [InlineData(7.4, "0:07")]
    [InlineData(754, "12:34")]
    [InlineData(3723, "1:02:03")]
    [InlineData(-3, "0:00")]
    public void Durations_print_as_minutes_and_seconds(double seconds, string expected) =>
        Assert.Equal(expected, TrainingProgress.FormatDuration(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void One_line_marks_the_time_left_as_an_estimate()
    {
        var p = new TrainingProgress(TrainingStage.Training, 3, 20, 13, 50, 416, 1600, 1.23456, 0.56, TimeSpan.FromSeconds(42),
            TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(83));
        Assert.Equal("epoch 3/20  batch 13/50  loss 1.2346  acc 0.5600  0:42 elapsed  ~1:23 left", p.ToString());
        Assert.Equal((2 + 0.26) / 20, p.RunFraction, 12);
    }

    private sealed class BothProgress : IProgress<EpochReport>, IProgress<TrainingProgress>
    {
        public List<EpochReport> Epochs { get; } = [];
        public List<TrainingProgress> Batches { get; } = [];
        public void Report(EpochReport value) => Epochs.Add(value);
        public void Report(TrainingProgress value) => Batches.Add(value);
    }
}
