namespace GenreNotebooks.Plots;

/// <summary>
/// Where figures get plotly.js: the CDN by default (as Plotly.NET does), or a local copy from npm
/// (<c>npm install plotly.js-dist-min</c> puts it in <c>node_modules/plotly.js-dist-min/plotly.min.js</c> of the
/// checkout) for pages that must work offline.
/// </summary>
public static class PlotlyJs
{
    /// <summary>The plotly.js build figures load when no local copy is inlined.</summary>
    public const string CdnUrl = "https://cdn.plot.ly/plotly-2.35.2.min.js";

    /// <summary>The path of the npm package's script, relative to a folder holding node_modules/.</summary>
    public static readonly string NpmRelativePath = Path.Combine("node_modules", "plotly.js-dist-min", "plotly.min.js");

    /// <summary>
    /// The local plotly.min.js: in <c>node_modules/</c> of <paramref name="start"/> or a folder above it (default:
    /// the current directory, then this assembly's folder); null when there is none.
    /// </summary>
    public static string? FindLocal(string? start = null)
    {
        var starts = start is not null ? [start] : new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory };
        foreach (var s in starts)
        {
            for (var dir = new DirectoryInfo(Path.GetFullPath(s)); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, NpmRelativePath);
                if (File.Exists(candidate)) return candidate;
            }
        }
        return null;
    }
}
