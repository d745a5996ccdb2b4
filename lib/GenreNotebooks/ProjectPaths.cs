namespace GenreNotebooks;

/// <summary>
/// Finds the project's folders (the checkout root, <c>datasets/</c>, <c>artifacts/</c>) from wherever code runs:
/// a notebook's folder, a test's output folder or the command line.
/// </summary>
public static class ProjectPaths
{
    /// <summary>The file that marks the checkout root.</summary>
    public const string RootMarker = "GenreNotebooks.sln";

    /// <summary>
    /// The checkout root: the first folder at or above <paramref name="start"/> (default: the current directory,
    /// then this assembly's folder) that holds <see cref="RootMarker"/>; the environment variable
    /// <c>GENRE_NOTEBOOKS_ROOT</c> overrides the search.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">No folder above the start holds the marker.</exception>
    public static string FindRoot(string? start = null)
    {
        var fromEnv = Environment.GetEnvironmentVariable("GENRE_NOTEBOOKS_ROOT");
        if (!string.IsNullOrWhiteSpace(fromEnv) && File.Exists(Path.Combine(fromEnv, RootMarker)))
            return Path.GetFullPath(fromEnv);
        var starts = start is not null
            ? new[] { start }
            : new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory };
        foreach (var s in starts)
        {
            for (var dir = new DirectoryInfo(Path.GetFullPath(s)); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, RootMarker))) return dir.FullName;
        }
        throw new DirectoryNotFoundException(
            $"Could not find the GenreNotebooks checkout ({RootMarker}) above '{starts[0]}'. " +
            "Run from inside the checkout or set GENRE_NOTEBOOKS_ROOT.");
    }

    /// <summary>The <c>datasets/</c> folder of the checkout.</summary>
    public static string Datasets(string? start = null) => Path.Combine(FindRoot(start), "datasets");

    /// <summary>The <c>artifacts/</c> folder of the checkout (build output, executed notebooks, caches).</summary>
    public static string Artifacts(string? start = null) => Path.Combine(FindRoot(start), "artifacts");
}
