namespace GenreNotebooks.Tests;

public class NotebookProfileTests
{
    [Fact]
    public void Parse_knows_the_three_profiles_and_defaults_to_standard()
    {
        Assert.Same(NotebookProfile.Quick, NotebookProfile.Parse("quick"));
        Assert.Same(NotebookProfile.Paper, NotebookProfile.Parse(" Paper "));
        Assert.Same(NotebookProfile.Standard, NotebookProfile.Parse(null));
        Assert.Same(NotebookProfile.Standard, NotebookProfile.Parse(""));
        var e = Assert.Throws<ArgumentException>(() => NotebookProfile.Parse("turbo"));
        Assert.Contains("turbo", e.Message);
    }

    [Fact]
    public void Pick_returns_the_value_of_the_profile()
    {
        Assert.Equal(1, NotebookProfile.Quick.Pick(quick: 1, standard: 2, paper: 3));
        Assert.Equal(2, NotebookProfile.Standard.Pick(quick: 1, standard: 2, paper: 3));
        Assert.Equal("p", NotebookProfile.Paper.Pick(quick: "q", standard: "s", paper: "p"));
    }
}
