namespace GenreNotebooks.Datasets.Synthesis;

using static Instrument;

/// <summary>
/// The recipes of the synthetic genres: the ten GTZAN genres and extra genres beyond them.
/// Neighbours share grooves, progressions and timbres on purpose (rock/metal, disco/pop, blues/jazz, hip-hop/rap,
/// pop/kpop/edm, latin/brazilian_funk), so genre is a tendency, not a switch.
/// Used in notebooks/03-exploring-the-features.
/// </summary>
public static class GenreRecipes
{
    private static readonly Progression TwelveBarBlues = new("12-bar blues", "I7 I7 I7 I7 IV7 IV7 I7 I7 V7 IV7 I7 V7", Progression.Blues);
    private static readonly Progression QuickChangeBlues = new("quick-change blues", "I7 IV7 I7 I7 IV7 IV7 I7 I7 V7 IV7 I7 V7", Progression.Mixolydian);
    private static readonly Progression MinorBlues = new("minor blues", "i7 i7 i7 i7 iv7 iv7 i7 i7 bVI7 V7 i7 V7", Progression.MinorPentatonic);
    private static readonly Progression JazzBlues = new("jazz blues", "I7 IV7 I7 v7-I7 IV7 IV7 I7 vi7 ii7 V7 I7-vi7 ii7-V7", Progression.Mixolydian);
    private static readonly Progression TwoFiveOne = new("ii-V-I", "ii7 V7 Imaj7 Imaj7", Progression.Major);
    private static readonly Progression RhythmChanges = new("I-vi-ii-V", "Imaj7-vi7 ii7-V7 iii7-vi7 ii7-V7", Progression.Major);
    private static readonly Progression MinorTwoFive = new("minor ii-V-i", "iidim V7 i7 i7", Progression.Minor);
    private static readonly Progression PopAxis = new("I-V-vi-IV", "I V vi IV", Progression.Major);
    private static readonly Progression SadAxis = new("vi-IV-I-V", "vi IV I V", Progression.Major);
    private static readonly Progression Fifties = new("I-vi-IV-V", "I vi IV V", Progression.Major);
    private static readonly Progression RoyalRoad = new("IV-V-iii-vi", "IVmaj7 V7 iii7 vi7", Progression.Major);
    private static readonly Progression ThreeChord = new("I-IV-V-I", "I IV V I", Progression.MajorPentatonic);
    private static readonly Progression CountryTurn = new("I-IV-I-V", "I I IV IV I I V V", Progression.MajorPentatonic);
    private static readonly Progression Cadence = new("I-IV-V-I cadence", "I IV I V I vi ii V", Progression.Major);
    private static readonly Progression MinorCadence = new("i-iv-V-i", "i iv V i i iv V V", Progression.Minor);
    private static readonly Progression Pachelbel = new("Pachelbel", "I V vi iii IV I IV V", Progression.Major);
    private static readonly Progression RockMixo = new("I-bVII-IV-I", "I5 bVII5 IV5 I5", Progression.MinorPentatonic);
    private static readonly Progression RockFour = new("I-IV-V-IV", "I IV V IV", Progression.MajorPentatonic);
    private static readonly Progression Aeolian = new("i-bVII-bVI-bVII", "i bVII bVI bVII", Progression.Minor);
    private static readonly Progression MetalMinor = new("i-bVI-bVII", "i5 i5 bVI5 bVII5", Progression.Minor);
    private static readonly Progression MetalPhrygian = new("i-bII", "i5 bII5 i5 bII5", Progression.Phrygian);
    private static readonly Progression MetalRiff = new("i-bVII-bVI-bVII", "i5 bVII5 bVI5 bVII5", Progression.Phrygian);
    private static readonly Progression DiscoVamp = new("i7-iv7 vamp", "i7 i7 iv7 iv7", Progression.Dorian);
    private static readonly Progression DiscoTwoFive = new("ii7-V7 vamp", "ii7 V7 ii7 V7", Progression.Major);
    private static readonly Progression HipHopLoop = new("i-bVI loop", "i7 i7 bVImaj7 bVImaj7", Progression.Minor);
    private static readonly Progression HipHopMinor = new("i-iv loop", "i7 iv7 i7 iv7", Progression.Dorian);
    private static readonly Progression OneChord = new("one-chord vamp", "i7 i7 i7 i7", Progression.MinorPentatonic);
    private static readonly Progression ReggaeTwo = new("I-IV", "I I IV IV", Progression.Major);
    private static readonly Progression ReggaeMinor = new("i-iv", "i iv i iv", Progression.Dorian);
    private static readonly Progression ReggaeFour = new("I-IV-V-IV", "I IV V IV", Progression.Major);
    private static readonly Progression Andalusian = new("Andalusian cadence", "i bVII bVI V", Progression.PhrygianDominant);
    private static readonly Progression Phrygian = new("Phrygian vamp", "V bVI V bII", Progression.PhrygianDominant);
    private static readonly Progression LatinMinor = new("i-iv-V", "i iv V V", Progression.Minor);
    private static readonly Progression Reggaeton = new("i-bVI-bIII-bVII", "i bVI bIII bVII", Progression.Minor);
    private static readonly Progression Indie = new("I-iii-IV", "I iii IV IV", Progression.Major);
    private static readonly Progression IndieTwo = new("I-IV-vi-V", "I IV vi V", Progression.Major);
    private static readonly Progression FunkVamp = new("minor vamp", "i i i i", Progression.MinorPentatonic);
    private static readonly Progression FunkTwo = new("i-bVI-i-bVII", "i bVI i bVII", Progression.Minor);

