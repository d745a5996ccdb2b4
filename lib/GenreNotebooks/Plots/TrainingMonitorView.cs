namespace GenreNotebooks.Plots;

/// <summary>What a <see cref="TrainingMonitor"/> shows.</summary>
public enum TrainingMonitorView
{
    /// <summary>The training curves, with the title and the live status line above them (a <see cref="Figure"/>).</summary>
    Figure,

    /// <summary>Plain text: the title and the live status line (a string), for when no figure is wanted.</summary>
    Text,
}
