namespace GenreNotebooks.Notebooks.Execution;

/// <summary>
/// Reads Polyglot cell magics: <c>#!markdown</c> makes a code cell markdown, <c>#!csharp</c> (or <c>#!c#</c>,
/// <c>#!cs</c>) is dropped, other kernels are refused with a clear message. <c>#r "nuget: Id, Version"</c> becomes a
/// <c>#r</c> of the package's DLL that a referenced library brings (see <see cref="PackageReferences"/>), or an
/// error; <c>#i</c> (package sources) is refused.
/// </summary>
internal static class CellSource
{
    public const string PackageMessage =
        "The GenreNotebooks runner restores no packages: #r \"nuget: ...\" resolves only to a package that a library " +
        "referenced with #r already brings beside it (#r \"../artifacts/bin/GenreNotebooks/release/GenreNotebooks.dll\" " +
        "and the other artifacts/bin libraries; build them with `dotnet build GenreNotebooks.sln -c Release`).";

    /// <summary>
    /// Prepares a code cell: returns the code to compile (magic line blanked so line numbers still match the cell),
    /// whether the cell is really markdown, and an error when it cannot run here.
    /// </summary>
    public static (string Code, bool IsMarkdown, string? Unsupported) Prepare(string source, string? kernel, PackageReferences? packages = null)
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
            {
                var spec = t[2..].Trim().Trim('"')["nuget:".Length..].Split(',', 2, StringSplitOptions.TrimEntries);
                var (path, error) = (packages ?? PackageReferences.Scan([], Directory.GetCurrentDirectory()))
                    .Resolve(spec[0], spec.Length > 1 && spec[1].Length > 0 ? spec[1] : null);
                if (path is null) return ("", false, $"line {i + 1}: {error}");
                lines[i] = $"#r \"{path}\"";
                continue;
            }
            if (t.StartsWith("#i ", StringComparison.Ordinal) || t == "#i")
                return ("", false, $"line {i + 1}: #i (package sources) is not supported. {PackageMessage}");
        }
        return (string.Join('\n', lines), false, null);
    }
}
