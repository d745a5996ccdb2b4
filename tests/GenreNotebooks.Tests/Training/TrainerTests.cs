using System.Diagnostics;
using GenreNotebooks.Evaluation;
using GenreNotebooks.Models;
using GenreNotebooks.Nn;
using GenreNotebooks.Nn.Modules;
using GenreNotebooks.Nn.Optim;
using GenreNotebooks.Training;
using Xunit.Abstractions;

namespace GenreNotebooks.Tests.Training;

public class TrainerTests(ITestOutputHelper output)
{
    /// <summary>
    /// Separable synthetic "features": 3 classes, each a Gaussian blob (sd 1) around its own centre (distance about 4)
    /// in <paramref name="dim"/> dimensions; shape (N, dim) or (N, 1, dim) with <paramref name="channelAxis"/>.
    /// </summary>
    internal static (Tensor X, int[] Y) Blobs(int n, int dim, ulong seed, bool channelAxis = false) =>
        Blobs(Enumerable.Range(0, n).Select(i => i % 3).ToArray(), dim, seed, channelAxis);

    /// <summary>One sample per label: a Gaussian blob (sd 1) around the label's centre (centres drawn with sd 1.5, fixed seed).</summary>
    internal static (Tensor X, int[] Y) Blobs(int[] labels, int dim, ulong seed, bool channelAxis = false)
    {
        var centres = new Generator(1234);
        var mu = new float[3, dim];
        for (int c = 0; c < 3; c++)
            for (int d = 0; d < dim; d++) mu[c, d] = (float)(1.5 * centres.NextGaussian());
        var g = new Generator(seed);
        int n = labels.Length;
        var data = new float[n * dim];
        for (int i = 0; i < n; i++)
            for (int d = 0; d < dim; d++) data[i * dim + d] = mu[labels[i], d] + (float)g.NextGaussian();
        return (channelAxis ? new Tensor(data, n, 1, dim) : new Tensor(data, n, dim), labels);
    }

    private static Sequential SmallMlp(int dim, ulong seed)
    {
        var g = new Generator(seed);
        return new Sequential(new Linear(dim, 16, generator: g), new ReLU(), new Linear(16, 3, generator: g));
    }

    [Fact]
    public void Small_mlp_reaches_95_percent_validation_accuracy_on_separable_blobs_in_seconds()
    {
        var (x, y) = Blobs(300, 10, 1);
        var (xv, yv) = Blobs(150, 10, 2);
        var model = SmallMlp(10, 3);
        var trainer = new Trainer(model, new Adam(model.Parameters(), 0.01f), new TrainerOptions { BatchSize = 32, Seed = 4 });
        var clock = Stopwatch.StartNew();
        var history = trainer.Fit(x, y, xv, yv, epochs: 15);
        output.WriteLine($"{clock.ElapsedMilliseconds} ms; last epoch: {history.Epochs[^1]}");
        Assert.True(history.ValAccuracy[^1] >= 0.95, $"val accuracy {history.ValAccuracy[^1]:P1}");
        Assert.True(history.TrainLoss[^1] < history.TrainLoss[0] / 2, "training loss should fall");
        Assert.Equal(history.ValAccuracy[^1], Metrics.Accuracy(yv, trainer.Predict(xv)), 12);
        var p = trainer.PredictProbabilities(xv);
        Assert.Equal((150, 3), (p.Rows, p.Cols));
        Assert.Equal(1f, p.Row(0)[0] + p.Row(0)[1] + p.Row(0)[2], 5);
    }

    [Fact]
    public void Features_1d_cnn_with_its_papers_recipe_learns_separable_features()
    {
        var (x, y) = Blobs(240, 24, 5, channelAxis: true);
        var (xv, yv) = Blobs(120, 24, 6, channelAxis: true);
        var spec = ModelCatalog.Get("features-1d-cnn");
        var model = spec.Build([1, 24], 3, seed: 7);
        var clock = Stopwatch.StartNew();
        var history = RecipeTraining.Fit(spec.Recipe with { Epochs = 12 }, model, x, y, xv, yv, seed: 8);
        output.WriteLine($"{clock.ElapsedMilliseconds} ms; {history.Epochs[^1]}");
        Assert.True(history.ValAccuracy[^1] >= 0.9, $"val accuracy {history.ValAccuracy[^1]:P1}");
        Assert.Equal(0.001, history.LearningRate[9], 9);      // epochs 1-10 at the initial rate
        Assert.Equal(0.0005, history.LearningRate[10], 9);    // halved after 10 epochs
    }

