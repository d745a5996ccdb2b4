namespace GenreNotebooks.Datasets;

/// <summary>
/// One audio track of a dataset: its id (GTZAN style <c>blues.00042</c>, lower case), genre label and file path.
/// Taught in notebooks/02-building-the-datasets.
/// </summary>
/// <param name="Id">Unique id, <c>&lt;genre&gt;.&lt;number or file stem&gt;</c>, lower case.</param>
/// <param name="Genre">Genre label (the folder name, lower case).</param>
/// <param name="Path">Full path of the audio file.</param>
public sealed record Track(string Id, string Genre, string Path)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Id} ({Genre})";
}
