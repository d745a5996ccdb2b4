namespace GenreNotebooks.Features;

/// <summary>
/// A feature CSV that cannot be read: the message names the file, the line (1-based, the header is line 1) and,
/// where there is one, the column.
/// </summary>
public sealed class FeatureCsvException : FormatException
{
    /// <summary>An error at <paramref name="line"/> (and <paramref name="column"/>) of <paramref name="path"/>.</summary>
    public FeatureCsvException(string path, int line, string? column, string problem)
        : base($"{path}, line {line}{(column is null ? "" : $", column '{column}'")}: {problem}")
    {
        Path = path;
        Line = line;
        Column = column;
        Problem = problem;
    }

    /// <summary>The file (or source name) being read.</summary>
    public string Path { get; }

    /// <summary>The 1-based line number; 1 is the header.</summary>
    public int Line { get; }

    /// <summary>The column name, or null when the problem concerns the whole line or the header.</summary>
    public string? Column { get; }

    /// <summary>The problem, without the location.</summary>
    public string Problem { get; }
}
