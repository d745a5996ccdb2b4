using System.Globalization;
using System.Text;

namespace GenreNotebooks.Datasets;

/// <summary>
/// A balancing choice and its effect: the dataset before and after, the class weights of the loss, and a table of
/// tracks and clips per genre before and after (<see cref="ToString"/>). Made by <see cref="ValidatedDataset.Balance"/>.
/// </summary>
public sealed class ClassBalance
{
    internal ClassBalance(BalanceMode mode, int seed, ClipOptions clips, ValidatedDataset before, ValidatedDataset after, IReadOnlyList<float> weights)
    {
        Mode = mode;
        Seed = seed;
        Clips = clips;
        Before = before;
        After = after;
        Weights = weights;
        var rows = new List<ClassBalanceRow>();
        for (int g = 0; g < before.Genres.Count; g++)
        {
            string genre = before.Genres[g];
            int afterIndex = IndexOf(after.Genres, genre);
            rows.Add(new ClassBalanceRow(genre, before.TrackCount(genre), before.ClipCount(genre, clips),
                after.TrackCount(genre), after.ClipCount(genre, clips), afterIndex < 0 ? 0f : weights[afterIndex]));
        }
        Rows = rows;
    }

    /// <summary>The balancing chosen.</summary>
    public BalanceMode Mode { get; }

    /// <summary>The seed of the track choice (<see cref="BalanceMode.UndersampleToSmallest"/>).</summary>
    public int Seed { get; }

    /// <summary>The clips counted in the table and weighed.</summary>
    public ClipOptions Clips { get; }

    /// <summary>The dataset before balancing.</summary>
    public ValidatedDataset Before { get; }

    /// <summary>The dataset to train on: fewer tracks when undersampled, the same otherwise.</summary>
    public ValidatedDataset After { get; }

    /// <summary>
    /// Class weights for the loss, in <c>After.Genres</c> order (PyTorch <c>CrossEntropyLoss(weight=...)</c>): all 1
    /// unless <see cref="BalanceMode.ClassWeights"/>, then <see cref="Training.ClassWeights.Balanced"/> over the
    /// clips of the whole dataset (a stratified split by track gives its training part nearly the same shares).
    /// </summary>
    public IReadOnlyList<float> Weights { get; }

    /// <summary>One row per genre of <see cref="Before"/>, in its genre order.</summary>
    public IReadOnlyList<ClassBalanceRow> Rows { get; }

    /// <summary>One line saying what was done, e.g. "undersampled to the smallest genre: 12 tracks per genre, seed 42".</summary>
    public string Description
    {
        get
        {
            string clip = ClipText(Clips, Before.Options.SampleRate);
            return Mode switch
            {
                BalanceMode.UndersampleToSmallest => $"undersampled to the smallest genre: {Rows.Select(r => r.TracksAfter).DefaultIfEmpty().Max()} tracks per genre, seed {Seed}; {clip}",
                BalanceMode.ClassWeights => $"weighted: every track kept, loss weight N / (C x clips of the genre); {clip}",
                _ => $"not balanced: every track kept, no weights; {clip}",
            };
        }
    }

    /// <summary>The table: genre, tracks and clips before, tracks and clips after, weight; then the totals.</summary>
    public override string ToString()
    {
        var inv = CultureInfo.InvariantCulture;
        int w = Math.Max(5, Rows.Select(r => r.Genre.Length).DefaultIfEmpty(0).Max());
        var sb = new StringBuilder();
        sb.AppendLine(Description);
        sb.AppendLine($"{"genre".PadRight(w)}  {"tracks",7} {"clips",7}  {"tracks",7} {"clips",7}  {"weight",7}");
        sb.AppendLine($"{"".PadRight(w)}  {"before",7} {"before",7}  {"after",7} {"after",7}");
        foreach (var r in Rows)
            sb.AppendLine(string.Create(inv, $"{r.Genre.PadRight(w)}  {r.TracksBefore,7} {r.ClipsBefore,7}  {r.TracksAfter,7} {r.ClipsAfter,7}  {r.Weight,7:F3}"));
        sb.Append(string.Create(inv, $"{"total".PadRight(w)}  {Rows.Sum(r => r.TracksBefore),7} {Rows.Sum(r => r.ClipsBefore),7}  {Rows.Sum(r => r.TracksAfter),7} {Rows.Sum(r => r.ClipsAfter),7}"));
        return sb.ToString();
    }

    internal static string ClipText(ClipOptions clips, int sampleRate, bool plural = true) =>
        string.Create(CultureInfo.InvariantCulture, $"{(double)clips.LengthSamples / sampleRate:0.##}-s clip{(plural ? "s" : "")} ({clips.LengthSamples} samples at {sampleRate} Hz)");

    private static int IndexOf(IReadOnlyList<string> list, string item)
    {
        for (int i = 0; i < list.Count; i++) if (list[i] == item) return i;
        return -1;
    }
}
