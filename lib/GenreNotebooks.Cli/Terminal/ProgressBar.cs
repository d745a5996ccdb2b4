using System.Globalization;
using System.Text;
using GenreNotebooks.Training;

namespace GenreNotebooks.Cli.Terminal;

/// <summary>
/// Renders a <see cref="TrainingProgress"/> as one console line, the way Keras and tqdm draw a training bar:
/// <c>epoch 3/20 [########------------] 13/50  loss 1.2346  acc 0.5600  ~1:23 left</c>. The bar is the current
/// epoch's fraction of samples; the time left is an estimate for the whole run. A pure function of its inputs.
/// </summary>
public static class ProgressBar
{
    /// <summary>Longest bar drawn, in characters between the brackets.</summary>
    public const int MaxBarWidth = 40;

    /// <summary>Shortest bar drawn; with less room the line has no bar.</summary>
    public const int MinBarWidth = 10;

    /// <summary>
    /// The line for <paramref name="progress"/>, at most <paramref name="width"/> characters (pass one less than the
    /// terminal's width, so the cursor does not wrap), starting with <paramref name="prefix"/> (e.g. <c>fold 2/5 </c>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="width"/> below 1.</exception>
    public static string Render(TrainingProgress progress, int width, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        var ci = CultureInfo.InvariantCulture;
        string left = string.Format(ci, "{0}epoch {1}/{2} ", prefix, progress.Epoch, progress.TotalEpochs);
        string right = string.Format(ci, " {0}/{1}  loss {2:F4}  acc {3:F4}  ~{4} left", progress.Batch, progress.TotalBatches,
            progress.Loss, progress.Accuracy, TrainingProgress.FormatDuration(progress.RunTimeLeft));
        int room = Math.Min(MaxBarWidth, width - left.Length - right.Length - 2);
        var line = new StringBuilder(left);
        if (room >= MinBarWidth)
        {
            int filled = (int)Math.Floor(Math.Clamp(progress.EpochFraction, 0, 1) * room);
            line.Append('[').Append('#', filled).Append('-', room - filled).Append(']');
        }
        line.Append(right);
        return line.Length <= width ? line.ToString() : line.ToString(0, width);
    }
}
