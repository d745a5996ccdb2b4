namespace GenreNotebooks.Datasets.Synthesis;

/// <summary>
/// A way to play a part (comping style) on an instrument, with its relative probability.
/// </summary>
/// <param name="Style">How the chords are played.</param>
/// <param name="Instrument">The timbre.</param>
/// <param name="Weight">Relative probability.</param>
public readonly record struct PartChoice(CompStyle Style, Instrument Instrument, float Weight);