    [Fact]
    public void Restored_weights_give_the_best_validation_loss_seen()
    {
        // Few noisy samples and a large learning rate: validation loss bounces, so the best epoch is rarely the last.
        var (x, y) = Blobs(60, 10, 11);
        var (xv, yv) = Blobs(60, 10, 12);
        var model = SmallMlp(10, 13);
        var trainer = new Trainer(model, new SGD(model.Parameters(), 0.5f, 0.9f), new TrainerOptions { BatchSize = 8, Seed = 14 });
        var history = trainer.Fit(x, y, xv, yv, epochs: 12, earlyStopping: new EarlyStopping(MonitoredMetric.ValLoss, patience: 4));
        var best = history.Best(MonitoredMetric.ValLoss)!;
        output.WriteLine($"best epoch {best.Epoch}, restored {history.RestoredEpoch}, stopped {history.StoppedEarlyAt}");
        Assert.Equal(best.ValLoss, trainer.Evaluate(xv, yv).Loss, 5);
    }

    [Fact]
    public void Same_seeds_give_the_same_history()
    {
        TrainingHistory Run()
        {
            var (x, y) = Blobs(90, 6, 21);
            var model = SmallMlp(6, 22);
            var trainer = new Trainer(model, new Adam(model.Parameters(), 0.01f), new TrainerOptions { BatchSize = 16, Seed = 23 });
            return trainer.Fit(x, y, x, y, epochs: 3);
        }
        Assert.Equal(Run().TrainLoss, Run().TrainLoss);
    }

    [Fact]
    public void Class_weights_and_l2_change_the_loss()
    {
        var (x, y) = Blobs(30, 4, 31);
        double FirstLoss(TrainerOptions o)
        {
            var model = SmallMlp(4, 32);
            return new Trainer(model, new SGD(model.Parameters(), 0f), o).Fit(x, y, epochs: 1).TrainLoss[0];
        }
        double plain = FirstLoss(new TrainerOptions { Shuffle = false });
        Assert.NotEqual(plain, FirstLoss(new TrainerOptions { Shuffle = false, ClassWeights = [3f, 1f, 1f] }), 6);
        Assert.True(FirstLoss(new TrainerOptions { Shuffle = false, L2 = 1f }) > plain);
    }

    [Fact]
    public void Cross_validation_with_the_trainer_validates_every_sample_once()
    {
        // 30 tracks of 3 clips; every clip of track k has class k % 3.
        var tracks = Enumerable.Range(0, 90).Select(i => $"t{i / 3}").ToArray();
        var labels = Enumerable.Range(0, 90).Select(i => (i / 3) % 3).ToArray();
        var (all, _) = Blobs(labels, 8, 41);
        var validated = new int[90];
        var result = CrossValidation.Run(labels, tracks, folds: 3, seed: 43, fold =>
        {
            var model = SmallMlp(8, 44);
            var trainer = new Trainer(model, new Adam(model.Parameters(), 0.02f), new TrainerOptions { Seed = 45 });
            var (xt, yt) = Subset(all, labels, fold.TrainIndices);
            trainer.Fit(xt, yt, epochs: 10);
            foreach (int i in fold.ValidationIndices) validated[i]++;
            Assert.Empty(fold.TrainIndices.Select(i => tracks[i]).Intersect(fold.ValidationIndices.Select(i => tracks[i])));
            return trainer.Predict(Subset(all, labels, fold.ValidationIndices).X);
        }, ["a", "b", "c"]);
        output.WriteLine(result.ToString());
        Assert.Equal(90, result.Confusion.Total);
        Assert.All(validated, v => Assert.Equal(1, v));
        Assert.True(result.MeanAccuracy >= 0.85, $"mean accuracy {result.MeanAccuracy:P1}");
    }

    private static (Tensor X, int[] Y) Subset(Tensor x, int[] y, int[] idx)
    {
        int per = x.Numel / x.Shape[0];
        var d = new float[idx.Length * per];
        for (int i = 0; i < idx.Length; i++) x.AsSpan().Slice(idx[i] * per, per).CopyTo(d.AsSpan(i * per));
        return (new Tensor(d, [idx.Length, .. x.Shape.Skip(1)]), idx.Select(i => y[i]).ToArray());
    }
}

