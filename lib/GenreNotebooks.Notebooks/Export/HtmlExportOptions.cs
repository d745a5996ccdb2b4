namespace GenreNotebooks.Notebooks.Export;

/// <summary>Options of <see cref="HtmlExporter"/>.</summary>
public sealed record HtmlExportOptions
{
    /// <summary>The page title; default the notebook's file name.</summary>
    public string? Title { get; init; }

    /// <summary>
    /// A local plotly.js (e.g. <c>node_modules/plotly.js-dist-min/plotly.min.js</c>) to inline once in the page so
    /// figures draw without a network; null (default) lets figures load plotly.js from the CDN.
    /// </summary>
    public string? PlotlyScriptPath { get; init; }
}
