namespace GenreNotebooks.Datasets.Synthesis;

/// <summary>
/// The pitched timbres of the synthetic generator, each a small synthesis recipe.
/// </summary>
public enum Instrument
{
    /// <summary>Additive piano: six partials, higher ones decaying faster.</summary>
    Piano,
    /// <summary>FM electric piano (ratio 1, decaying index): a Rhodes-like tine.</summary>
    ElectricPiano,
    /// <summary>Additive drawbar organ (harmonics 1, 2, 3, 4, 6, 8) with a key click.</summary>
    Organ,
    /// <summary>Karplus-Strong plucked steel string.</summary>
    CleanGuitar,
    /// <summary>Karplus-Strong plucked nylon string (darker excitation).</summary>
    NylonGuitar,
    /// <summary>Detuned saws through tanh distortion and a cabinet low-pass.</summary>
    DistortedGuitar,
    /// <summary>Three detuned saws with vibrato and a slow attack: a string section.</summary>
    Strings,
    /// <summary>Soft detuned saws, slow attack, dark filter.</summary>
    Pad,
    /// <summary>Seven detuned saws, bright: the EDM lead/chord sound.</summary>
    SuperSaw,
    /// <summary>FM brass: the modulation index follows the envelope, so louder is brighter.</summary>
    Brass,
    /// <summary>FM reed with vibrato and breath noise (saxophone, harmonica).</summary>
    Reed,
    /// <summary>Near-sine flute with breath noise and vibrato.</summary>
    Flute,
    /// <summary>Filtered square-wave synth lead.</summary>
    SynthLead,
    /// <summary>FM mallet/bell (inharmonic ratio 3.5).</summary>
    Bell,
    /// <summary>Sung vowel: a buzzing source through two formant filters, with vibrato.</summary>
    Voice,
}
