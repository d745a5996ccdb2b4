namespace GenreNotebooks.Datasets;

/// <summary>
/// What a dataset check does with byte-identical files (same SHA-256) filed under different genres. Within one
/// genre one copy is always kept: the one with the fewest folder levels below the root, then the first in ordinal
/// path order (<c>rap/song.wav</c> over <c>rap/backup/song.wav</c>).
/// </summary>
public enum DuplicatePolicy
{
    /// <summary>Keep one copy by the same rule as within a genre (fewest folder levels, then path order), whatever its genre; exclude the others.</summary>
    KeepFirst,
    /// <summary>Exclude every copy when they sit in different genres: the label is ambiguous.</summary>
    ExcludeAcrossGenres,
}
