using GenreNotebooks.Training;

namespace GenreNotebooks.Tests.Training;

public class ScheduleTests
{
    [Fact]
    public void StepLR_divides_by_ten_every_ten_epochs_like_pytorch()
    {
        var driver = ScriptedDriver.Losses(new double[25]);
        TrainingLoop.Run(driver, 25, schedule: new StepLrSchedule(10, 0.1));
        for (int e = 0; e < 25; e++)
            Assert.Equal(Math.Pow(0.1, e / 10), driver.RatesSeen[e], 12);
    }

    [Fact]
    public void HalveEvery_halves_after_each_block_of_epochs()
    {
        var s = StepLrSchedule.HalveEvery(10);
        double lr = 0.001;
        var seen = new List<double>();
        for (int e = 1; e <= 30; e++)
        {
            seen.Add(lr);
            lr = s.Step(EarlyStoppingTests.Report(e), lr);
        }
        Assert.Equal(0.001, seen[9], 15);
        Assert.Equal(0.0005, seen[10], 15);
        Assert.Equal(0.00025, seen[20], 15);
    }

    [Fact]
    public void Exponential_multiplies_every_epoch()
    {
        var driver = ScriptedDriver.Losses(new double[4]);
        TrainingLoop.Run(driver, 4, schedule: new ExponentialLrSchedule(0.5));
        Assert.Equal([1.0, 0.5, 0.25, 0.125], driver.RatesSeen);
    }

    [Fact]
    public void Plateau_reduces_after_more_than_patience_bad_epochs_pytorch_counting()
    {
        // Epochs 3 and 4 are bad; with patience 1 the second bad epoch triggers the reduction (used from epoch 5).
        var driver = ScriptedDriver.Losses(1.0, 0.9, 0.95, 0.96, 0.97, 0.8);
        TrainingLoop.Run(driver, 6, schedule: new ReduceLrOnPlateauSchedule(MonitoredMetric.ValLoss, factor: 0.5, patience: 1));
        Assert.Equal([1.0, 1.0, 1.0, 1.0, 0.5, 0.5], driver.RatesSeen);
    }

    [Fact]
    public void Keras_plateau_with_patience_one_reduces_after_each_bad_epoch_as_in_the_BU_paper()
    {
        var driver = ScriptedDriver.Losses(1.0, 0.9, 0.95, 0.96, 0.97, 0.8);
        TrainingLoop.Run(driver, 6, schedule: ReduceLrOnPlateauSchedule.Keras(MonitoredMetric.ValLoss, 0.8, 1));
        Assert.Equal(1.0, driver.RatesSeen[2]);
        Assert.Equal(0.8, driver.RatesSeen[3], 12);
        Assert.Equal(0.64, driver.RatesSeen[4], 12);
        Assert.Equal(0.512, driver.RatesSeen[5], 12);
    }

    [Fact]
    public void Plateau_on_accuracy_watches_for_increases_and_respects_cooldown_and_floor()
    {
        var s = new ReduceLrOnPlateauSchedule(MonitoredMetric.ValAccuracy, factor: 0.1, patience: 0, cooldown: 1, minLearningRate: 0.005);
        double lr = 1;
        double[] acc = [0.5, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6];
        var seen = new List<double>();
        for (int e = 0; e < acc.Length; e++)
        {
            seen.Add(lr);
            lr = s.Step(EarlyStoppingTests.Report(e + 1, valAccuracy: acc[e]), lr);
        }
        // epoch 3 bad -> reduce; epoch 4 in cooldown; epoch 5 bad -> reduce; 6 cooldown; 7 bad -> floor 0.005.
        Assert.Equal([1.0, 1.0, 1.0, 0.1, 0.1, 0.01, 0.01], seen.Select(x => Math.Round(x, 12)));
        Assert.Equal(0.005, lr, 12);
    }

    [Fact]
    public void Schedules_refuse_bad_settings()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new StepLrSchedule(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new StepLrSchedule(10, 1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReduceLrOnPlateauSchedule(factor: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExponentialLrSchedule(0));
    }
}
