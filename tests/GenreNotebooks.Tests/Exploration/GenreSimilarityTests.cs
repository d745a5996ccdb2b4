using GenreNotebooks.Exploration;
using GenreNotebooks.Features;
using Xunit.Abstractions;

namespace GenreNotebooks.Tests.Exploration;

public class GenreSimilarityTests(ITestOutputHelper output)
{
    private static (FeatureTable Table, System.Text.Json.JsonElement Ref) Reference()
    {
        var s = ScipyReference.Root.GetProperty("similarity");
        var data = s.GetProperty("data").Matrix();
        var labels = s.GetProperty("labels").Strings();
        var columns = s.GetProperty("columns").Strings();
        var values = Enumerable.Range(0, columns.Length).Select(j => data.Select(r => r[j]).ToArray()).ToArray();
        var files = labels.Select((l, i) => $"{l}.{i:00000}.wav").ToArray();
        return (new FeatureTable(columns, values, files, labels), s);
    }

    [Fact]
    public void Cosine_of_standardised_genre_means_matches_numpy_within_1e_12()
    {
        var (t, s) = Reference();
        var m = GenreSimilarity.Cosine(t, t.Columns);
        Assert.Equal(s.GetProperty("genres").Strings(), m.Genres);
        var expected = s.GetProperty("cosine_standardised").Matrix();
        var means = s.GetProperty("genre_means_standardised").Matrix();
        output.WriteLine($"max |cos - numpy| = {Enumerable.Range(0, expected.Length).Max(i => ScipyReference.MaxScaledError(m.ToRows()[i], expected[i])):E2}");
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(ScipyReference.MaxScaledError(m.ToRows()[i], expected[i]) < 1e-12, $"row {i}");
            Assert.True(ScipyReference.MaxScaledError(m.GenreMeans[i], means[i]) < 1e-12, $"mean {i}");
        }
    }

    [Fact]
    public void Cosine_of_raw_genre_means_matches_numpy_within_1e_12()
    {
        var (t, s) = Reference();
        var m = GenreSimilarity.Cosine(t, t.Columns, standardise: false);
        var expected = s.GetProperty("cosine_raw").Matrix();
        for (int i = 0; i < expected.Length; i++)
            Assert.True(ScipyReference.MaxScaledError(m.ToRows()[i], expected[i]) < 1e-12, $"row {i}");
    }

    [Fact]
    public void Constructed_genres_rank_as_built()
    {
        var (t, _) = Reference();   // disco was built next to rock, classical far from both
        var m = GenreSimilarity.Cosine(t, t.Columns);
        Assert.Equal("rock", m.MostSimilarTo("disco").Second);
        Assert.True(m["rock", "classical"] < 0);
        var top = m.PairsBySimilarity()[0];
        Assert.Equal(("disco", "rock"), (top.First, top.Second));
        Assert.Equal(1.0, m["blues", "blues"], 1e-12);
    }

    [Fact]
    public void Cosine_of_vectors_has_the_textbook_values()
    {
        Assert.Equal(1.0, GenreSimilarity.CosineOf([1, 2, 3], [2, 4, 6]), 1e-15);
        Assert.Equal(-1.0, GenreSimilarity.CosineOf([1, -2], [-3, 6]), 1e-15);
        Assert.Equal(0.0, GenreSimilarity.CosineOf([1, 0], [0, 5]), 1e-15);
        Assert.Equal(0.0, GenreSimilarity.CosineOf([0, 0], [1, 1]));
        Assert.Throws<ArgumentException>(() => GenreSimilarity.CosineOf([1.0], [1.0, 2.0]));
    }

    [Fact]
    public void Mfcc_and_non_mfcc_helpers_use_the_gtzan_column_sets()
    {
        var t = FeatureTable.ReadCsv(Path.Combine(AppContext.BaseDirectory, "Data", "kaggle-sample", "features_30_sec_sample.csv"));
        var mfcc = GenreSimilarity.Mfcc(t);
        var other = GenreSimilarity.NonMfcc(t);
        Assert.Equal(GtzanColumns.MfccFeatures, mfcc.Columns);
        Assert.Equal(GtzanColumns.NonMfccFeatures, other.Columns);
        Assert.Equal(4, mfcc.Genres.Count);
    }
}
