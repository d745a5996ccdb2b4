namespace GenreNotebooks.Kernel.Tests;

internal static class Repo
{
    /// <summary>The repository root: the first folder above the test binaries that holds GenreNotebooks.sln.</summary>
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "GenreNotebooks.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"no GenreNotebooks.sln above {AppContext.BaseDirectory}");
    }

    public static string TestData(string name) => Path.Combine(AppContext.BaseDirectory, "Data", name);

    /// <summary>Every notebook under notebooks/, in name order.</summary>
    public static TheoryData<string> Notebooks()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(Path.Combine(Root(), "notebooks"), "*.ipynb").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(path));
        return data;
    }

    public static string Notebook(string name) => Path.Combine(Root(), "notebooks", name);
}
