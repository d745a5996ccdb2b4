namespace GenreNotebooks.Plots;

/// <summary>
/// How a block of matrix cells that a figure draws as one cell is summarised (see <see cref="DisplayLimits"/>).
/// </summary>
public enum DisplayPooling
{
    /// <summary>The block's largest value: short loud events (clicks, onsets) stay visible, as in a peak meter.</summary>
    Max,

    /// <summary>The block's mean: the average level, as a resized image shows it.</summary>
    Mean,
}
