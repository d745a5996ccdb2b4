using GenreNotebooks.Notebooks.Document;

namespace GenreNotebooks.Notebooks.Execution;

/// <summary>The outcome of running a notebook: the executed document (with outputs) and each code cell's result.</summary>
/// <param name="Document">The notebook with outputs and execution counts filled in.</param>
/// <param name="Cells">One result per code cell that ran, in order.</param>
/// <param name="Elapsed">Wall-clock time of the whole run.</param>
public sealed record NotebookRunResult(NotebookDocument Document, IReadOnlyList<CellRunResult> Cells, TimeSpan Elapsed)
{
    /// <summary>The failures, in order (empty on success).</summary>
    public IReadOnlyList<CellFailure> Failures => Cells.Where(c => c.Failure is not null).Select(c => c.Failure!).ToList();

    /// <summary>True when every cell ran without error.</summary>
    public bool Succeeded => Failures.Count == 0;

    /// <summary>The result of the cell at 1-based position <paramref name="cellNumber"/> among all cells.</summary>
    /// <exception cref="KeyNotFoundException">That cell is not a code cell that ran.</exception>
    public CellRunResult Cell(int cellNumber) =>
        Cells.FirstOrDefault(c => c.CellNumber == cellNumber)
        ?? throw new KeyNotFoundException($"Cell {cellNumber} is not a code cell that ran.");
}
