namespace GenreNotebooks.Datasets.Synthesis;

/// <summary>
/// A groove a genre may use, its relative probability, and optionally its own tempo range in bpm
/// (0 = the recipe's range), e.g. rap's trap grooves at 130-160 bpm and boom-bap at 80-100.
/// </summary>
/// <param name="Groove">The drum groove.</param>
/// <param name="Weight">Relative probability.</param>
/// <param name="TempoMin">Lowest tempo in bpm, 0 for the recipe's.</param>
/// <param name="TempoMax">Highest tempo in bpm, 0 for the recipe's.</param>
public readonly record struct GrooveChoice(Groove Groove, float Weight, float TempoMin = 0, float TempoMax = 0);
