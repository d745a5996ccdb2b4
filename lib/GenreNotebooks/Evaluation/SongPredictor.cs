namespace GenreNotebooks.Evaluation;

/// <summary>
/// Whole-song prediction from clip predictions: group the clips' probability rows by track id, average each group
/// and take the argmax (the BU paper's "average the 3-s clip probabilities"), with the majority vote of the clips'
/// own argmax for comparison. No library equivalent; in numpy it is
/// <c>pd.DataFrame(probs).groupby(track_ids).mean().idxmax(axis=1)</c>.
/// Taught in notebooks/07-whole-songs-and-remixes (mean vs majority vote).
/// </summary>
public static class SongPredictor
{
    /// <summary>
    /// One <see cref="SongPrediction"/> per distinct track id, in order of first appearance.
    /// </summary>
    /// <param name="clipProbabilities">Shape (N clips, C classes): softmax outputs, one row per clip.</param>
    /// <param name="trackIds">The track id of each clip, length N.</param>
    /// <param name="clipLabels">Optional true class of each clip, length N; all clips of a track must agree.</param>
    /// <remarks>
    /// Majority-vote ties are broken by the higher mean probability, then by the lower class index.
    /// </remarks>
    /// <exception cref="ArgumentException">Lengths differ, there are no clips, an id is null/empty, or a track's clips carry different labels.</exception>
    public static IReadOnlyList<SongPrediction> Predict(FloatMatrix clipProbabilities, IReadOnlyList<string> trackIds, IReadOnlyList<int>? clipLabels = null)
    {
        ArgumentNullException.ThrowIfNull(clipProbabilities);
        ArgumentNullException.ThrowIfNull(trackIds);
        int n = clipProbabilities.Rows, c = clipProbabilities.Cols;
        if (trackIds.Count != n)
            throw new ArgumentException($"{trackIds.Count} track ids for {n} clip probability rows", nameof(trackIds));
        if (n == 0) throw new ArgumentException("no clips", nameof(clipProbabilities));
        if (c == 0) throw new ArgumentException("the probability matrix has no classes", nameof(clipProbabilities));
        if (clipLabels is not null)
        {
            if (clipLabels.Count != n)
                throw new ArgumentException($"{clipLabels.Count} clip labels for {n} clips", nameof(clipLabels));
            LabelChecks.InRange(clipLabels, c, nameof(clipLabels));
        }

        var order = new List<string>();
        var rowsOf = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int i = 0; i < n; i++)
        {
            string id = trackIds[i];
            if (string.IsNullOrEmpty(id)) throw new ArgumentException($"clip {i} has no track id", nameof(trackIds));
            if (!rowsOf.TryGetValue(id, out var list))
            {
                rowsOf[id] = list = [];
                order.Add(id);
            }
            list.Add(i);
        }

        var result = new SongPrediction[order.Count];
        for (int s = 0; s < order.Count; s++)
        {
            var rows = rowsOf[order[s]];
            var sum = new double[c];
            var votes = new int[c];
            foreach (int r in rows)
            {
                var row = clipProbabilities.Row(r);
                for (int k = 0; k < c; k++) sum[k] += row[k];
                votes[Metrics.Argmax(row)]++;
            }
            var mean = new float[c];
            for (int k = 0; k < c; k++) mean[k] = (float)(sum[k] / rows.Count);
            int byMean = Metrics.Argmax(mean);
            int byVote = 0;
            for (int k = 1; k < c; k++)
                if (votes[k] > votes[byVote] || (votes[k] == votes[byVote] && mean[k] > mean[byVote])) byVote = k;
            int? truth = null;
            if (clipLabels is not null)
            {
                truth = clipLabels[rows[0]];
                foreach (int r in rows)
                    if (clipLabels[r] != truth)
                        throw new ArgumentException($"track '{order[s]}' has clips labelled {truth} and {clipLabels[r]}; a song has one genre", nameof(clipLabels));
            }
            result[s] = new SongPrediction(order[s], rows.Count, mean, byMean, byVote, truth);
        }
        return result;
    }

    /// <summary>
    /// Fraction of songs predicted correctly, by mean probability (default) or by majority vote.
    /// </summary>
    /// <exception cref="ArgumentException">No songs, or a song has no true label.</exception>
    public static double Accuracy(IReadOnlyList<SongPrediction> songs, bool byVote = false)
    {
        ArgumentNullException.ThrowIfNull(songs);
        if (songs.Count == 0) throw new ArgumentException("no songs", nameof(songs));
        int hits = 0;
        foreach (var s in songs)
        {
            if (s.TrueLabel is not int t)
                throw new ArgumentException($"song '{s.TrackId}' has no true label; pass clip labels to Predict", nameof(songs));
            if ((byVote ? s.PredictedByVote : s.PredictedByMean) == t) hits++;
        }
        return (double)hits / songs.Count;
    }
}