    /// <summary>The ten GTZAN genres in GTZAN's (alphabetical) order.</summary>
    public static readonly IReadOnlyList<string> Gtzan = ["blues", "classical", "country", "disco", "hiphop", "jazz", "metal", "pop", "reggae", "rock"];

    /// <summary>Extra genres for the new-genres notebook (the BU paper's rap and Brazilian funk, and a few more).</summary>
    public static readonly IReadOnlyList<string> Extra = ["rap", "edm", "latin", "kpop", "flamenco", "indie", "brazilian_funk"];

    /// <summary>Every genre with a recipe: <see cref="Gtzan"/> then <see cref="Extra"/>.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Gtzan, .. Extra];

    private static readonly Dictionary<string, GenreRecipe> Recipes = Build().ToDictionary(r => r.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>The recipe of <paramref name="genre"/> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">Unknown genre; the message lists the known ones.</exception>
    public static GenreRecipe Get(string genre)
    {
        ArgumentNullException.ThrowIfNull(genre);
        if (Recipes.TryGetValue(genre.Trim(), out var r)) return r;
        throw new ArgumentException($"Unknown synthetic genre '{genre}'. Known genres: {string.Join(", ", All)}.", nameof(genre));
    }

    /// <summary>True when <paramref name="genre"/> has a recipe.</summary>
    public static bool Contains(string genre) => genre is not null && Recipes.ContainsKey(genre.Trim());

    private static IEnumerable<GenreRecipe> Build()
    {
        yield return new GenreRecipe
        {
            Name = "blues", TempoMin = 65, TempoMax = 125,
            Grooves = [new(Groove.Shuffle, 0.55f), new(Groove.SwingRide, 0.15f), new(Groove.Backbeat, 0.2f), new(Groove.None, 0.1f)],
            SwingMin = 0.2f, SwingMax = 0.33f,
            Progressions = [new(TwelveBarBlues, 0.5f), new(QuickChangeBlues, 0.25f), new(MinorBlues, 0.25f)],
            BassStyles = [new(BassStyle.Boogie, 0.45f), new(BassStyle.Walking, 0.25f), new(BassStyle.Roots, 0.3f)],
            BassTones = [new(BassTone.Finger, 0.6f), new(BassTone.Upright, 0.4f)],
            Comping = [new(CompStyle.Strum, CleanGuitar, 0.35f), new(CompStyle.Sustained, Organ, 0.25f), new(CompStyle.JazzComp, Piano, 0.2f), new(CompStyle.Strum, DistortedGuitar, 0.2f)],
            LayerChance = 0.2f, LayerInstruments = [new(Organ, 1)],
            LeadChance = 0.85f, LeadInstruments = [new(Reed, 0.25f), new(CleanGuitar, 0.25f), new(DistortedGuitar, 0.2f), new(Voice, 0.3f)],
            LeadDensity = 0.5f, Kits = [new(DrumSound.Acoustic, 0.8f), new(DrumSound.Brushes, 0.2f)],
            DriveMin = 1.5f, DriveMax = 3.5f, BrightnessMin = 3000, BrightnessMax = 8000, ReverbMin = 0.2f, ReverbMax = 0.45f,
            NoiseMax = 0.01f, LoudnessMin = -21, LoudnessMax = -14, Humanize = 0.012f,
        };
        yield return new GenreRecipe
        {
            Name = "classical", TempoMin = 50, TempoMax = 140,
            Grooves = [new(Groove.None, 1)], TripleMeterChance = 0.35f,
            Progressions = [new(Cadence, 0.3f), new(MinorCadence, 0.3f), new(Pachelbel, 0.2f), new(ThreeChord, 0.2f)],
            BassStyles = [new(BassStyle.Roots, 0.6f), new(BassStyle.None, 0.4f)],
            BassTones = [new(BassTone.Upright, 1)],
            Comping = [new(CompStyle.Arpeggio, Piano, 0.35f), new(CompStyle.Sustained, Strings, 0.4f), new(CompStyle.Arpeggio, NylonGuitar, 0.1f), new(CompStyle.Sustained, Organ, 0.05f), new(CompStyle.Arpeggio, Strings, 0.1f)],
            LayerChance = 0.35f, LayerInstruments = [new(Strings, 1)],
            LeadChance = 0.9f, LeadInstruments = [new(Strings, 0.3f), new(Flute, 0.3f), new(Piano, 0.2f), new(Reed, 0.1f), new(Brass, 0.1f)],
            LeadDensity = 0.5f, BrightnessMin = 2500, BrightnessMax = 7000, ReverbMin = 0.4f, ReverbMax = 0.75f,
            NoiseMax = 0.004f, LoudnessMin = -30, LoudnessMax = -20, Dynamics = 0.6f, Humanize = 0.015f,
        };
        yield return new GenreRecipe
        {
            Name = "country", TempoMin = 85, TempoMax = 165,
            Grooves = [new(Groove.TrainBeat, 0.45f), new(Groove.Backbeat, 0.45f), new(Groove.Waltz, 0.1f)],
            SwingMin = 0, SwingMax = 0.12f,
            Progressions = [new(ThreeChord, 0.35f), new(CountryTurn, 0.35f), new(PopAxis, 0.15f), new(RockFour, 0.15f)],
            BassStyles = [new(BassStyle.RootFifth, 0.7f), new(BassStyle.Roots, 0.3f)],
            BassTones = [new(BassTone.Finger, 0.6f), new(BassTone.Picked, 0.4f)],
            Comping = [new(CompStyle.Strum, CleanGuitar, 0.6f), new(CompStyle.Strum, NylonGuitar, 0.15f), new(CompStyle.Arpeggio, Piano, 0.1f), new(CompStyle.Strum, DistortedGuitar, 0.15f)],
            LayerChance = 0.2f, LayerInstruments = [new(Strings, 0.5f), new(Organ, 0.5f)],
            LeadChance = 0.85f, LeadInstruments = [new(Voice, 0.4f), new(CleanGuitar, 0.25f), new(Strings, 0.2f), new(Reed, 0.15f)],
            Kits = [new(DrumSound.Acoustic, 0.75f), new(DrumSound.Brushes, 0.25f)],
            DriveMin = 1f, DriveMax = 2f, BrightnessMin = 4500, BrightnessMax = 9000, ReverbMin = 0.15f, ReverbMax = 0.35f,
            NoiseMax = 0.005f, LoudnessMin = -19, LoudnessMax = -13,
        };
        yield return new GenreRecipe
        {
            Name = "disco", TempoMin = 108, TempoMax = 132,
            Grooves = [new(Groove.FourOnTheFloor, 0.8f), new(Groove.Backbeat, 0.2f)],
            Progressions = [new(DiscoVamp, 0.35f), new(DiscoTwoFive, 0.25f), new(PopAxis, 0.2f), new(SadAxis, 0.2f)],
            BassStyles = [new(BassStyle.Octaves, 0.6f), new(BassStyle.Pulse, 0.25f), new(BassStyle.FollowKick, 0.15f)],
            BassTones = [new(BassTone.Finger, 0.6f), new(BassTone.Synth, 0.4f)],
            Comping = [new(CompStyle.Stabs, CleanGuitar, 0.3f), new(CompStyle.Sustained, Strings, 0.25f), new(CompStyle.Stabs, ElectricPiano, 0.25f), new(CompStyle.Stabs, Piano, 0.2f)],
            LayerChance = 0.5f, LayerInstruments = [new(Strings, 0.7f), new(Pad, 0.3f)],
            LeadChance = 0.85f, LeadInstruments = [new(Voice, 0.35f), new(Strings, 0.2f), new(Brass, 0.25f), new(SynthLead, 0.2f)],
            Kits = [new(DrumSound.Acoustic, 0.6f), new(DrumSound.Electronic, 0.4f)],
            BrightnessMin = 6000, BrightnessMax = 10000, ReverbMin = 0.15f, ReverbMax = 0.35f,
            NoiseMax = 0.004f, LoudnessMin = -16, LoudnessMax = -11, SidechainMax = 0.2f, Humanize = 0.004f,
        };
        yield return new GenreRecipe
        {
            Name = "hiphop", TempoMin = 78, TempoMax = 100,
            Grooves = [new(Groove.BoomBap, 0.7f), new(Groove.Trap, 0.15f, 130, 150), new(Groove.HalfTime, 0.15f)],
            SwingMin = 0.05f, SwingMax = 0.3f, SwingSixteenths = true,
            Progressions = [new(HipHopLoop, 0.4f), new(HipHopMinor, 0.3f), new(OneChord, 0.3f)],
            BassStyles = [new(BassStyle.FollowKick, 0.7f), new(BassStyle.Roots, 0.3f)],
            BassTones = [new(BassTone.Finger, 0.35f), new(BassTone.Sub808, 0.45f), new(BassTone.Synth, 0.2f)],
            Comping = [new(CompStyle.Sustained, ElectricPiano, 0.3f), new(CompStyle.Sustained, Pad, 0.2f), new(CompStyle.Stabs, Piano, 0.25f), new(CompStyle.Sustained, Strings, 0.15f), new(CompStyle.JazzComp, ElectricPiano, 0.1f)],
            LayerChance = 0.2f, LayerInstruments = [new(Strings, 0.5f), new(Pad, 0.5f)],
            LeadChance = 0.4f, LeadInstruments = [new(Bell, 0.3f), new(Flute, 0.3f), new(Reed, 0.2f), new(Voice, 0.2f)],
            LeadDensity = 0.35f, RapChance = 0.85f,
            Kits = [new(DrumSound.Electronic, 0.5f), new(DrumSound.Acoustic, 0.5f)],
            BrightnessMin = 4500, BrightnessMax = 9000, ReverbMin = 0.1f, ReverbMax = 0.25f,
            NoiseMax = 0.008f, LoudnessMin = -15, LoudnessMax = -10, DrumLevel = 1.2f, Humanize = 0.004f,
        };
        yield return new GenreRecipe
        {
            Name = "jazz", TempoMin = 80, TempoMax = 220,
            Grooves = [new(Groove.SwingRide, 0.75f), new(Groove.Shuffle, 0.1f), new(Groove.None, 0.1f), new(Groove.Latin, 0.05f)],
            SwingMin = 0.22f, SwingMax = 0.33f,
            Progressions = [new(TwoFiveOne, 0.35f), new(RhythmChanges, 0.25f), new(JazzBlues, 0.25f), new(MinorTwoFive, 0.15f)],
            BassStyles = [new(BassStyle.Walking, 0.85f), new(BassStyle.Roots, 0.15f)],
            BassTones = [new(BassTone.Upright, 0.85f), new(BassTone.Finger, 0.15f)],
            Comping = [new(CompStyle.JazzComp, Piano, 0.5f), new(CompStyle.JazzComp, ElectricPiano, 0.25f), new(CompStyle.JazzComp, CleanGuitar, 0.15f), new(CompStyle.Sustained, Organ, 0.1f)],
            LeadChance = 0.85f, LeadInstruments = [new(Reed, 0.4f), new(Brass, 0.25f), new(Piano, 0.1f), new(Bell, 0.1f), new(Flute, 0.1f), new(Voice, 0.05f)],
            LeadDensity = 0.6f, Kits = [new(DrumSound.Brushes, 0.45f), new(DrumSound.Acoustic, 0.55f)],
            BrightnessMin = 3000, BrightnessMax = 8000, ReverbMin = 0.25f, ReverbMax = 0.5f,
            NoiseMax = 0.008f, LoudnessMin = -25, LoudnessMax = -16, Dynamics = 0.2f, DrumLevel = 0.7f, Humanize = 0.012f,
        };
        yield return new GenreRecipe
        {
            Name = "metal", TempoMin = 95, TempoMax = 200,
            Grooves = [new(Groove.DoubleKick, 0.45f), new(Groove.Backbeat, 0.4f), new(Groove.HalfTime, 0.15f)],
            Progressions = [new(MetalMinor, 0.35f), new(MetalPhrygian, 0.3f), new(MetalRiff, 0.25f), new(Aeolian, 0.1f)],
            BassStyles = [new(BassStyle.FollowKick, 0.5f), new(BassStyle.Pulse, 0.5f)],
            BassTones = [new(BassTone.Picked, 1)],
            Comping = [new(CompStyle.PowerChug, DistortedGuitar, 0.85f), new(CompStyle.Strum, DistortedGuitar, 0.15f)],
            LayerChance = 0.15f, LayerInstruments = [new(Strings, 0.5f), new(Organ, 0.5f)],
            LeadChance = 0.6f, LeadInstruments = [new(DistortedGuitar, 0.6f), new(Voice, 0.3f), new(SynthLead, 0.1f)],
            LeadDensity = 0.7f, Kits = [new(DrumSound.Acoustic, 1)],
            DriveMin = 4f, DriveMax = 12f, BrightnessMin = 5500, BrightnessMax = 10000, ReverbMin = 0.1f, ReverbMax = 0.3f,
            NoiseMax = 0.004f, LoudnessMin = -13, LoudnessMax = -8, Humanize = 0.005f,
        };
        yield return new GenreRecipe
        {
            Name = "pop", TempoMin = 85, TempoMax = 130,
            Grooves = [new(Groove.Backbeat, 0.5f), new(Groove.FourOnTheFloor, 0.35f), new(Groove.HalfTime, 0.15f)],
            Progressions = [new(PopAxis, 0.4f), new(SadAxis, 0.3f), new(Fifties, 0.2f), new(RoyalRoad, 0.1f)],
            BassStyles = [new(BassStyle.Pulse, 0.35f), new(BassStyle.Roots, 0.3f), new(BassStyle.Octaves, 0.15f), new(BassStyle.FollowKick, 0.2f)],
            BassTones = [new(BassTone.Finger, 0.4f), new(BassTone.Synth, 0.4f), new(BassTone.Picked, 0.2f)],
            Comping = [new(CompStyle.Sustained, Pad, 0.25f), new(CompStyle.Arpeggio, Piano, 0.25f), new(CompStyle.Strum, CleanGuitar, 0.2f), new(CompStyle.Stabs, SuperSaw, 0.15f), new(CompStyle.Stabs, ElectricPiano, 0.15f)],
            LayerChance = 0.45f, LayerInstruments = [new(Pad, 0.5f), new(Strings, 0.5f)],
            LeadChance = 0.95f, LeadInstruments = [new(Voice, 0.6f), new(SynthLead, 0.15f), new(Bell, 0.15f), new(Flute, 0.1f)],
            Kits = [new(DrumSound.Acoustic, 0.5f), new(DrumSound.Electronic, 0.5f)],
            DriveMin = 1f, DriveMax = 2f, BrightnessMin = 7000, BrightnessMax = 10500, ReverbMin = 0.15f, ReverbMax = 0.35f,
            NoiseMax = 0.002f, LoudnessMin = -14, LoudnessMax = -9, SidechainMax = 0.25f, Humanize = 0.003f,
        };
        yield return new GenreRecipe
        {
            Name = "reggae", TempoMin = 62, TempoMax = 92,
            Grooves = [new(Groove.OneDrop, 0.7f), new(Groove.Backbeat, 0.15f), new(Groove.HalfTime, 0.15f)],
            SwingMin = 0, SwingMax = 0.2f,
            Progressions = [new(ReggaeTwo, 0.3f), new(ReggaeMinor, 0.3f), new(ReggaeFour, 0.25f), new(Fifties, 0.15f)],
            BassStyles = [new(BassStyle.OneDrop, 0.8f), new(BassStyle.Roots, 0.2f)],
            BassTones = [new(BassTone.Finger, 0.8f), new(BassTone.Synth, 0.2f)],
            Comping = [new(CompStyle.Skank, CleanGuitar, 0.5f), new(CompStyle.Skank, Organ, 0.35f), new(CompStyle.Skank, Piano, 0.15f)],
            LayerChance = 0.4f, LayerInstruments = [new(Organ, 0.7f), new(Pad, 0.3f)],
            LeadChance = 0.75f, LeadInstruments = [new(Voice, 0.45f), new(Brass, 0.2f), new(Reed, 0.15f), new(Flute, 0.1f), new(Bell, 0.1f)],
            LeadDensity = 0.45f, RapChance = 0.1f, Kits = [new(DrumSound.Acoustic, 0.8f), new(DrumSound.Electronic, 0.2f)],
            BrightnessMin = 3500, BrightnessMax = 8500, ReverbMin = 0.25f, ReverbMax = 0.5f,
            NoiseMax = 0.006f, LoudnessMin = -18, LoudnessMax = -12, Humanize = 0.01f,
        };
        yield return new GenreRecipe
        {
            Name = "rock", TempoMin = 95, TempoMax = 160,
            Grooves = [new(Groove.Backbeat, 0.8f), new(Groove.HalfTime, 0.1f), new(Groove.DoubleKick, 0.05f), new(Groove.Shuffle, 0.05f)],
            SwingMin = 0, SwingMax = 0.1f,
            Progressions = [new(RockMixo, 0.3f), new(RockFour, 0.3f), new(SadAxis, 0.2f), new(Aeolian, 0.2f)],
            BassStyles = [new(BassStyle.Pulse, 0.6f), new(BassStyle.Roots, 0.3f), new(BassStyle.FollowKick, 0.1f)],
            BassTones = [new(BassTone.Picked, 0.6f), new(BassTone.Finger, 0.4f)],
            Comping = [new(CompStyle.PowerChug, DistortedGuitar, 0.4f), new(CompStyle.Strum, DistortedGuitar, 0.3f), new(CompStyle.Strum, CleanGuitar, 0.2f), new(CompStyle.Sustained, Organ, 0.1f)],
            LayerChance = 0.2f, LayerInstruments = [new(Organ, 0.6f), new(Strings, 0.4f)],
            LeadChance = 0.8f, LeadInstruments = [new(Voice, 0.5f), new(DistortedGuitar, 0.35f), new(Reed, 0.05f), new(Organ, 0.1f)],
            Kits = [new(DrumSound.Acoustic, 1)],
            DriveMin = 2f, DriveMax = 6f, BrightnessMin = 4500, BrightnessMax = 9500, ReverbMin = 0.15f, ReverbMax = 0.35f,
            NoiseMax = 0.005f, LoudnessMin = -16, LoudnessMax = -10,
        };

        // Extra genres (notebooks/09-new-genres).
        yield return new GenreRecipe
        {
            Name = "rap", TempoMin = 80, TempoMax = 100,
            Grooves = [new(Groove.Trap, 0.6f, 130, 160), new(Groove.BoomBap, 0.3f), new(Groove.HalfTime, 0.1f)],
            SwingMin = 0, SwingMax = 0.2f, SwingSixteenths = true,
            Progressions = [new(HipHopLoop, 0.35f), new(OneChord, 0.4f), new(HipHopMinor, 0.25f)],
            BassStyles = [new(BassStyle.FollowKick, 0.85f), new(BassStyle.Roots, 0.15f)],
            BassTones = [new(BassTone.Sub808, 0.8f), new(BassTone.Synth, 0.2f)],
            Comping = [new(CompStyle.Sustained, Pad, 0.35f), new(CompStyle.Arpeggio, Bell, 0.25f), new(CompStyle.Sustained, Strings, 0.2f), new(CompStyle.None, Piano, 0.2f)],
            LeadChance = 0.3f, LeadInstruments = [new(Bell, 0.5f), new(Flute, 0.3f), new(SynthLead, 0.2f)],
            LeadDensity = 0.3f, RapChance = 0.95f, Kits = [new(DrumSound.Electronic, 0.85f), new(DrumSound.Acoustic, 0.15f)],
            BrightnessMin = 6000, BrightnessMax = 10500, ReverbMin = 0.1f, ReverbMax = 0.25f,
            NoiseMax = 0.003f, LoudnessMin = -12, LoudnessMax = -8, DrumLevel = 1.2f, Humanize = 0.002f,
        };
        yield return new GenreRecipe
        {
            Name = "edm", TempoMin = 120, TempoMax = 130,
            Grooves = [new(Groove.FourOnTheFloor, 0.9f), new(Groove.HalfTime, 0.1f, 140, 150)],
            Progressions = [new(SadAxis, 0.4f), new(Reggaeton, 0.3f), new(PopAxis, 0.3f)],
            BassStyles = [new(BassStyle.Pulse, 0.5f), new(BassStyle.FollowKick, 0.3f), new(BassStyle.Octaves, 0.2f)],
            BassTones = [new(BassTone.Synth, 0.7f), new(BassTone.Sub808, 0.3f)],
            Comping = [new(CompStyle.Sustained, SuperSaw, 0.4f), new(CompStyle.Stabs, SuperSaw, 0.3f), new(CompStyle.Arpeggio, SynthLead, 0.3f)],
            LayerChance = 0.5f, LayerInstruments = [new(Pad, 1)],
            LeadChance = 0.85f, LeadInstruments = [new(SuperSaw, 0.4f), new(SynthLead, 0.3f), new(Bell, 0.15f), new(Voice, 0.15f)],
            LeadDensity = 0.6f, Kits = [new(DrumSound.Electronic, 1)],
            BrightnessMin = 8500, BrightnessMax = 11000, ReverbMin = 0.2f, ReverbMax = 0.4f,
            NoiseMax = 0.001f, LoudnessMin = -10, LoudnessMax = -7, SidechainMax = 0.8f, DrumLevel = 1.1f, Humanize = 0,
        };
        yield return new GenreRecipe
        {
            Name = "latin", TempoMin = 160, TempoMax = 200,
            Grooves = [new(Groove.Latin, 0.6f), new(Groove.Dembow, 0.4f, 85, 100)],
            Progressions = [new(LatinMinor, 0.4f), new(Reggaeton, 0.25f), new(ReggaeFour, 0.15f), new(SadAxis, 0.2f)],
            BassStyles = [new(BassStyle.Tumbao, 0.6f), new(BassStyle.FollowKick, 0.4f)],
            BassTones = [new(BassTone.Finger, 0.5f), new(BassTone.Upright, 0.3f), new(BassTone.Sub808, 0.2f)],
            Comping = [new(CompStyle.Montuno, Piano, 0.55f), new(CompStyle.Strum, NylonGuitar, 0.25f), new(CompStyle.Stabs, Brass, 0.2f)],
            LayerChance = 0.2f, LayerInstruments = [new(Pad, 1)],
            LeadChance = 0.85f, LeadInstruments = [new(Brass, 0.35f), new(Voice, 0.35f), new(Flute, 0.15f), new(Reed, 0.15f)],
            RapChance = 0.25f, Kits = [new(DrumSound.Acoustic, 0.6f), new(DrumSound.Electronic, 0.4f)],
            BrightnessMin = 5500, BrightnessMax = 10000, ReverbMin = 0.15f, ReverbMax = 0.35f,
            NoiseMax = 0.004f, LoudnessMin = -15, LoudnessMax = -10,
        };
        yield return new GenreRecipe
        {
            Name = "kpop", TempoMin = 95, TempoMax = 130,
            Grooves = [new(Groove.FourOnTheFloor, 0.4f), new(Groove.Backbeat, 0.35f), new(Groove.Trap, 0.25f, 135, 150)],
            Progressions = [new(RoyalRoad, 0.35f), new(PopAxis, 0.3f), new(SadAxis, 0.35f)],
            BassStyles = [new(BassStyle.Pulse, 0.4f), new(BassStyle.FollowKick, 0.4f), new(BassStyle.Octaves, 0.2f)],
            BassTones = [new(BassTone.Synth, 0.6f), new(BassTone.Sub808, 0.25f), new(BassTone.Finger, 0.15f)],
            Comping = [new(CompStyle.Sustained, SuperSaw, 0.3f), new(CompStyle.Sustained, Pad, 0.25f), new(CompStyle.Stabs, ElectricPiano, 0.2f), new(CompStyle.Arpeggio, Piano, 0.25f)],
            LayerChance = 0.5f, LayerInstruments = [new(Pad, 0.5f), new(Strings, 0.5f)],
            LeadChance = 1f, LeadInstruments = [new(Voice, 0.55f), new(SynthLead, 0.2f), new(Bell, 0.25f)],
            LeadDensity = 0.65f, RapChance = 0.35f, Kits = [new(DrumSound.Electronic, 0.8f), new(DrumSound.Acoustic, 0.2f)],
            BrightnessMin = 8500, BrightnessMax = 11000, ReverbMin = 0.15f, ReverbMax = 0.35f,
            NoiseMax = 0.001f, LoudnessMin = -11, LoudnessMax = -8, SidechainMax = 0.35f, Humanize = 0.001f,
        };
        yield return new GenreRecipe
        {
            Name = "flamenco", TempoMin = 170, TempoMax = 230,
            Grooves = [new(Groove.Palmas, 0.7f), new(Groove.None, 0.3f, 80, 120)],
            Progressions = [new(Andalusian, 0.75f), new(Phrygian, 0.25f)],
            BassStyles = [new(BassStyle.None, 0.7f), new(BassStyle.Roots, 0.3f)],
            BassTones = [new(BassTone.Upright, 1)],
            Comping = [new(CompStyle.Rasgueado, NylonGuitar, 0.75f), new(CompStyle.Arpeggio, NylonGuitar, 0.25f)],
            LeadChance = 0.9f, LeadInstruments = [new(NylonGuitar, 0.55f), new(Voice, 0.3f), new(Flute, 0.15f)],
            LeadDensity = 0.7f, Kits = [new(DrumSound.Acoustic, 1)],
            BrightnessMin = 4000, BrightnessMax = 9000, ReverbMin = 0.2f, ReverbMax = 0.45f,
            NoiseMax = 0.005f, LoudnessMin = -22, LoudnessMax = -14, Dynamics = 0.3f, Humanize = 0.01f,
        };
        yield return new GenreRecipe
        {
            Name = "indie", TempoMin = 105, TempoMax = 150,
            Grooves = [new(Groove.Backbeat, 0.75f), new(Groove.HalfTime, 0.1f), new(Groove.FourOnTheFloor, 0.15f)],
            Progressions = [new(Indie, 0.3f), new(IndieTwo, 0.3f), new(PopAxis, 0.2f), new(RockFour, 0.2f)],
            BassStyles = [new(BassStyle.Pulse, 0.6f), new(BassStyle.Roots, 0.4f)],
            BassTones = [new(BassTone.Picked, 0.5f), new(BassTone.Finger, 0.5f)],
            Comping = [new(CompStyle.Strum, CleanGuitar, 0.45f), new(CompStyle.Arpeggio, CleanGuitar, 0.2f), new(CompStyle.Strum, DistortedGuitar, 0.2f), new(CompStyle.Sustained, Pad, 0.15f)],
            LayerChance = 0.3f, LayerInstruments = [new(Pad, 0.5f), new(Organ, 0.5f)],
            LeadChance = 0.85f, LeadInstruments = [new(Voice, 0.5f), new(SynthLead, 0.15f), new(Bell, 0.15f), new(CleanGuitar, 0.2f)],
            Kits = [new(DrumSound.Acoustic, 0.8f), new(DrumSound.Electronic, 0.2f)],
            DriveMin = 1.2f, DriveMax = 3f, BrightnessMin = 4500, BrightnessMax = 9000, ReverbMin = 0.3f, ReverbMax = 0.6f,
            NoiseMax = 0.005f, LoudnessMin = -16, LoudnessMax = -11,
        };
        yield return new GenreRecipe
        {
            Name = "brazilian_funk", TempoMin = 125, TempoMax = 135,
            Grooves = [new(Groove.Tamborzao, 0.85f), new(Groove.Dembow, 0.15f)],
            Progressions = [new(FunkVamp, 0.6f), new(FunkTwo, 0.4f)],
            BassStyles = [new(BassStyle.FollowKick, 1)],
            BassTones = [new(BassTone.Sub808, 0.8f), new(BassTone.Synth, 0.2f)],
            Comping = [new(CompStyle.None, Piano, 0.4f), new(CompStyle.Stabs, Brass, 0.3f), new(CompStyle.Sustained, Pad, 0.3f)],
            LeadChance = 0.4f, LeadInstruments = [new(SynthLead, 0.4f), new(Bell, 0.3f), new(Voice, 0.3f)],
            LeadDensity = 0.4f, RapChance = 0.8f, Kits = [new(DrumSound.Electronic, 1)],
            BrightnessMin = 6500, BrightnessMax = 11000, ReverbMin = 0.05f, ReverbMax = 0.2f,
            NoiseMax = 0.003f, LoudnessMin = -11, LoudnessMax = -7, DrumLevel = 1.3f, Humanize = 0.001f,
        };
    }
}
