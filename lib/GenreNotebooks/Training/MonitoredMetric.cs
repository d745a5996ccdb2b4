namespace GenreNotebooks.Training;

/// <summary>
/// A per-epoch metric that early stopping and ReduceLROnPlateau can watch (Keras' <c>monitor="val_loss"</c> etc.).
/// Losses improve downwards, accuracies upwards.
/// </summary>
public enum MonitoredMetric
{
    /// <summary>Validation loss (Keras <c>val_loss</c>); lower is better.</summary>
    ValLoss,

    /// <summary>Validation accuracy (Keras <c>val_accuracy</c>); higher is better.</summary>
    ValAccuracy,

    /// <summary>Training loss (Keras <c>loss</c>); lower is better.</summary>
    TrainLoss,

    /// <summary>Training accuracy (Keras <c>accuracy</c>); higher is better.</summary>
    TrainAccuracy,
}

/// <summary>Helpers on <see cref="MonitoredMetric"/>.</summary>
public static class MonitoredMetricExtensions
{
    /// <summary>True for the accuracies (higher is better), false for the losses.</summary>
    public static bool HigherIsBetter(this MonitoredMetric metric) =>
        metric is MonitoredMetric.ValAccuracy or MonitoredMetric.TrainAccuracy;

    /// <summary>Keras' name of the metric: <c>val_loss</c>, <c>val_accuracy</c>, <c>loss</c>, <c>accuracy</c>.</summary>
    public static string KerasName(this MonitoredMetric metric) => metric switch
    {
        MonitoredMetric.ValLoss => "val_loss",
        MonitoredMetric.ValAccuracy => "val_accuracy",
        MonitoredMetric.TrainLoss => "loss",
        MonitoredMetric.TrainAccuracy => "accuracy",
        _ => metric.ToString(),
    };

    /// <summary>True for the metrics that need validation data.</summary>
    public static bool NeedsValidation(this MonitoredMetric metric) =>
        metric is MonitoredMetric.ValAccuracy or MonitoredMetric.ValLoss;
}
