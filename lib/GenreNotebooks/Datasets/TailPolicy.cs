namespace GenreNotebooks.Datasets;

/// <summary>
/// What happens to the end of a track shorter than a whole clip.
/// Taught in notebooks/02-building-the-datasets.
/// </summary>
public enum TailPolicy
{
    /// <summary>Drop it (default): a 29.98-s GTZAN track gives 9 whole 3-s clips, a 30.0-s track 10.</summary>
    Drop,
    /// <summary>Keep it as a last clip padded with zeros (silence) to the full length.</summary>
    Pad,
}
