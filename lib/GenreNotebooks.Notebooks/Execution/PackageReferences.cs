using System.Diagnostics;
using System.Text.RegularExpressions;

namespace GenreNotebooks.Notebooks.Execution;

/// <summary>
/// Resolves <c>#r "nuget: Id, Version"</c> offline. The kernel restores the package; the runner takes
/// <c>Id.dll</c> from the folder of a library the notebook references with <c>#r "path.dll"</c> (in any cell), where
/// a library built with its dependencies beside it puts it, provided its product version is the one asked for. So a
/// notebook that names the package (for the kernel's sake: restoring it loads its kernel extensions, such as the
/// DataFrame formatter) runs in both with the same assembly.
/// </summary>
internal sealed partial class PackageReferences
{
    private readonly IReadOnlyList<string> _folders;

    private PackageReferences(IReadOnlyList<string> folders) => _folders = folders;

    /// <summary>Resolves no package (every nuget reference is an error).</summary>
    public static PackageReferences None { get; } = new([]);

    /// <summary>The folders of every <c>#r "path.dll"</c> of the notebook's code cells, relative to <paramref name="folder"/>.</summary>
    public static PackageReferences Scan(IEnumerable<string> codeCells, string folder)
    {
        var folders = new List<string>();
        foreach (var code in codeCells)
            foreach (Match m in DllReference().Matches(code))
            {
                var dir = Path.GetDirectoryName(Path.GetFullPath(Path.Combine(folder, m.Groups[1].Value)));
                if (dir is not null && !folders.Contains(dir)) folders.Add(dir);
            }
        return new PackageReferences(folders);
    }

    /// <summary>The DLL for package <paramref name="id"/> (any version when <paramref name="version"/> is null), or an error.</summary>
    public (string? Path, string? Error) Resolve(string id, string? version)
    {
        var found = new List<string>();
        foreach (var folder in _folders)
        {
            var candidate = Path.Combine(folder, id + ".dll");
            if (!File.Exists(candidate)) continue;
            var product = FileVersionInfo.GetVersionInfo(candidate).ProductVersion?.Split('+')[0];
            if (version is null || SameVersion(product, version)) return (candidate, null);
            found.Add($"{candidate} is {product}");
        }
        var searched = _folders.Count == 0 ? "the notebook references no library with #r" : "searched " + string.Join(", ", _folders);
        var mismatch = found.Count == 0 ? "" : "; " + string.Join("; ", found);
        return (null, $"#r \"nuget: {id}{(version is null ? "" : ", " + version)}\": no library referenced with #r brings {id}" +
                      $"{(version is null ? "" : " " + version)} beside it ({searched}{mismatch}). {CellSource.PackageMessage}");
    }

    private static bool SameVersion(string? a, string b)
    {
        static string Trim(string v) => v.EndsWith(".0", StringComparison.Ordinal) && v.Count(c => c == '.') > 2 ? v[..^2] : v;
        return a is not null && string.Equals(Trim(a.Trim()), Trim(b.Trim()), StringComparison.OrdinalIgnoreCase);
    }

    [GeneratedRegex("""^[ \t]*#r[ \t]+"(?!nuget:)([^"]+\.dll)"[ \t]*$""", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex DllReference();
}
