namespace GenreNotebooks.Tests;

public class ProjectPathsTests
{
    // The override wins over any search; these tests are about the search.
    private static void NoOverride() =>
        Assert.True(Environment.GetEnvironmentVariable("GENRE_NOTEBOOKS_ROOT") is null, "unset GENRE_NOTEBOOKS_ROOT to run the root-search tests");

    [Fact]
    public void Root_is_the_nearest_folder_above_the_start_that_holds_the_solution()
    {
        NoOverride();
        var root = Path.Combine(Path.GetTempPath(), "gn-root-" + Guid.NewGuid().ToString("N"));
        var deep = Directory.CreateDirectory(Path.Combine(root, "notebooks", "sub")).FullName;
        try
        {
            File.WriteAllText(Path.Combine(root, ProjectPaths.RootMarker), "");
            Assert.Equal(root, ProjectPaths.FindRoot(deep));
            Assert.Equal(root, ProjectPaths.FindRoot(root));
            Assert.Equal(Path.Combine(root, "datasets"), ProjectPaths.Datasets(deep));
            Assert.Equal(Path.Combine(root, "artifacts"), ProjectPaths.Artifacts(deep));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void No_solution_above_the_start_is_an_error_naming_the_marker_and_the_start()
    {
        var lone = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "gn-lone-" + Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            NoOverride();
            Assert.False(File.Exists(Path.Combine(Path.GetTempPath(), ProjectPaths.RootMarker)), "the temp folder itself holds a checkout marker");
            var e = Assert.Throws<DirectoryNotFoundException>(() => ProjectPaths.FindRoot(lone));
            Assert.Contains(ProjectPaths.RootMarker, e.Message);
            Assert.Contains(lone, e.Message);
            Assert.Contains("GENRE_NOTEBOOKS_ROOT", e.Message);
        }
        finally
        {
            Directory.Delete(lone);
        }
    }
}
