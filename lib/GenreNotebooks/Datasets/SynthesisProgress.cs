namespace GenreNotebooks.Datasets;

/// <summary>
/// Progress of a synthetic dataset generation: tracks written so far, total, and the last track id.
/// </summary>
/// <param name="Done">Tracks written.</param>
/// <param name="Total">Tracks to write.</param>
/// <param name="TrackId">The track just written.</param>
public sealed record SynthesisProgress(int Done, int Total, string TrackId);
