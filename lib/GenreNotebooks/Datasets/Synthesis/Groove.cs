namespace GenreNotebooks.Datasets.Synthesis;

/// <summary>
/// Drum grooves of the synthetic generator (the pattern grids live in <c>DrumPatterns</c>).
/// </summary>
public enum Groove
{
    /// <summary>No drums (classical, solo guitar).</summary>
    None,
    /// <summary>Rock/pop backbeat: kick on 1 and 3, snare on 2 and 4, eighth hats.</summary>
    Backbeat,
    /// <summary>Disco/house four-on-the-floor: kick every beat, open hats on the off-beats.</summary>
    FourOnTheFloor,
    /// <summary>Reggae one-drop: kick and rim together on beat 3 only.</summary>
    OneDrop,
    /// <summary>Jazz swing: ride "ding, ding-a-ding", hi-hat foot on 2 and 4, sparse comping.</summary>
    SwingRide,
    /// <summary>Hip-hop boom-bap: syncopated kick, hard snare on 2 and 4, swung sixteenth hats.</summary>
    BoomBap,
    /// <summary>Trap: half-time snare, 808 kick, rolling hi-hats.</summary>
    Trap,
    /// <summary>Blues shuffle: triplet-swung backbeat.</summary>
    Shuffle,
    /// <summary>Country train beat: brushed eighth snare with accents on 2 and 4.</summary>
    TrainBeat,
    /// <summary>Latin: clave, conga tumbao, cowbell.</summary>
    Latin,
    /// <summary>Reggaeton dembow: kick on every beat, snare on the "3-3-2" syncopation.</summary>
    Dembow,
    /// <summary>Brazilian funk tamborzão: syncopated kick/clap pattern around 130 bpm.</summary>
    Tamborzao,
    /// <summary>Metal double-kick: continuous sixteenth kicks, snare on 2 and 4, crash/ride on the beat.</summary>
    DoubleKick,
    /// <summary>Half-time: snare on 3 only.</summary>
    HalfTime,
    /// <summary>Waltz (3/4): kick on 1, snare on 2 and 3.</summary>
    Waltz,
    /// <summary>Flamenco palmas: hand claps on the 12-beat compás accents.</summary>
    Palmas,
}
