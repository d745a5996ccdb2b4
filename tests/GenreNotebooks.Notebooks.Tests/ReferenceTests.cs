using System.Runtime.Loader;
using GenreNotebooks.Notebooks.Document;
using GenreNotebooks.Notebooks.Execution;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GenreNotebooks.Notebooks.Tests;

public class ReferenceTests
{
    private static void Compile(string name, string code, string outputPath, params MetadataReference[] extra)
    {
        var refs = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p) is "System.Runtime.dll" or "System.Private.CoreLib.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).Concat(extra);
        var compilation = CSharpCompilation.Create(name, [CSharpSyntaxTree.ParseText(code)], refs,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var emit = compilation.Emit(outputPath);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
    }

    private static NotebookDocument Notebook(string folder, params string[] cells)
    {
        var doc = NotebookDocument.Create();
        foreach (var c in cells) doc.Cells.Add(NotebookCell.Code(c));
        var path = Path.Combine(folder, "refs.ipynb");
        doc.Save(path);
        return NotebookDocument.Load(path);
    }

    [Fact]
    public async Task Relative_r_is_resolved_against_the_notebook_folder_and_finds_dependencies_beside_the_dll()
    {
        var folder = TestData.TempFolder();
        var lib = Directory.CreateDirectory(Path.Combine(folder, "lib")).FullName;
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var depPath = Path.Combine(lib, $"Dep{suffix}.dll");
        Compile($"Dep{suffix}", $"namespace Dep{suffix}; public static class Words {{ public static string Hello => \"hello from a dependency\"; }}", depPath);
        Compile($"Main{suffix}", $"namespace Main{suffix}; public static class Greeter {{ public static string Greet() => Dep{suffix}.Words.Hello; }}",
            Path.Combine(lib, $"Main{suffix}.dll"), MetadataReference.CreateFromFile(depPath));

        var doc = Notebook(folder, $"#r \"lib/Main{suffix}.dll\"", $"Main{suffix}.Greeter.Greet()");
        var result = await NotebookRunner.RunAsync(doc);

        Assert.True(result.Succeeded, string.Join("\n", result.Failures.Select(f => f.Describe())));
        Assert.Equal("hello from a dependency", result.Cell(2).ReturnValue);
    }

    [Fact]
    public async Task Missing_r_file_is_a_compile_error_naming_the_file()
    {
        var doc = Notebook(TestData.TempFolder(), "#r \"lib/Nowhere.dll\"");
        var result = await NotebookRunner.RunAsync(doc);
        var failure = Assert.Single(result.Failures);
        Assert.Equal(CellFailureKind.Compilation, failure.Kind);
        Assert.Contains("Nowhere.dll", failure.Message);
    }

    [Fact]
    public async Task R_of_an_assembly_the_host_already_loaded_reuses_the_loaded_copy()
    {
        // This test host loaded GenreNotebooks.dll from its own folder, as the `genre` command does; the notebook
        // references another copy of it. Both must see one FloatMatrix type.
        var hostAssembly = typeof(GenreNotebooks.FloatMatrix).Assembly;
        var folder = TestData.TempFolder();
        var lib = Directory.CreateDirectory(Path.Combine(folder, "artifacts")).FullName;
        File.Copy(hostAssembly.Location, Path.Combine(lib, "GenreNotebooks.dll"));

        var doc = Notebook(folder,
            "#r \"artifacts/GenreNotebooks.dll\"",
            "new GenreNotebooks.FloatMatrix(2, 3)",
            "AppDomain.CurrentDomain.GetAssemblies().Count(a => a.GetName().Name == \"GenreNotebooks\")");
        var result = await NotebookRunner.RunAsync(doc);

        Assert.True(result.Succeeded, string.Join("\n", result.Failures.Select(f => f.Describe())));
        var matrix = Assert.IsType<GenreNotebooks.FloatMatrix>(result.Cell(2).ReturnValue);
        Assert.Equal(3, matrix.Cols);
        Assert.Same(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(matrix.GetType().Assembly));
        Assert.Equal(1, result.Cell(3).ReturnValue);
    }
}
