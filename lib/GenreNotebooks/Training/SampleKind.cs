namespace GenreNotebooks.Training;

/// <summary>
/// The three samples of the Göttingen paper (Buchmüller &amp; Gerloff, section 2.3), drawn by <see cref="SequenceSamples"/>.
/// Taught in notebooks/08-timbre-and-pitch-sequences.
/// </summary>
public enum SampleKind
{
    /// <summary>Every track; the split is stratified, so each part has about the genres' proportions of the whole (unbalanced in every part).</summary>
    Unbalanced,

    /// <summary>Every genre randomly downsampled to the smallest genre's size, then one random split of the pooled tracks: balanced overall, slightly unbalanced parts.</summary>
    Downsampled,

    /// <summary>Every genre downsampled to the smallest, and exactly the same number of tracks of each genre in every part (the paper's 880 / 110 / 110 per genre).</summary>
    Balanced,
}
