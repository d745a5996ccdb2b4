using GenreNotebooks.Notebooks.Document;
using GenreNotebooks.Notebooks.Execution;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GenreNotebooks.Notebooks.Tests;

/// <summary>#r "nuget: Id, Version" resolves, as in the kernel, to that package: the copy a referenced library brings.</summary>
public class PackageReferenceTests
{
    private static void Compile(string name, string code, string outputPath, params MetadataReference[] extra)
    {
        var refs = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p) is "System.Runtime.dll" or "System.Private.CoreLib.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).Concat(extra);
        var emit = CSharpCompilation.Create(name, [CSharpSyntaxTree.ParseText(code)], refs,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)).Emit(outputPath);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
    }

    // A library Main{suffix} in lib/ with its package Pkg{suffix} (product version 1.2.3) beside it.
    private static (string Folder, string Suffix) Library()
    {
        var folder = TestData.TempFolder();
        var lib = Directory.CreateDirectory(Path.Combine(folder, "lib")).FullName;
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var pkg = Path.Combine(lib, $"Pkg{suffix}.dll");
        Compile($"Pkg{suffix}", $"[assembly: System.Reflection.AssemblyInformationalVersion(\"1.2.3+abcdef\")] namespace Pkg{suffix}; public static class Words {{ public static string Hello => \"from the package\"; }}", pkg);
        Compile($"Main{suffix}", $"namespace Main{suffix}; public static class Lib {{ public static int Answer => 42; }}", Path.Combine(lib, $"Main{suffix}.dll"));
        return (folder, suffix);
    }

    private static Task<NotebookRunResult> Run(string folder, params string[] cells)
    {
        var doc = NotebookDocument.Create();
        foreach (var c in cells) doc.Cells.Add(NotebookCell.Code(c));
        var path = Path.Combine(folder, "packages.ipynb");
        doc.Save(path);
        return NotebookRunner.RunFileAsync(path);
    }

    [Fact]
    public async Task Nuget_reference_resolves_to_the_copy_a_referenced_library_brings_even_before_the_library_is_referenced()
    {
        var (folder, s) = Library();
        var result = await Run(folder, $"#r \"nuget: Pkg{s}, 1.2.3\"\n#r \"lib/Main{s}.dll\"", $"Pkg{s}.Words.Hello + \" \" + Main{s}.Lib.Answer");
        Assert.True(result.Succeeded, string.Join("\n", result.Failures.Select(f => f.Describe())));
        Assert.Equal("from the package 42", result.Cell(2).ReturnValue);
    }

    [Fact]
    public async Task Nuget_reference_of_another_version_or_an_unknown_package_is_refused_naming_what_was_found()
    {
        var (folder, s) = Library();
        var wrong = await Run(folder, $"#r \"lib/Main{s}.dll\"", $"#r \"nuget: Pkg{s}, 2.0.0\"");
        var failure = Assert.Single(wrong.Failures);
        Assert.Equal(CellFailureKind.Unsupported, failure.Kind);
        Assert.Contains($"Pkg{s}.dll is 1.2.3", failure.Message);
        Assert.Contains("restores no packages", failure.Message);

        var unknown = await Run(folder, $"#r \"lib/Main{s}.dll\"", "#r \"nuget: Plotly.NET, 6.0.0\"");
        Assert.Contains("no library referenced with #r brings Plotly.NET 6.0.0", Assert.Single(unknown.Failures).Message);
    }
}
