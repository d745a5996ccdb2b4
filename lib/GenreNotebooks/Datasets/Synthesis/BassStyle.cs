namespace GenreNotebooks.Datasets.Synthesis;

/// <summary>
/// How the bass line moves through the chords.
/// </summary>
public enum BassStyle
{
    /// <summary>No bass.</summary>
    None,
    /// <summary>Roots on the beat (half or quarter notes).</summary>
    Roots,
    /// <summary>Root and fifth alternating on 1 and 3 (country, polka).</summary>
    RootFifth,
    /// <summary>Jazz walking bass: a quarter note every beat through chord and passing tones.</summary>
    Walking,
    /// <summary>Blues boogie: root, third, fifth, sixth, flat seventh in eighths.</summary>
    Boogie,
    /// <summary>Disco octaves: eighth notes jumping between root and octave.</summary>
    Octaves,
    /// <summary>Bass notes on the kick drum's hits (hip-hop, metal chugs, EDM).</summary>
    FollowKick,
    /// <summary>Reggae: melodic phrase leaving beat 1 empty.</summary>
    OneDrop,
    /// <summary>Latin tumbao: anticipations on the "and" of 2 and on 4.</summary>
    Tumbao,
    /// <summary>Pulsing eighth-note roots (pop, rock, EDM).</summary>
    Pulse,
}
