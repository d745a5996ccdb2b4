using GenreNotebooks.Datasets;

namespace GenreNotebooks.Models;

/// <summary>
/// One mean and one standard deviation over every value of the training clips' log-mel spectrograms (dB), used to
/// bring the network's inputs to about zero mean and unit spread: <c>(x - Mean) / Std</c>. A single pair, not one per
/// pixel, so the spectrogram's shape is untouched; fitted on training clips only and stored with the model so a
/// classified song is scaled the same way. (UCT's per-image ImageNet-style normalisation made things worse; this
/// global scaling only keeps dB values of -80..40 from saturating the first layer.)
/// Fitted by <see cref="MelNetworkTraining"/>.
/// Taught in notebooks/06-architecture-sweep-and-tuning.
/// </summary>
/// <param name="Mean">Mean dB value of the training clips.</param>
/// <param name="Std">Population standard deviation of those values (1 when they are constant).</param>
public sealed record MelScaling(float Mean, float Std)
{
    /// <summary>No scaling (mean 0, std 1).</summary>
    public static MelScaling Identity { get; } = new(0f, 1f);

    /// <summary>Mean and standard deviation of all values of <paramref name="training"/>, accumulated in float64.</summary>
    /// <exception cref="ArgumentException">The set has no clips.</exception>
    public static MelScaling Fit(MelClipSet training)
    {
        ArgumentNullException.ThrowIfNull(training);
        if (training.Count == 0) throw new ArgumentException("no training clips to fit the input scaling on", nameof(training));
        double sum = 0, sumSq = 0;
        foreach (float v in training.Data)
        {
            sum += v;
            sumSq += (double)v * v;
        }
        double n = training.Data.Length, mean = sum / n;
        double std = Math.Sqrt(Math.Max(0, sumSq / n - mean * mean));
        return new MelScaling((float)mean, std > 1e-6 ? (float)std : 1f);
    }
}
