namespace GenreNotebooks.Notebooks.Execution;

/// <summary>
/// A value already formatted for one MIME type, as .NET Interactive's <c>FormattedValue</c>: display one to show
/// a PNG, an SVG, JSON or raw HTML exactly as given.
/// </summary>
/// <param name="MimeType">For example <c>image/png</c> (Value is base64), <c>image/svg+xml</c>, <c>application/json</c>.</param>
/// <param name="Value">The text of the value in that MIME type.</param>
public sealed record FormattedValue(string MimeType, string Value)
{
    /// <summary>A PNG image from its bytes (stored base64, as Jupyter does).</summary>
    public static FormattedValue Png(byte[] bytes) => new("image/png", Convert.ToBase64String(bytes));

    /// <summary>An SVG image from its markup.</summary>
    public static FormattedValue Svg(string svg) => new("image/svg+xml", svg);

    /// <summary>A JSON document (must be valid JSON).</summary>
    public static FormattedValue Json(string json) => new("application/json", json);

    /// <summary>Raw HTML.</summary>
    public static FormattedValue Html(string html) => new("text/html", html);
}
