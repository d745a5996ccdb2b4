using GenreNotebooks.Nn.Optim;
using GenreNotebooks.Training;

namespace GenreNotebooks.Tests.Training;

/// <summary>The training loop steps the engine's PyTorch-shaped schedulers once per epoch, after validation.</summary>
public class ScheduleTests
{
    [Fact]
    public void StepLR_divides_by_ten_every_ten_epochs_like_pytorch()
    {
        var driver = ScriptedDriver.Losses(new double[25]);
        TrainingLoop.Run(driver, 25, scheduler: new StepLR(driver.Optimizer, 10, 0.1f));
        for (int e = 0; e < 25; e++)
            Assert.Equal(Math.Pow(0.1, e / 10), driver.RatesSeen[e], 6);
    }

    [Fact]
    public void HalveEvery_halves_after_each_block_of_epochs()
    {
        var driver = ScriptedDriver.Losses(new double[30]);
        TrainingLoop.Run(driver, 30, scheduler: StepLR.HalveEvery(driver.Optimizer, 10));
        Assert.Equal(1.0, driver.RatesSeen[9]);
        Assert.Equal(0.5, driver.RatesSeen[10]);
        Assert.Equal(0.25, driver.RatesSeen[20]);
    }

    [Fact]
    public void Exponential_multiplies_every_epoch()
    {
        var driver = ScriptedDriver.Losses(new double[4]);
        TrainingLoop.Run(driver, 4, scheduler: new ExponentialLR(driver.Optimizer, 0.5f));
        Assert.Equal([1.0, 0.5, 0.25, 0.125], driver.RatesSeen);
    }

    [Fact]
    public void Plateau_reduces_after_more_than_patience_bad_epochs_pytorch_counting()
    {
        // Epochs 3 and 4 are bad; with patience 1 the second bad epoch triggers the reduction (used from epoch 5).
        var driver = ScriptedDriver.Losses(1.0, 0.9, 0.95, 0.96, 0.97, 0.8);
        TrainingLoop.Run(driver, 6, scheduler: new ReduceLROnPlateau(driver.Optimizer, factor: 0.5f, patience: 1));
        Assert.Equal([1.0, 1.0, 1.0, 1.0, 0.5, 0.5], driver.RatesSeen);
    }

    [Fact]
    public void Keras_plateau_with_patience_one_reduces_after_each_bad_epoch_as_in_the_BU_paper()
    {
        var driver = ScriptedDriver.Losses(1.0, 0.9, 0.95, 0.96, 0.97, 0.8);
        TrainingLoop.Run(driver, 6, scheduler: ReduceLROnPlateau.Keras(driver.Optimizer, 0.8f, 1));
        Assert.Equal(1.0, driver.RatesSeen[2]);
        Assert.Equal(0.8, driver.RatesSeen[3], 6);
        Assert.Equal(0.64, driver.RatesSeen[4], 6);
        Assert.Equal(0.512, driver.RatesSeen[5], 6);
    }

    [Fact]
    public void Keras_min_delta_is_absolute_a_tiny_improvement_is_still_a_bad_epoch()
    {
        var driver = ScriptedDriver.Losses(1.0, 0.99995, 0.9);
        TrainingLoop.Run(driver, 3, scheduler: ReduceLROnPlateau.Keras(driver.Optimizer, 0.5f, 1));
        Assert.Equal([1.0, 1.0, 0.5], driver.RatesSeen);
    }

    [Fact]
    public void Plateau_can_watch_validation_accuracy_and_respects_cooldown_and_floor()
    {
        double[] acc = [0.5, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6];
        var driver = ScriptedDriver.Accuracies(acc);
        var plateau = new ReduceLROnPlateau(driver.Optimizer, mode: "max", factor: 0.1f, patience: 0, cooldown: 1, minLr: 0.005f);
        TrainingLoop.Run(driver, acc.Length, scheduler: plateau, plateauMetric: MonitoredMetric.ValAccuracy);
        // epoch 3 bad -> reduce; epoch 4 in cooldown; epoch 5 bad -> reduce; 6 cooldown; 7 bad -> floor 0.005.
        Assert.Equal([1.0, 1.0, 1.0, 0.1, 0.1, 0.01, 0.01], driver.RatesSeen.Select(x => Math.Round(x, 6)));
        Assert.Equal(0.005, driver.LearningRate, 6);
    }

    [Fact]
    public void A_plateau_scheduler_without_validation_data_stops_with_a_clear_message()
    {
        var driver = new ScriptedDriver([1, 1], [0, 0], hasValidation: false);
        var e = Assert.Throws<InvalidOperationException>(() => TrainingLoop.Run(driver, 2, scheduler: new ReduceLROnPlateau(driver.Optimizer)));
        Assert.Contains("no validation data", e.Message);
        Assert.Throws<InvalidOperationException>(() => new ReduceLROnPlateau(driver.Optimizer).Step());
    }

    [Fact]
    public void Continuing_a_run_numbers_epochs_on_and_keeps_the_schedulers_count()
    {
        var driver = ScriptedDriver.Losses(new double[6]);
        var step = new StepLR(driver.Optimizer, 4, 0.5f);
        var first = TrainingLoop.Run(driver, 3, scheduler: step);
        var second = TrainingLoop.Run(driver, 6, scheduler: step, initialEpoch: 3);
        Assert.Equal([1, 2, 3], first.Epochs.Select(e => e.Epoch));
        Assert.Equal([4, 5, 6], second.Epochs.Select(e => e.Epoch));
        Assert.Equal([1.0, 1.0, 1.0, 1.0, 0.5, 0.5], driver.RatesSeen);
        Assert.Throws<ArgumentOutOfRangeException>(() => TrainingLoop.Run(driver, 3, initialEpoch: 3));
    }

    [Fact]
    public void Every_scheduler_is_an_LRScheduler_of_its_optimizer_so_recipes_and_loops_take_any_of_them()
    {
        var driver = ScriptedDriver.Losses(new double[3]);
        LRScheduler[] all = [new StepLR(driver.Optimizer, 1, 0.5f), new ExponentialLR(driver.Optimizer, 0.5f), new ReduceLROnPlateau(driver.Optimizer)];
        Assert.All(all, s => Assert.Same(driver.Optimizer, s.Optimizer));
        all[0].Step();
        Assert.Equal((1, 0.5f), (all[0].LastEpoch, all[0].LastLearningRate));
    }

    [Fact]
    public void Schedulers_refuse_bad_settings()
    {
        var opt = new SGD([new GenreNotebooks.Nn.Tensor(new float[1], 1)], 1f);
        Assert.Throws<ArgumentOutOfRangeException>(() => new StepLR(opt, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReduceLROnPlateau(opt, factor: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExponentialLR(opt, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReduceLROnPlateau.Keras(opt, 0.5f, 0));
    }
}
