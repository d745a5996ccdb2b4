using GenreNotebooks.Datasets;

namespace GenreNotebooks.Segments;

/// <summary>Progress of a many-track segment extraction, reported once per track (from the worker threads).</summary>
/// <param name="Completed">Tracks finished so far (analysed or skipped).</param>
/// <param name="Total">Tracks in the run.</param>
/// <param name="Track">The track just finished.</param>
/// <param name="Segments">Its segment count (0 when skipped).</param>
/// <param name="Error">Why it was skipped, or null when it succeeded.</param>
public sealed record SegmentExtractionProgress(int Completed, int Total, Track Track, int Segments, string? Error);
