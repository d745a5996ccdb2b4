using GenreNotebooks.Nn;
using GenreNotebooks.Nn.Modules;
using GenreNotebooks.Nn.Optim;
using GenreNotebooks.Training;
using GenreNotebooks.Training.Tuning;

namespace GenreNotebooks.Tests.Training.Tuning;

public sealed class TrialTrainingTests
{
    private static readonly (Tensor X, int[] Y) Train = TrainerTests.Blobs(120, 6, 1);
    private static readonly (Tensor X, int[] Y) Val = TrainerTests.Blobs(60, 6, 2);

    private static Trainer NewTrainer(double lr)
    {
        var g = new Generator(7);
        var model = new Sequential(new Linear(6, 12, generator: g), new ReLU(), new Dropout(0.2f, g), new Linear(12, 3, generator: g));
        return new Trainer(model, new Adam(model.Parameters(), (float)lr), new TrainerOptions { BatchSize = 16, Seed = 3 });
    }

    private static TrainingHistory Fit(Trial trial, Trainer trainer, int epochs, LRScheduler? scheduler = null, IProgress<EpochReport>? progress = null) =>
        TrialTraining.Fit(trial, trainer, Train.X, Train.Y, Val.X, Val.Y, epochs, scheduler, progress: progress);

    [Fact]
    public void An_epoch_at_a_time_gives_the_history_of_one_fit_and_reports_every_epoch()
    {
        // The reference: one uninterrupted fit with a plateau schedule (whose state must carry across the epochs).
        var whole = NewTrainer(0.02);
        var expected = whole.Fit(Train.X, Train.Y, Val.X, Val.Y, epochs: 4, scheduler: ReduceLROnPlateau.Keras(whole.Optimizer, 0.5f, 1));

        var study = Study.Create(sampler: new RandomSampler(0), pruner: new NopPruner());
        TrainingHistory? got = null;
        study.Optimize(t =>
        {
            var trainer = NewTrainer(0.02);
            got = Fit(t, trainer, 4, ReduceLROnPlateau.Keras(trainer.Optimizer, 0.5f, 1));
            return got.Epochs[^1].ValLoss;
        }, nTrials: 1);

        Assert.Equal(expected.Epochs.Select(e => e.Epoch), got!.Epochs.Select(e => e.Epoch));
        Assert.Equal(expected.TrainLoss, got.TrainLoss);
        Assert.Equal(expected.ValLoss, got.ValLoss);
        Assert.Equal(expected.LearningRate, got.LearningRate);
        var trial = study.Trials[0];
        Assert.Equal(TrialState.Complete, trial.State);
        Assert.Equal([0, 1, 2, 3], trial.IntermediateValues.Keys);
        Assert.Equal(expected.ValLoss, trial.IntermediateValues.Values);
        Assert.Equal(expected.ValAccuracy[^1], (double)trial.UserAttrs["val_accuracy"]);
        Assert.False(trial.UserAttrs.ContainsKey("val_loss"));   // that is the value itself
    }

    [Fact]
    public void A_trial_worse_than_the_median_after_the_warm_up_is_pruned_after_that_epoch_and_a_better_one_is_not()
    {
        var study = Study.Create(sampler: new RandomSampler(0), pruner: new MedianPruner(nStartupTrials: 1, nWarmupSteps: 1));
        // Trial 0 learns (lr 0.05); trial 1 barely moves (lr 1e-6): worse at every epoch; trial 2 learns like trial 0.
        double[] rates = [0.05, 1e-6, 0.05];
        study.Optimize(t => Fit(t, NewTrainer(rates[t.Number]), 4).Epochs[^1].ValLoss, nTrials: 3);
        var trials = study.Trials;
        Assert.Equal(TrialState.Complete, trials[0].State);
        Assert.Equal(TrialState.Pruned, trials[1].State);
        Assert.Equal([0, 1], trials[1].IntermediateValues.Keys);   // not at step 0 (warm-up), at step 1, before epoch 3
        Assert.Equal(trials[1].IntermediateValues[1], trials[1].Value);
        Assert.Equal(TrialState.Complete, trials[2].State);
        Assert.Equal(4, trials[2].IntermediateValues.Count);
    }

    [Fact]
    public void Cancelling_during_an_epoch_finishes_that_epoch_then_interrupts_the_trial()
    {
        using var cts = new CancellationTokenSource();
        var study = Study.Create(sampler: new RandomSampler(0), pruner: new NopPruner());
        int batchesAfterCancel = 0;
        // Ctrl+C arrives during the second epoch, after its first mini-batch.
        var progress = new Listener(p =>
        {
            if (cts.IsCancellationRequested) batchesAfterCancel++;
            if (p.Epoch == 2 && p.Batch == 1) cts.Cancel();
        });
        Assert.Throws<OperationCanceledException>(() =>
            study.Optimize(t => Fit(t, NewTrainer(0.02), 5, progress: progress).Epochs[^1].ValLoss, nTrials: 3, cancellationToken: cts.Token));
        var trial = Assert.Single(study.Trials);
        Assert.Equal(TrialState.Interrupted, trial.State);
        Assert.Equal([0, 1], trial.IntermediateValues.Keys);   // epoch 2 ran to its end and was reported
        Assert.True(batchesAfterCancel > 0, "the epoch went on after the cancellation");
    }

    [Fact]
    public void Mismatched_direction_or_missing_validation_data_is_refused()
    {
        var max = Study.Create(direction: StudyDirection.Maximize, sampler: new RandomSampler(0), pruner: new NopPruner());
        max.Optimize(t => Fit(t, NewTrainer(0.01), 1).Epochs[^1].ValLoss, nTrials: 1);
        Assert.Equal(TrialState.Fail, max.Trials[0].State);
        Assert.Contains("maximize", max.Trials[0].FailReason);
        Assert.Contains("val_loss", max.Trials[0].FailReason);

        var min = Study.Create(sampler: new RandomSampler(0), pruner: new NopPruner());
        min.Optimize(t => TrialTraining.Fit(t, NewTrainer(0.01), Train.X, Train.Y, null, null, 1).Epochs[^1].ValLoss, nTrials: 1);
        Assert.Contains("needs validation data", min.Trials[0].FailReason);
        // A training metric needs none.
        min.Optimize(t => TrialTraining.Fit(t, NewTrainer(0.01), Train.X, Train.Y, null, null, 2, objective: MonitoredMetric.TrainLoss).Epochs[^1].TrainLoss, nTrials: 1);
        Assert.Equal(TrialState.Complete, min.Trials[1].State);
        Assert.Empty(min.Trials[1].UserAttrs);
    }

    private sealed class Listener(Action<TrainingProgress> onBatch) : IProgress<EpochReport>, IProgress<TrainingProgress>
    {
        public void Report(EpochReport value) { }

        public void Report(TrainingProgress value)
        {
            if (value.Stage == TrainingStage.Training) onBatch(value);
        }
    }
}
