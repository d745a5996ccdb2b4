namespace GenreNotebooks.Training;

/// <summary>
/// A minimal grouped, stratified k-fold assignment used by <see cref="CrossValidation"/> when no fold assignment is
/// given: every group (track) goes whole into one fold, and each class's groups are dealt over the folds so the folds
/// hold similar numbers of each genre. The full splitters live in GenreNotebooks.Datasets; this one only backs the
/// cross-validation convenience overload.
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
        var groupSize = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < labels.Count; i++)
        {
            string g = groups[i] ?? throw new ArgumentException($"sample {i} has a null group id", nameof(groups));
            if (groupLabel.TryGetValue(g, out int l))
            {
                if (l != labels[i])
                    throw new ArgumentException($"group '{g}' has samples of classes {l} and {labels[i]}; a track has one genre", nameof(labels));
                groupSize[g]++;
            }
            else
            {
                groupLabel[g] = labels[i];
                groupSize[g] = 1;
                groupOrder.Add(g);
            }
        }
        if (groupOrder.Count < folds)
            throw new ArgumentException($"{groupOrder.Count} groups cannot fill {folds} folds", nameof(groups));

        var rng = new Random(unchecked((int)(seed ^ (seed >> 32))));
        var foldOfGroup = new Dictionary<string, int>(StringComparer.Ordinal);
        var foldSamples = new int[folds];
        foreach (var cls in groupOrder.Select(g => groupLabel[g]).Distinct().Order())
        {
            var members = groupOrder.Where(g => groupLabel[g] == cls).ToArray();
            rng.Shuffle(members);
            // Deal round-robin starting at the fold with the fewest samples so far, so folds stay balanced overall.
            int start = Array.IndexOf(foldSamples, foldSamples.Min());
            for (int j = 0; j < members.Length; j++)
            {
                int f = (start + j) % folds;
                foldOfGroup[members[j]] = f;
                foldSamples[f] += groupSize[members[j]];
            }
        }
        var result = new int[labels.Count];
        for (int i = 0; i < labels.Count; i++) result[i] = foldOfGroup[groups[i]];
        return result;
    }
}
