namespace GenreNotebooks.Datasets.Synthesis;

/// <summary>
/// The kind of drum kit a track uses.
/// Taught in notebooks/02-building-the-datasets (what the synthetic generator chose for a track).
/// </summary>
public enum DrumSound
{
    /// <summary>Acoustic kit: short kick, snare with rattle, tight hats.</summary>
    Acoustic,
    /// <summary>Drum machine (808/909): long tuned kick, clap, bright hats.</summary>
    Electronic,
    /// <summary>Jazz brushes: soft, long snare swishes.</summary>
    Brushes,
}
