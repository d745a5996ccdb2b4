namespace GenreNotebooks.Datasets;

/// <summary>
/// A clip of a track: samples [<see cref="Start"/>, <see cref="Start"/> + <see cref="Length"/>) of track
/// <see cref="TrackId"/>, numbered <see cref="Index"/> from 0; its id is <c>&lt;track&gt;.&lt;k&gt;</c>, e.g.
/// <c>blues.00042.3</c>. Taught in notebooks/02-building-the-datasets.
/// </summary>
/// <param name="TrackId">The id of the source track (the group a split must keep together).</param>
/// <param name="Genre">Genre label.</param>
/// <param name="Index">Clip number within the track, from 0.</param>
/// <param name="Start">First sample.</param>
/// <param name="Length">Number of samples.</param>
public sealed record Clip(string TrackId, string Genre, int Index, int Start, int Length)
{
    /// <summary>The clip id, <c>&lt;track id&gt;.&lt;index&gt;</c>.</summary>
    public string Id => $"{TrackId}.{Index}";

    /// <inheritdoc/>
    public override string ToString() => $"{Id} ({Genre}, samples {Start}..{Start + Length})";
}
