using GenreNotebooks.Datasets;

namespace GenreNotebooks.Tests.Datasets;

public class GenreNamesTests
{
    [Theory]
    [InlineData("hip-hop", "hiphop")]
    [InlineData("Hip_Hop", "hiphop")]
    [InlineData("Hip Hop", "hiphop")]
    [InlineData("HIPHOP", "hiphop")]
    [InlineData("K-Pop", "kpop")]
    [InlineData("Brazilian Funk", "brazilian_funk")]
    [InlineData("brazilian-funk", "brazilian_funk")]
    [InlineData("BrazilianFunk", "brazilian_funk")]
    [InlineData("  Neo  Soul ", "neo_soul")]
    [InlineData("Neo-Soul!", "neo_soul")]
    [InlineData("R&B", "r_b")]
    [InlineData("Música Clásica", "musica_clasica")]
    [InlineData("Électro-Façade", "electro_facade")]
    [InlineData("Straße", "strasse")]
    [InlineData("Łódź Øst", "lodz_ost")]
    [InlineData("ＫＰＯＰ", "kpop")]
    [InlineData("케이팝", "케이팝")]
    [InlineData("80's", "80_s")]
    [InlineData("---", "")]
    [InlineData("", "")]
    public void Label_folds_case_diacritics_and_separators_and_uses_known_spellings(string name, string label) =>
        Assert.Equal(label, GenreNames.Label(name));

    [Fact]
    public void Names_collide_when_only_case_punctuation_spacing_or_diacritics_differ()
    {
        Assert.True(GenreNames.Collide("hip-hop", "hiphop"));
        Assert.True(GenreNames.Collide("Hip_Hop", "hip hop"));
        Assert.True(GenreNames.Collide("neo_soul", "NeoSoul"));
        Assert.True(GenreNames.Collide("Música", "musica"));
        Assert.Equal("hiphop", GenreNames.Key("Hip_Hop"));
        Assert.Equal("brazilianfunk", GenreNames.Key("brazilian_funk"));
        // Different letters are different genres.
        Assert.False(GenreNames.Collide("rnb", "r&b"));
        Assert.False(GenreNames.Collide("rap", "hiphop"));
        Assert.False(GenreNames.Collide("pop", "kpop"));
    }
}
