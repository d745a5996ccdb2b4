using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace GenreNotebooks.Datasets;

/// <summary>
/// The banner a notebook shows once it has its data: whether the numbers that follow describe real GTZAN or the
/// synthetic stand-in (in capitals when synthetic), where the data came from, and every warning met while reading it
/// (each file skipped, named with its reason). HTML in notebooks, plain lines on a console.
/// <code>display(DataNotice.For(dataset));</code>
/// Taught in notebooks/02-building-the-datasets.
/// </summary>
public sealed class DataNotice : IHtmlContent
{
    /// <summary>A notice with a headline, the description lines and the warnings.</summary>
    public DataNotice(bool synthetic, string headline, IEnumerable<string> details, IEnumerable<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(headline);
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(warnings);
        IsSynthetic = synthetic;
        Headline = headline;
        Details = details.ToArray();
        Warnings = warnings.ToArray();
    }

    /// <summary>The notice of a track data set: GTZAN, synthetic or custom folders.</summary>
    public static DataNotice For(GenreDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return new DataNotice(dataset.IsSynthetic, HeadlineFor(dataset.IsSynthetic, dataset.Source switch
        {
            DatasetSource.GtzanKaggle => "GTZAN, Kaggle layout",
            DatasetSource.GtzanTarball => "GTZAN, original tarball layout",
            DatasetSource.Custom => "your own genre folders",
            _ => dataset.Source.ToString(),
        }),
            [dataset.Description, $"{dataset.Tracks.Count} tracks in {dataset.Genres.Count} genres ({string.Join(", ", dataset.Genres)})"],
            dataset.Warnings.Concat(dataset.MissingIds.Count == 0 ? [] : [$"{dataset.MissingIds.Count} expected track(s) missing: {string.Join(", ", dataset.MissingIds.Take(10))}{(dataset.MissingIds.Count > 10 ? ", ..." : "")}"]));
    }

    /// <summary>The notice of a pair of feature tables, saying where each table came from.</summary>
    public static DataNotice For(FeatureDataset features)
    {
        ArgumentNullException.ThrowIfNull(features);
        return new DataNotice(features.IsSynthetic, HeadlineFor(features.IsSynthetic, "GTZAN"),
            [$"30-s table: {features.ThirtySecondsSource} ({features.ThirtySeconds.RowCount} rows)",
             $"3-s table: {features.ThreeSecondsSource} ({features.ThreeSeconds.RowCount} rows)"],
            features.Warnings);
    }

    /// <summary>
    /// The notice of data a notebook put together itself (a few clips, a feature table it computed): the same headline
    /// as the other notices (in capitals when <paramref name="synthetic"/>, else naming <paramref name="source"/>),
    /// then <paramref name="details"/> and <paramref name="warnings"/>.
    /// <code>DataNotice.For(gtzan is null, "GTZAN audio", [$"classical: {classical}", $"rock: {rock}"])</code>
    /// </summary>
    public static DataNotice For(bool synthetic, string source, IEnumerable<string> details, IEnumerable<string>? warnings = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new DataNotice(synthetic, HeadlineFor(synthetic, source), details, warnings ?? []);
    }

    /// <summary>True when the data is the synthetic stand-in.</summary>
    public bool IsSynthetic { get; }

    /// <summary>The first line.</summary>
    public string Headline { get; }

    /// <summary>Where the data came from, one fact per line.</summary>
    public IReadOnlyList<string> Details { get; }

    /// <summary>Problems met while reading the data, one per line, naming the file.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>The headline, the details, then one "warning: ..." line per warning.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder(Headline);
        foreach (var d in Details) sb.Append('\n').Append(d);
        foreach (var w in Warnings) sb.Append("\nwarning: ").Append(w);
        return sb.ToString();
    }

    /// <inheritdoc />
    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var sb = new StringBuilder("<div class=\"genre-data-notice\" style=\"border-left:4px solid ")
            .Append(IsSynthetic ? "#d9822b" : "#2b8a3e").Append(";padding:0.3em 0.8em;margin:0.3em 0\">")
            .Append("<strong>").Append(WebUtility.HtmlEncode(Headline)).Append("</strong>");
        foreach (var d in Details) sb.Append("<br>").Append(WebUtility.HtmlEncode(d));
        if (Warnings.Count > 0)
        {
            sb.Append("<ul style=\"margin:0.3em 0\">");
            foreach (var w in Warnings) sb.Append("<li>warning: ").Append(WebUtility.HtmlEncode(w)).Append("</li>");
            sb.Append("</ul>");
        }
        writer.Write(sb.Append("</div>").ToString());
    }

    private static string HeadlineFor(bool synthetic, string source) => synthetic
        ? "USING SYNTHETIC DATA (no GTZAN in datasets/gtzan/): every number below describes the synthetic set, NOT GTZAN."
        : $"Using real data ({source}).";
}
