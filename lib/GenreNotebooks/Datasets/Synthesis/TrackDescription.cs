namespace GenreNotebooks.Datasets.Synthesis;

/// <summary>
/// The musical choices the generator made for one synthetic track (what a listener would name): tempo, key, groove,
/// progression, bass, chord part, layer, melody instrument, rapped vocal and kit.
/// Taught in notebooks/02-building-the-datasets (what the synthetic generator chose for a track).
/// </summary>
public sealed record TrackDescription
{
    /// <summary>Genre.</summary>
    public required string Genre { get; init; }
    /// <summary>Track index.</summary>
    public required int TrackIndex { get; init; }
    /// <summary>Seed.</summary>
    public required int Seed { get; init; }
    /// <summary>Tempo in beats per minute (for <see cref="Groove.Palmas"/>, counts per minute).</summary>
    public required float TempoBpm { get; init; }
    /// <summary>Tonic, e.g. "F#".</summary>
    public required string Key { get; init; }
    /// <summary>Beats per bar (4, 3 for waltzes, 12 for the flamenco compás).</summary>
    public required int BeatsPerBar { get; init; }
    /// <summary>Drum groove.</summary>
    public required Groove Groove { get; init; }
    /// <summary>Drum kit.</summary>
    public required DrumSound Kit { get; init; }
    /// <summary>Chord progression.</summary>
    public required string Progression { get; init; }
    /// <summary>Bass line style.</summary>
    public required BassStyle BassStyle { get; init; }
    /// <summary>Bass timbre.</summary>
    public required BassTone BassTone { get; init; }
    /// <summary>Chord part.</summary>
    public required PartChoice Comping { get; init; }
    /// <summary>Sustained second chord layer, if any.</summary>
    public Instrument? Layer { get; init; }
    /// <summary>Melody instrument, if any.</summary>
    public Instrument? Lead { get; init; }
    /// <summary>True when the track has a rapped vocal.</summary>
    public bool Rap { get; init; }
    /// <summary>
    /// For a song rendered in a style (<see cref="SyntheticSong"/>): the song's own genre, whose key, progression,
    /// meter, melody and sections it keeps; <see cref="Genre"/> is then the style. Null for a generated track.
    /// </summary>
    public string? SongGenre { get; init; }

    /// <inheritdoc/>
    public override string ToString() =>
        (SongGenre is { } song && song != Genre ? $"{SyntheticGenres.TrackId(song, TrackIndex)} as {Genre}" : SyntheticGenres.TrackId(Genre, TrackIndex)) + $": {TempoBpm:0} bpm, key {Key}, {Groove} ({Kit}), {Progression}, bass {BassStyle}/{BassTone}, " +
        $"chords {Comping.Style} on {Comping.Instrument}" + (Layer is { } l ? $" + {l}" : "") + (Lead is { } m ? $", melody {m}" : "") + (Rap ? ", rap vocal" : "");
}
