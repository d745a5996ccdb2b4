namespace GenreNotebooks.Features;

/// <summary>
/// Outcome of a folder feature extraction: rows written, files already present in the output (resumed), and the
/// files that could not be read, each with the reason.
/// </summary>
/// <param name="FilesProcessed">Files whose rows were computed and written in this run.</param>
/// <param name="RowsWritten">Rows appended in this run.</param>
/// <param name="FilesAlreadyDone">Files skipped because their rows were already in the output CSV.</param>
/// <param name="Failures">Files skipped because of an error: path and message.</param>
public sealed record FeatureExtractionReport(int FilesProcessed, int RowsWritten, int FilesAlreadyDone,
    IReadOnlyList<(string File, string Error)> Failures);
