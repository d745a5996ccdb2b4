using System.Text;

namespace GenreNotebooks.Datasets;

/// <summary>
/// What a dataset check found, item by item: every file or genre left out and why (<see cref="Excluded"/>), and
/// what was kept with a remark (<see cref="Notes"/>: pooled genre spellings, renamed ids, ignored non-audio files).
/// Nothing is left out of a <see cref="ValidatedDataset"/> without an entry here.
/// </summary>
public sealed class DatasetReport
{
    /// <summary>A report of <paramref name="issues"/>, ordered by dataset root (first appearance), exclusions first, then kind and path.</summary>
    public DatasetReport(IEnumerable<DatasetIssue> issues)
    {
        ArgumentNullException.ThrowIfNull(issues);
        var list = issues.ToList();
        var rootOrder = list.Select(i => i.Root).Distinct().Select((r, k) => (r, k)).ToDictionary(x => x.r, x => x.k);
        Issues = list.OrderBy(i => rootOrder[i.Root]).ThenBy(i => i.Excluded ? 0 : 1).ThenBy(i => i.Kind)
            .ThenBy(i => i.Path, StringComparer.Ordinal).ThenBy(i => i.Message, StringComparer.Ordinal).ToArray();
    }

    /// <summary>An empty report.</summary>
    public static DatasetReport Empty { get; } = new([]);

    /// <summary>Every finding.</summary>
    public IReadOnlyList<DatasetIssue> Issues { get; }

    /// <summary>The findings that left something out of the dataset.</summary>
    public IReadOnlyList<DatasetIssue> Excluded => Issues.Where(i => i.Excluded).ToArray();

    /// <summary>The findings that left nothing out.</summary>
    public IReadOnlyList<DatasetIssue> Notes => Issues.Where(i => !i.Excluded).ToArray();

    /// <summary>True when something was left out.</summary>
    public bool HasExclusions => Issues.Any(i => i.Excluded);

    /// <summary>The findings of one kind.</summary>
    public IReadOnlyList<DatasetIssue> OfKind(DatasetIssueKind kind) => Issues.Where(i => i.Kind == kind).ToArray();

    /// <summary>Combines reports (e.g. of merged datasets).</summary>
    public static DatasetReport Concat(params DatasetReport[] reports) => new(reports.SelectMany(r => r.Issues));

    /// <summary>
    /// One line per finding (<see cref="DatasetIssue.ToString"/>) under an <c>in &lt;root&gt;:</c> heading per dataset
    /// folder, or <c>no problems found</c>.
    /// </summary>
    public override string ToString()
    {
        if (Issues.Count == 0) return "no problems found";
        var sb = new StringBuilder();
        int excluded = Issues.Count(i => i.Excluded);
        sb.AppendLine($"{excluded} exclusion(s), {Issues.Count - excluded} note(s)");
        foreach (var group in Issues.GroupBy(i => i.Root))
        {
            sb.AppendLine($"in {group.Key}:");
            foreach (var i in group) sb.AppendLine("  " + i);
        }
        return sb.ToString().TrimEnd();
    }
}
