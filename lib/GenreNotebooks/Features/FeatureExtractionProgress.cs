namespace GenreNotebooks.Features;

/// <summary>
/// Progress of a folder feature extraction, reported once per file.
/// Used in notebooks/04-feature-networks-and-cross-validation.
/// </summary>
/// <param name="Completed">Files finished so far (written, skipped as already done, or failed).</param>
/// <param name="Total">Files in the run.</param>
/// <param name="File">The file just finished.</param>
/// <param name="RowsWritten">Rows written for this file (0 when it was already in the output or failed).</param>
/// <param name="Error">Why the file was skipped, or null when it succeeded.</param>
public sealed record FeatureExtractionProgress(int Completed, int Total, string File, int RowsWritten, string? Error);
