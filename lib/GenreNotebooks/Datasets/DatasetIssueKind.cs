namespace GenreNotebooks.Datasets;

/// <summary>What a <see cref="DatasetIssue"/> of a <see cref="DatasetReport"/> is about.</summary>
public enum DatasetIssueKind
{
    /// <summary>A genre with fewer usable tracks than <see cref="DatasetCheckOptions.MinTracksPerGenre"/>; excluded with all its tracks.</summary>
    TooFewTracks,
    /// <summary>A file (or folder) that cannot be read or decoded; excluded.</summary>
    Unreadable,
    /// <summary>A file with the same content (SHA-256 of its bytes) as another; the copy kept is named.</summary>
    Duplicate,
    /// <summary>A track shorter than one clip of <see cref="DatasetCheckOptions.Clips"/>; excluded.</summary>
    TooShort,
    /// <summary>Genre names that differ only in case, punctuation or diacritics (<see cref="GenreNames.Key"/>): pooled, excluded or refused.</summary>
    GenreNameCollision,
    /// <summary>A genre folder whose name has no letter or digit, so it gives no label; excluded.</summary>
    InvalidGenreName,
    /// <summary>A genre folder without audio files.</summary>
    EmptyGenreFolder,
    /// <summary>An audio file directly in the root, not inside a <c>&lt;genre&gt;/</c> folder; excluded (it has no label).</summary>
    OutsideGenreFolder,
    /// <summary>Files that are not audio by their extension (<see cref="AudioExtensions"/>); ignored.</summary>
    NotAudio,
    /// <summary>A track whose id was already taken (e.g. the same file name in two folders); kept under a new id.</summary>
    TrackIdRenamed,
    /// <summary>A GTZAN-style file name (<c>&lt;genre&gt;.000NN</c>) naming another genre than its folder; kept, labelled by the folder.</summary>
    FileNameGenreMismatch,
    /// <summary>A warning of the reader that listed the tracks (GTZAN, synthetic), passed on.</summary>
    ReaderWarning,
    /// <summary>Hidden audio files and folders (names starting with '.', e.g. macOS <c>._x.mp3</c>); skipped, listed.</summary>
    Hidden,
}
