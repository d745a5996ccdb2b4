namespace GenreNotebooks.Datasets;

/// <summary>
/// One finding of a dataset check: what it is about, the file or folder, a message naming it (paths relative to
/// <see cref="Root"/>), and whether something was left out of the dataset because of it.
/// </summary>
/// <param name="Kind">What the finding is about.</param>
/// <param name="Root">The folder of the dataset the finding belongs to.</param>
/// <param name="Path">Full path of the file or folder concerned.</param>
/// <param name="Genre">The genre label concerned, or null.</param>
/// <param name="Message">One sentence naming the item (relative to <paramref name="Root"/>), the problem and what was done.</param>
/// <param name="Excluded">True when tracks were left out because of it (the CLI's exit code 2).</param>
/// <param name="KeptPath">For a <see cref="DatasetIssueKind.Duplicate"/>: the full path of the copy that was kept, or null when none was.</param>
public sealed record DatasetIssue(DatasetIssueKind Kind, string Root, string Path, string? Genre, string Message, bool Excluded, string? KeptPath = null)
{
    /// <summary>The kind in words, as the report prints it (<c>too few tracks</c>, <c>duplicate</c>, ...).</summary>
    public string KindText => Kind switch
    {
        DatasetIssueKind.TooFewTracks => "too few tracks",
        DatasetIssueKind.Unreadable => "unreadable",
        DatasetIssueKind.Duplicate => "duplicate",
        DatasetIssueKind.TooShort => "too short",
        DatasetIssueKind.GenreNameCollision => "genre name collision",
        DatasetIssueKind.InvalidGenreName => "invalid genre name",
        DatasetIssueKind.EmptyGenreFolder => "empty genre folder",
        DatasetIssueKind.OutsideGenreFolder => "outside genre folders",
        DatasetIssueKind.NotAudio => "not audio",
        DatasetIssueKind.TrackIdRenamed => "track id renamed",
        DatasetIssueKind.FileNameGenreMismatch => "file name genre",
        DatasetIssueKind.ReaderWarning => "reader",
        DatasetIssueKind.Hidden => "hidden",
        _ => Kind.ToString(),
    };

    /// <summary><c>excluded, &lt;kind&gt;: &lt;message&gt;</c> or <c>note, &lt;kind&gt;: &lt;message&gt;</c>.</summary>
    public override string ToString() => $"{(Excluded ? "excluded" : "note")}, {KindText}: {Message}";
}
