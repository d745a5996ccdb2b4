using GenreNotebooks.Datasets;
using GenreNotebooks.Datasets.Synthesis;

namespace GenreNotebooks.Tests.Datasets;

public class GenreSetsTests
{
    [Fact]
    public void Gtzan_9_is_gtzan_without_jazz_as_BU_section_2_1_lists_it()
    {
        Assert.Equal(["blues", "classical", "country", "disco", "hiphop", "metal", "pop", "reggae", "rock"], GenreSets.Gtzan9.Genres);
        Assert.Equal(GenreRecipes.Gtzan.Where(g => g != "jazz"), GenreSets.Gtzan9.Genres);
        Assert.DoesNotContain("jazz", GenreSets.Gtzan9.Genres);
        Assert.Equal(GenreRecipes.Gtzan, GenreSets.Gtzan10.Genres);
    }

    [Fact]
    public void Bu_11_is_gtzan_9_plus_rap_and_brazilian_funk()
    {
        Assert.Equal(11, GenreSets.Bu11.Count);
        Assert.Equal([.. GenreSets.Gtzan9.Genres, "rap", "brazilian_funk"], GenreSets.Bu11.Genres);
        Assert.Equal("Brazilian Funk", GenreSets.Bu11.PaperName("brazilian_funk"));
        Assert.Equal("Hip-Hop", GenreSets.Bu11.PaperName("hiphop"));
    }

    [Fact]
    public void Bu_14_has_the_papers_fourteen_playlist_genres_with_classic_as_classical()
    {
        string[] paper = ["Classic", "Country", "EDM", "Flamenco", "Hip-Hop", "Indie", "Jazz", "K-Pop", "Latin", "Metal", "Pop", "Rap", "Reggae", "Rock"];
        var set = GenreSets.Bu14;
        Assert.Equal(14, set.Count);
        Assert.Equal(paper.Order(StringComparer.Ordinal), set.PaperNames.Order(StringComparer.Ordinal));
        Assert.Equal(["classical", "country", "edm", "flamenco", "hiphop", "indie", "jazz", "kpop", "latin", "metal", "pop", "rap", "reggae", "rock"],
            set.Genres.Order(StringComparer.Ordinal));
        Assert.Equal("Classic", set.PaperName("classical"));
        Assert.Equal("Classic", set.PaperName("Classic"));
        Assert.Equal("K-Pop", set.PaperName("kpop"));
        Assert.True(set.Contains("Hip-Hop"));
        Assert.False(set.Contains("brazilian_funk"));   // BU left it out of this set (too few songs)
        Assert.False(set.Contains("blues"));
        Assert.Throws<ArgumentException>(() => set.PaperName("disco"));
        Assert.All(set.Genres, g => Assert.True(GenreRecipes.Contains(g), g));
    }

    [Fact]
    public void A_sets_genres_are_in_the_class_order_of_a_dataset_of_those_genres()
    {
        foreach (GenreSet set in GenreSets.All)
        {
            var tracks = set.Genres.Reverse().Select(g => new Track(SyntheticGenres.TrackId(g, 0), g, g + ".wav"));
            Assert.Equal(set.Genres, new GenreDataset(DatasetSource.Synthetic, "", tracks).Genres);
        }
    }

    [Fact]
    public void A_GenreSet_counts_and_prints_its_genres_and_refuses_a_genre_it_lacks()
    {
        GenreSet set = GenreSets.Bu11;
        Assert.Equal(11, set.Count);
        Assert.Equal(set.Genres.Count, set.PaperNames.Count);
        Assert.StartsWith("bu-11: BU's custom set", set.ToString());
        Assert.EndsWith("(11 genres: blues, classical, country, disco, hiphop, metal, pop, reggae, rock, rap, brazilian_funk)", set.ToString());
        var e = Assert.Throws<ArgumentException>(() => set.PaperName("jazz"));
        Assert.Contains("'jazz' is not in the set bu-11", e.Message);
        Assert.False(set.Contains(null!));
    }

    [Theory]
    [InlineData("bu-14", "bu-14")]
    [InlineData("BU14", "bu-14")]
    [InlineData("gtzan_9", "gtzan-9")]
    [InlineData(" Bu-11 ", "bu-11")]
    public void Sets_are_found_by_name_ignoring_case_and_punctuation(string name, string expected) =>
        Assert.Equal(expected, GenreSets.Get(name).Name);

    [Fact]
    public void An_unknown_set_fails_listing_the_known_ones()
    {
        var e = Assert.Throws<ArgumentException>(() => GenreSets.Get("bu-15"));
        Assert.Contains("'bu-15'", e.Message);
        Assert.Contains("gtzan-9, bu-11, bu-14", e.Message);
    }

    [Fact]
    public void Paper_names_resolve_to_library_labels_and_find_their_set()
    {
        Assert.Equal("classical", GenreSets.Resolve("Classic"));
        Assert.Equal("classical", GenreSets.Resolve("classical"));
        Assert.Equal("hiphop", GenreSets.Resolve("Hip-Hop"));
        Assert.Equal("kpop", GenreSets.Resolve("K-Pop"));
        Assert.Equal("brazilian_funk", GenreSets.Resolve("Brazilian Funk"));
        Assert.Equal("neo_soul", GenreSets.Resolve("Neo Soul"));   // not a paper genre: the plain label
        Assert.Same(GenreSets.Bu14, GenreSets.Find(GenreSets.Bu14.PaperNames.Reverse()));
        Assert.Same(GenreSets.Gtzan9, GenreSets.Find(GenreSets.Gtzan9.Genres));
        Assert.Null(GenreSets.Find(["rap", "kpop"]));
    }

    [Fact]
    public void Default_synthetic_folders_of_a_set_are_named_after_it()
    {
        Assert.EndsWith("bu-14-n30-s42", SyntheticDataset.DefaultFolder(30, 42, GenreSets.Bu14.Genres));
        Assert.EndsWith("bu-11-n4-s7", SyntheticDataset.DefaultFolder(4, 7, GenreSets.Bu11.Genres));
        Assert.EndsWith("gtzan10-n4-s42", SyntheticDataset.DefaultFolder(4, 42, GenreSets.Gtzan10.Genres));
    }
}
