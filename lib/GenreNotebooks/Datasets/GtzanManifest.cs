using GenreNotebooks.Datasets.Synthesis;

namespace GenreNotebooks.Datasets;

/// <summary>
/// The expected contents of GTZAN: 10 genres x 100 tracks named <c>&lt;genre&gt;.000NN</c> (00000-00099), 1000 in all.
/// The same list is written out in <c>datasets/gtzan-manifest.txt</c>.
/// </summary>
public static class GtzanManifest
{
    /// <summary>Tracks per genre in GTZAN.</summary>
    public const int TracksPerGenre = 100;

    /// <summary>The file Kaggle ships that is not a WAV file (it cannot be decoded); readers skip it with a warning.</summary>
    public const string KnownCorruptTrack = "jazz.00054";

    /// <summary>The GTZAN genres (blues, classical, country, disco, hiphop, jazz, metal, pop, reggae, rock).</summary>
    public static IReadOnlyList<string> Genres => GenreRecipes.Gtzan;

    /// <summary>
    /// The genre part of a track id <c>&lt;genre&gt;.&lt;number&gt;</c> (<c>jazz.00054</c> is <c>jazz</c>); the inverse of
    /// <see cref="SyntheticGenres.TrackId"/>.
    /// </summary>
    public static string GenreOfId(string trackId)
    {
        ArgumentNullException.ThrowIfNull(trackId);
        int dot = trackId.IndexOf('.');
        return dot < 0 ? trackId : trackId[..dot];
    }

    /// <summary>The expected track ids of <paramref name="genres"/> (default: GTZAN's ten) with <paramref name="perGenre"/> tracks each.</summary>
    public static IReadOnlyList<string> ExpectedIds(IEnumerable<string>? genres = null, int perGenre = TracksPerGenre)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(perGenre);
        var ids = new List<string>();
        foreach (var g in genres ?? Genres)
            for (int i = 0; i < perGenre; i++) ids.Add(SyntheticGenres.TrackId(g, i));
        return ids;
    }

    /// <summary>The manifest text: a header comment, then one <c>genres_original/&lt;genre&gt;/&lt;id&gt;.wav</c> line per track.</summary>
    public static string ToText()
    {
        var sb = new System.Text.StringBuilder();
        sb.AppendLine("# GTZAN manifest: 10 genres x 100 tracks = 1000 files (Kaggle layout; the tarball has genres/<genre>/<id>.au).");
        sb.AppendLine($"# Known problem: {KnownCorruptTrack}.wav in the Kaggle copy is not a readable WAV file; the reader skips it with a warning.");
        foreach (var id in ExpectedIds())
            sb.AppendLine($"genres_original/{GenreOfId(id)}/{id}.wav");
        return sb.ToString();
    }
}
