namespace GenreNotebooks.Datasets.Synthesis;

/// <summary>
/// How the chord instrument plays the harmony.
/// </summary>
public enum CompStyle
{
    /// <summary>No chords.</summary>
    None,
    /// <summary>Held chords, one per chord change (pads, strings, organ).</summary>
    Sustained,
    /// <summary>Reggae skank: short chords on the off-beats (2 and 4, or every "and").</summary>
    Skank,
    /// <summary>Strummed eighths, down and up, strings slightly spread.</summary>
    Strum,
    /// <summary>Distorted power chords on the kick pattern or continuous sixteenth chugs.</summary>
    PowerChug,
    /// <summary>Broken chords, one note per eighth or sixteenth (classical, pop piano).</summary>
    Arpeggio,
    /// <summary>Short syncopated chord stabs (disco, house).</summary>
    Stabs,
    /// <summary>Latin piano montuno: syncopated octave-and-chord figure.</summary>
    Montuno,
    /// <summary>Jazz comping: sparse, syncopated short chords with extensions.</summary>
    JazzComp,
    /// <summary>Flamenco rasgueado: fast rolled strums on the compás accents.</summary>
    Rasgueado,
}
