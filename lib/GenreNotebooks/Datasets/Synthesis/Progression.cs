namespace GenreNotebooks.Datasets.Synthesis;

/// <summary>
/// A named chord progression: one entry per bar (two chords in a bar joined by <c>-</c>) and the scale melodies use.
/// </summary>
public sealed class Progression
{
    /// <summary>Creates a progression from roman numerals, e.g. <c>"I7 I7 I7 I7 IV7 IV7 I7 I7 V7 IV7 I7 V7"</c>.</summary>
    public Progression(string name, string bars, int[] scale)
    {
        Name = name;
        Symbols = bars;
        Scale = scale;
        Bars = bars.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(b => b.Split('-').Select(Chord.Parse).ToArray()).ToArray();
    }

    /// <summary>Name, e.g. "12-bar blues".</summary>
    public string Name { get; }

    /// <summary>The roman numerals as written.</summary>
    public string Symbols { get; }

    /// <summary>Semitones of the melody scale above the tonic.</summary>
    public int[] Scale { get; }

    internal Chord[][] Bars { get; }

    /// <summary>Major scale.</summary>
    public static readonly int[] Major = [0, 2, 4, 5, 7, 9, 11];
    /// <summary>Natural minor scale.</summary>
    public static readonly int[] Minor = [0, 2, 3, 5, 7, 8, 10];
    /// <summary>Dorian mode.</summary>
    public static readonly int[] Dorian = [0, 2, 3, 5, 7, 9, 10];
    /// <summary>Mixolydian mode.</summary>
    public static readonly int[] Mixolydian = [0, 2, 4, 5, 7, 9, 10];
    /// <summary>Phrygian dominant (flamenco).</summary>
    public static readonly int[] PhrygianDominant = [0, 1, 4, 5, 7, 8, 10];
    /// <summary>Phrygian mode (metal).</summary>
    public static readonly int[] Phrygian = [0, 1, 3, 5, 7, 8, 10];
    /// <summary>Blues scale.</summary>
    public static readonly int[] Blues = [0, 3, 5, 6, 7, 10];
    /// <summary>Minor pentatonic.</summary>
    public static readonly int[] MinorPentatonic = [0, 3, 5, 7, 10];
    /// <summary>Major pentatonic.</summary>
    public static readonly int[] MajorPentatonic = [0, 2, 4, 7, 9];

    /// <inheritdoc/>
    public override string ToString() => $"{Name}: {Symbols}";
}
