namespace GenreNotebooks.Datasets;

/// <summary>
/// How clips are assigned to train/validation/test.
/// </summary>
public enum SplitKind
{
    /// <summary>All clips of a track go to the same part (the right way: no song on both sides).</summary>
    GroupedByTrack,
    /// <summary>
    /// Clips assigned independently of their track: clips of one song land in train and test, so test accuracy
    /// measures recognising songs, not genres (how the DTU paper's 91.5% and "100%" arise). For showing the leak only.
    /// </summary>
    ClipLevelLeaky,
}
