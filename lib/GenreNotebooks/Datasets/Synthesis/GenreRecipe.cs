namespace GenreNotebooks.Datasets.Synthesis;

/// <summary>
/// The musical recipe of one synthetic genre: the ranges and weighted options a track draws from (tempo, groove,
/// progression, bass, chords, lead, mix, room, noise, loudness). Neighbouring genres share options on purpose
/// (rock/metal, disco/pop, blues/jazz, hip-hop/rap), so a classifier cannot separate them perfectly.
/// </summary>
public sealed record GenreRecipe
{
    /// <summary>Genre name as used for folders and labels (lower case, GTZAN spelling).</summary>
    public required string Name { get; init; }

    /// <summary>Lowest tempo in beats per minute.</summary>
    public float TempoMin { get; init; } = 90;

    /// <summary>Highest tempo in beats per minute.</summary>
    public float TempoMax { get; init; } = 130;

    /// <summary>Drum grooves to choose from.</summary>
    public IReadOnlyList<GrooveChoice> Grooves { get; init; } = [new(Groove.Backbeat, 1)];

    /// <summary>Smallest swing: 0 = straight, 1/3 = triplet feel (delay of the off-beat as a fraction of the beat subdivision).</summary>
    public float SwingMin { get; init; }

    /// <summary>Largest swing (see <see cref="SwingMin"/>).</summary>
    public float SwingMax { get; init; }

    /// <summary>True when the swing applies to sixteenths (hip-hop) rather than eighths (jazz, blues).</summary>
    public bool SwingSixteenths { get; init; }

    /// <summary>Chord progressions to choose from.</summary>
    public IReadOnlyList<Weighted<Progression>> Progressions { get; init; } = [];

    /// <summary>Probability that a track without drums is in triple meter (waltz, minuet).</summary>
    public float TripleMeterChance { get; init; }

    /// <summary>Bass line styles.</summary>
    public IReadOnlyList<Weighted<BassStyle>> BassStyles { get; init; } = [new(BassStyle.Roots, 1)];

    /// <summary>Bass timbres.</summary>
    public IReadOnlyList<Weighted<BassTone>> BassTones { get; init; } = [new(BassTone.Finger, 1)];

    /// <summary>The chord part: style and instrument.</summary>
    public IReadOnlyList<PartChoice> Comping { get; init; } = [new(CompStyle.Sustained, Instrument.Piano, 1)];

    /// <summary>Probability of a second, sustained chord layer (strings or pad under the main part).</summary>
    public float LayerChance { get; init; }

    /// <summary>Instruments of the second chord layer.</summary>
    public IReadOnlyList<Weighted<Instrument>> LayerInstruments { get; init; } = [new(Instrument.Pad, 1)];

    /// <summary>Probability that a track has a melody.</summary>
    public float LeadChance { get; init; } = 0.8f;

    /// <summary>Melody instruments.</summary>
    public IReadOnlyList<Weighted<Instrument>> LeadInstruments { get; init; } = [new(Instrument.Voice, 1)];

    /// <summary>Melody note density: probability of a note on each eighth.</summary>
    public float LeadDensity { get; init; } = 0.55f;

    /// <summary>Probability of a rhythmic rapped vocal.</summary>
    public float RapChance { get; init; }

    /// <summary>Drum kits.</summary>
    public IReadOnlyList<Weighted<DrumSound>> Kits { get; init; } = [new(DrumSound.Acoustic, 1)];

    /// <summary>Lowest guitar distortion gain (1 = clean).</summary>
    public float DriveMin { get; init; } = 1;

    /// <summary>Highest guitar distortion gain.</summary>
    public float DriveMax { get; init; } = 1;

    /// <summary>Lowest master low-pass cut-off in Hz (older, darker recordings).</summary>
    public float BrightnessMin { get; init; } = 5000;

    /// <summary>Highest master low-pass cut-off in Hz.</summary>
    public float BrightnessMax { get; init; } = 9000;

    /// <summary>Smallest reverb send (0..1).</summary>
    public float ReverbMin { get; init; } = 0.15f;

    /// <summary>Largest reverb send (0..1).</summary>
    public float ReverbMax { get; init; } = 0.35f;

    /// <summary>Largest hiss/crackle level (linear amplitude; tracks draw from 0 to this).</summary>
    public float NoiseMax { get; init; } = 0.004f;

    /// <summary>Quietest target loudness (RMS, dBFS).</summary>
    public float LoudnessMin { get; init; } = -18;

    /// <summary>Loudest target loudness (RMS, dBFS).</summary>
    public float LoudnessMax { get; init; } = -12;

    /// <summary>Depth of slow volume swells (0 = flat, 0.6 = classical crescendi).</summary>
    public float Dynamics { get; init; } = 0.1f;

    /// <summary>Largest side-chain ducking of the music by the kick (EDM "pumping"), 0..1.</summary>
    public float SidechainMax { get; init; }

    /// <summary>Drum level relative to the music.</summary>
    public float DrumLevel { get; init; } = 1f;

    /// <summary>Timing looseness in seconds (0 for machine-tight genres).</summary>
    public float Humanize { get; init; } = 0.008f;
}