/// <summary>
/// The loop notebook 04 writes by hand and <see cref="Trainer"/> are the same computation: same seed, same network,
/// same data, the same losses, accuracies and learning rates epoch by epoch.
/// </summary>
public class HandWrittenLoopTests
{
    private static Sequential Net()
    {
        // Built from the default generator after Torch.ManualSeed, as the notebooks do.
        return new Sequential(new Linear(10, 32), new ReLU(), new Dropout(0.3f), new Linear(32, 3));
    }

    [Fact]
    public void The_hand_written_loop_and_the_trainer_give_the_same_history()
    {
        var (x, y) = TrainerTests.Blobs(150, 10, 1);
        var (xv, yv) = TrainerTests.Blobs(60, 10, 2);
        const int epochs = 4;
        const ulong seed = 42;

        // The notebook's loop.
        Torch.ManualSeed(seed);
        var net = Net();
        var loader = new DataLoader(x, y, batchSize: 32, shuffle: true, seed: seed);
        var optimizer = new Adam(net.Parameters(), 0.01f);
        var scheduler = new StepLR(optimizer, stepSize: 2, gamma: 0.5f);
        var lossFn = new CrossEntropyLoss();
        var hand = new List<(double Loss, double Acc, double ValLoss, double ValAcc, double Lr)>();
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            net.Train();
            double lossSum = 0;
            int correct = 0;
            foreach (var (xb, yb) in loader)
            {
                using var scope = Torch.NewDisposeScope();
                optimizer.ZeroGrad();
                var logits = net.Forward(xb);
                var loss = lossFn.Forward(logits, yb);
                loss.Backward();
                optimizer.Step();
                lossSum += loss.Item() * yb.Length;
                correct += Metrics.CountCorrect(logits, yb);
            }
            double lr = optimizer.LearningRate;
            net.Eval();
            double valLossSum = 0;
            int valCorrect = 0;
            using (Torch.NoGrad())
            {
                foreach (var (xb, yb) in new DataLoader(xv, yv, batchSize: 256))
                {
                    using var scope = Torch.NewDisposeScope();
                    var logits = net.Forward(xb);
                    valLossSum += lossFn.Forward(logits, yb).Item() * yb.Length;
                    valCorrect += Metrics.CountCorrect(logits, yb);
                }
            }
            scheduler.Step();
            hand.Add((lossSum / y.Length, (double)correct / y.Length, valLossSum / yv.Length, (double)valCorrect / yv.Length, lr));
        }

        // The same with the Trainer.
        Torch.ManualSeed(seed);
        var net2 = Net();
        var optimizer2 = new Adam(net2.Parameters(), 0.01f);
        var trainer = new Trainer(net2, optimizer2, new TrainerOptions { BatchSize = 32, Seed = seed });
        var history = trainer.Fit(x, y, xv, yv, epochs, scheduler: new StepLR(optimizer2, stepSize: 2, gamma: 0.5f));

        Assert.Equal(hand.Select(h => h.Loss), history.TrainLoss);
        Assert.Equal(hand.Select(h => h.Acc), history.TrainAccuracy);
        Assert.Equal(hand.Select(h => h.ValLoss), history.ValLoss);
        Assert.Equal(hand.Select(h => h.ValAcc), history.ValAccuracy);
        Assert.Equal(hand.Select(h => h.Lr), history.LearningRate);
        Assert.Equal(net.StateDict()["0.weight"].ToArray(), net2.StateDict()["0.weight"].ToArray());
    }

    [Fact]
    public void Fitting_again_continues_training_and_a_scheduler_of_another_optimizer_is_refused()
    {
        var (x, y) = TrainerTests.Blobs(90, 10, 3);
        Torch.ManualSeed(1);
        var net = Net();
        var optimizer = new Adam(net.Parameters(), 0.01f);
        var trainer = new Trainer(net, optimizer, new TrainerOptions { Seed = 2 });
        var step = new StepLR(optimizer, 3, 0.1f);
        var first = trainer.Fit(x, y, epochs: 2, scheduler: step);
        var second = trainer.Fit(x, y, epochs: 4, scheduler: step, initialEpoch: 2);
        Assert.Equal([3, 4], second.Epochs.Select(e => e.Epoch));
        Assert.Equal(0.01, second.LearningRate[0], 6);
        Assert.Equal(0.001, second.LearningRate[1], 6);    // the scheduler's count went on: epoch 4 uses the decayed rate
        Assert.True(second.TrainLoss[^1] < first.TrainLoss[0]);
        var other = new Adam(Net().Parameters(), 0.01f);
        Assert.Throws<ArgumentException>(() => trainer.Fit(x, y, epochs: 1, scheduler: new StepLR(other, 1)));
    }
}
