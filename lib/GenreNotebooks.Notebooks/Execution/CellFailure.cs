namespace GenreNotebooks.Notebooks.Execution;

/// <summary>Why a cell failed.</summary>
public enum CellFailureKind
{
    /// <summary>The cell did not compile.</summary>
    Compilation,
    /// <summary>The cell threw an exception.</summary>
    Exception,
    /// <summary>The cell ran longer than the timeout.</summary>
    Timeout,
    /// <summary>The cell uses something the runner does not offer (<c>#r "nuget:..."</c>, <c>#i</c>, another kernel).</summary>
    Unsupported,
}

/// <summary>A failed cell: where it is, how it starts and what went wrong.</summary>
/// <param name="Notebook">The notebook's file name (or "notebook" for one built in memory).</param>
/// <param name="CellNumber">1-based position among all cells, markdown included.</param>
/// <param name="CellCount">How many cells the notebook has.</param>
/// <param name="CodeCellNumber">1-based position among code cells only.</param>
/// <param name="FirstLine">The cell's first non-empty line.</param>
/// <param name="Kind">What kind of failure.</param>
/// <param name="Message">The compiler diagnostics (lines relative to the cell) or the exception.</param>
/// <param name="Exception">The exception thrown, when there was one.</param>
public sealed record CellFailure(
    string Notebook, int CellNumber, int CellCount, int CodeCellNumber, string FirstLine,
    CellFailureKind Kind, string Message, Exception? Exception)
{
    /// <summary>A multi-line description for people: notebook, cell numbers, first line and the error.</summary>
    public string Describe() =>
        $"{Notebook}: cell {CellNumber} of {CellCount} (counting all cells, markdown included; code cell {CodeCellNumber}) " +
        $"failed: {KindText}\n  first line: {FirstLine}\n  " + Message.Replace("\n", "\n  ");

    private string KindText => Kind switch
    {
        CellFailureKind.Compilation => "compile error",
        CellFailureKind.Exception => "exception",
        CellFailureKind.Timeout => "timed out",
        _ => "unsupported",
    };
}
