namespace GenreNotebooks.Datasets;

/// <summary>
/// A deliberately simple probe that makes split leakage visible: each clip is summarised by the mean and standard
/// deviation of every mel band over time (2 x n_mels numbers), standardised with the training set's statistics, and
/// a test clip takes the genre of its nearest training clip (1-nearest neighbour, Euclidean). With a clip-level split
/// the nearest neighbour is usually another clip of the same song, so accuracy jumps; with a track-grouped split it
/// cannot be. Taught in notebooks/02-building-the-datasets.
/// </summary>
public static class LeakProbe
{
    /// <summary>Per-clip summary: band means then band standard deviations, shape (2 * Rows).</summary>
    public static float[] Summary(MelClipSet set, int clip)
    {
        ArgumentNullException.ThrowIfNull(set);
        var s = set.Span(clip);
        var f = new float[2 * set.Rows];
        for (int r = 0; r < set.Rows; r++)
        {
            var row = s.Slice(r * set.Cols, set.Cols);
            double sum = 0, sq = 0;
            foreach (var v in row) { sum += v; sq += (double)v * v; }
            double mean = sum / row.Length;
            f[r] = (float)mean;
            f[set.Rows + r] = (float)Math.Sqrt(Math.Max(0, sq / row.Length - mean * mean));
        }
        return f;
    }

    /// <summary>
    /// Accuracy of 1-nearest-neighbour classification of <paramref name="test"/> clips by <paramref name="train"/>
    /// clips (labels compared by genre name). Also returns how often the neighbour came from the same track.
    /// </summary>
    /// <exception cref="ArgumentException">An empty train or test set.</exception>
    public static (double Accuracy, double SameTrackNeighbour) NearestNeighbour(MelClipSet train, MelClipSet test)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        if (train.Count == 0 || test.Count == 0) throw new ArgumentException($"need clips on both sides (train {train.Count}, test {test.Count})");
        var tr = Enumerable.Range(0, train.Count).Select(i => Summary(train, i)).ToArray();
        int d = tr[0].Length;
        var mean = new double[d];
        var std = new double[d];
        foreach (var x in tr) for (int j = 0; j < d; j++) mean[j] += x[j];
        for (int j = 0; j < d; j++) mean[j] /= tr.Length;
        foreach (var x in tr) for (int j = 0; j < d; j++) std[j] += (x[j] - mean[j]) * (x[j] - mean[j]);
        for (int j = 0; j < d; j++) std[j] = Math.Sqrt(std[j] / tr.Length) + 1e-6;
        void Standardise(float[] x) { for (int j = 0; j < d; j++) x[j] = (float)((x[j] - mean[j]) / std[j]); }
        foreach (var x in tr) Standardise(x);
        int correct = 0, sameTrack = 0;
        var results = new (bool Correct, bool Same)[test.Count];
        Parallel.For(0, test.Count, i =>
        {
            var q = Summary(test, i);
            Standardise(q);
            int best = 0;
            float bestDist = float.MaxValue;
            for (int k = 0; k < tr.Length; k++)
            {
                float dist = 0;
                var x = tr[k];
                for (int j = 0; j < d; j++) { float e = x[j] - q[j]; dist += e * e; }
                if (dist < bestDist) { bestDist = dist; best = k; }
            }
            results[i] = (train.Clips[best].Genre == test.Clips[i].Genre, train.Clips[best].TrackId == test.Clips[i].TrackId);
        });
        foreach (var (c, s) in results) { if (c) correct++; if (s) sameTrack++; }
        return (correct / (double)test.Count, sameTrack / (double)test.Count);
    }
}
