namespace GenreNotebooks.Notebooks.Execution;

/// <summary>What happened when one code cell ran.</summary>
/// <param name="CellNumber">1-based position among all cells.</param>
/// <param name="Elapsed">Wall-clock time of the cell.</param>
/// <param name="ReturnValue">The value of the cell's trailing expression (null when none); for tests and tools.</param>
/// <param name="Failure">Null when the cell succeeded.</param>
public sealed record CellRunResult(int CellNumber, TimeSpan Elapsed, object? ReturnValue, CellFailure? Failure)
{
    /// <summary>True when the cell ran without error.</summary>
    public bool Succeeded => Failure is null;
}
