namespace GenreNotebooks.Datasets.Synthesis;

/// <summary>
/// The kind of drum kit a track uses.
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
