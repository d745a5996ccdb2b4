namespace GenreNotebooks.Training;

/// <summary>
/// The grouped, stratified k-fold assignment behind <see cref="CrossValidation"/> when no fold assignment is given:
/// every group (track) goes whole into one fold, and each class's groups are dealt over the folds by
/// GenreNotebooks.Datasets.Splits (the same rule as <c>Splits.KFoldByTrack</c>), independent of row order.
/// </summary>
internal static class GroupedStratifiedKFold
{
    public static int[] Assign(IReadOnlyList<int> labels, IReadOnlyList<string> groups, int folds, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(groups);
        if (labels.Count != groups.Count)
            throw new ArgumentException($"{labels.Count} labels but {groups.Count} group ids", nameof(groups));
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);

        // One label per group; members of each group, in first-appearance order (deterministic).
        var groupOrder = new List<string>();
        var groupLabel = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < labels.Count; i++)
        {
            string g = groups[i] ?? throw new ArgumentException($"sample {i} has a null group id", nameof(groups));
            if (groupLabel.TryGetValue(g, out int l))
            {
                if (l != labels[i])
                    throw new ArgumentException($"group '{g}' has samples of classes {l} and {labels[i]}; a track has one genre", nameof(labels));
            }
            else
            {
                groupLabel[g] = labels[i];
                groupOrder.Add(g);
            }
        }
        // One dealing rule for the whole library: the one behind Splits.KFoldByTrack (sorted ids, seeded shuffle per genre).
        var keyed = groupOrder.Select(g => (g, groupLabel[g].ToString("D9", System.Globalization.CultureInfo.InvariantCulture))).ToArray();
        var foldOfGroup = GenreNotebooks.Datasets.Splits.FoldGroups(keyed, folds, unchecked((int)(seed ^ (seed >> 32))));
        var result = new int[labels.Count];
        for (int i = 0; i < labels.Count; i++) result[i] = foldOfGroup[groups[i]];
        return result;
    }
}
