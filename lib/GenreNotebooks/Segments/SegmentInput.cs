namespace GenreNotebooks.Segments;

/// <summary>Which segment sequence a model reads (the paper's c1m1, c1m2 and c2m1 inputs). Taught in notebooks/08-timbre-and-pitch-sequences.</summary>
public enum SegmentInput
{
    /// <summary>Timbre, shape [N, 12, length] (c1m1, a 1D CNN).</summary>
    Timbre,

    /// <summary>Pitch, shape [N, 12, length] (c1m2, a 1D CNN).</summary>
    Pitch,

    /// <summary>Timbre and pitch as two channels, shape [N, 2, 12, length] (c2m1, a 2D CNN).</summary>
    Mixed,
}
