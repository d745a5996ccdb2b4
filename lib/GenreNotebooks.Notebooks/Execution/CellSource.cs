namespace GenreNotebooks.Notebooks.Execution;

/// <summary>
/// Reads Polyglot cell magics: <c>#!markdown</c> makes a code cell markdown, <c>#!csharp</c> (or <c>#!c#</c>,
/// <c>#!cs</c>) is dropped, other kernels and package directives are refused with a clear message.
/// </summary>
internal static class CellSource
{
    public const string PackageMessage =
        "is not supported by the GenreNotebooks runner: the library (#r \"../artifacts/bin/GenreNotebooks/release/GenreNotebooks.dll\") " +
        "already brings every package the notebooks need; build it with `dotnet build lib/GenreNotebooks -c Release`.";

    /// <summary>
    /// Prepares a code cell: returns the code to compile (magic line blanked so line numbers still match the cell),
    /// whether the cell is really markdown, and an error when it cannot run here.
    /// </summary>
    public static (string Code, bool IsMarkdown, string? Unsupported) Prepare(string source, string? kernel)
    {
        var lines = source.Replace("\r\n", "\n").Split('\n');
        int first = Array.FindIndex(lines, l => l.Trim().Length > 0);
        if (first >= 0 && lines[first].TrimStart().StartsWith("#!", StringComparison.Ordinal))
        {
            var magic = lines[first].Trim()[2..].Split(' ', 2)[0].ToLowerInvariant();
            switch (magic)
            {
                case "markdown": case "md": return ("", true, null);
                case "csharp": case "c#": case "cs": lines[first] = ""; kernel = null; break;
                default: return ("", false, $"#!{magic}: the runner executes C# cells only.");
            }
        }
        if (kernel is not null && kernel is not ("csharp" or "c#" or "cs"))
        {
            if (kernel is "markdown" or "md") return ("", true, null);
            return ("", false, $"this cell's kernel is '{kernel}'; the runner executes C# cells only.");
        }
        for (int i = 0; i < lines.Length; i++)
        {
            var t = lines[i].Trim();
            if (t.StartsWith("#r", StringComparison.Ordinal) && t[2..].TrimStart().StartsWith("\"nuget:", StringComparison.OrdinalIgnoreCase))
                return ("", false, $"line {i + 1}: #r \"nuget: ...\" {PackageMessage}");
            if (t.StartsWith("#i ", StringComparison.Ordinal) || t == "#i")
                return ("", false, $"line {i + 1}: #i {PackageMessage}");
        }
        return (string.Join('\n', lines), false, null);
    }
}
