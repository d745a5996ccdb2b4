using GenreNotebooks.Datasets;
using GenreNotebooks.Tables;

namespace GenreNotebooks.Training;

/// <summary>
/// One sample of tracks split into training, validation and test parts (<see cref="SequenceSamples"/>), with the genre
/// list its labels index. Every part holds whole tracks, so no song is in two parts.
/// Taught in notebooks/08-timbre-and-pitch-sequences.
/// </summary>
/// <param name="Kind">How the sample was drawn.</param>
/// <param name="Genres">The class names, in label order.</param>
/// <param name="Split">The tracks of each part.</param>
/// <param name="Seed">The seed it was drawn with.</param>
public sealed record SequenceSample(SampleKind Kind, IReadOnlyList<string> Genres, SplitResult<Track> Split, int Seed)
{
    /// <summary>All tracks of the sample (training, validation, test).</summary>
    public IEnumerable<Track> Tracks => Split.Train.Concat(Split.Validation).Concat(Split.Test);

    /// <summary>Tracks of each genre in <paramref name="part"/>, in <see cref="Genres"/> order.</summary>
    public int[] Counts(IReadOnlyList<Track> part)
    {
        ArgumentNullException.ThrowIfNull(part);
        return Genres.Select(g => part.Count(t => t.Genre == g)).ToArray();
    }

    /// <summary>Whether every genre has the same number of tracks in <paramref name="part"/>.</summary>
    public bool IsBalanced(IReadOnlyList<Track> part) => Counts(part).Distinct().Count() <= 1;

    /// <summary>
    /// sklearn's <c>compute_class_weight("balanced")</c> over the training part (<see cref="ClassWeights.Balanced"/>):
    /// a genre with fewer training tracks weighs more in the loss. All 1 for a balanced training part.
    /// </summary>
    public float[] ClassWeights() =>
        Training.ClassWeights.Balanced(Split.Train.Select(t => Label(t.Genre)).ToArray(), Genres.Count);

    /// <summary>The class index of <paramref name="genre"/>.</summary>
    /// <exception cref="ArgumentException">The genre is not in <see cref="Genres"/>.</exception>
    public int Label(string genre)
    {
        for (int i = 0; i < Genres.Count; i++) if (Genres[i] == genre) return i;
        throw new ArgumentException($"genre '{genre}' is not one of {string.Join(", ", Genres)}", nameof(genre));
    }

    /// <summary>Tracks per genre in each part, as a table (one row per genre, then the totals).</summary>
    public Table CountsTable()
    {
        var table = new Table("genre", "train", "validation", "test", "all");
        int[] tr = Counts(Split.Train), va = Counts(Split.Validation), te = Counts(Split.Test);
        for (int g = 0; g < Genres.Count; g++) table.AddRow(Genres[g], tr[g], va[g], te[g], tr[g] + va[g] + te[g]);
        table.AddRow("all", Split.Train.Count, Split.Validation.Count, Split.Test.Count, Split.Train.Count + Split.Validation.Count + Split.Test.Count);
        return table.AddNote(Description);
    }

    /// <summary>One line: the kind, the part sizes and whether the parts are balanced.</summary>
    public string Description => Kind switch
    {
        SampleKind.Unbalanced => $"unbalanced: all tracks, stratified split ({Split}); parts keep the genres' proportions",
        SampleKind.Downsampled => $"downsampled: {Counts(Split.Train).Zip(Counts(Split.Validation), Counts(Split.Test)).Select(c => c.First + c.Second + c.Third).Max()} tracks per genre, random split ({Split}); " +
            $"validation {(IsBalanced(Split.Validation) ? "balanced" : "unbalanced")}, test {(IsBalanced(Split.Test) ? "balanced" : "unbalanced")}",
        _ => $"balanced: {Split.Train.Count / Math.Max(1, Genres.Count)} / {Split.Validation.Count / Math.Max(1, Genres.Count)} / {Split.Test.Count / Math.Max(1, Genres.Count)} tracks of every genre ({Split})",
    };

    /// <inheritdoc/>
    public override string ToString() => Description;
}
