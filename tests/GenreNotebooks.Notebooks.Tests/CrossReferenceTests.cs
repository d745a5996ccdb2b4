using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GenreNotebooks.Notebooks.Tests;

/// <summary>
/// The library and the notebooks point at each other, and the pointers must hold: a "Taught in notebooks/NN-name"
/// in the library's docs names a notebook that exists and uses the type, and a notebook's closing "Library used
/// here" table links to files that exist and lists the library types the notebook uses, no more and no fewer.
/// </summary>
public class CrossReferenceTests
{
    private const string LibraryHeading = "Library used here";

    private static readonly string Root = ProjectPaths.FindRoot(AppContext.BaseDirectory);

    [Fact]
    public void Every_notebook_pointer_in_the_library_docs_names_an_existing_notebook_that_uses_the_type()
    {
        var notebooks = NotebookCode.LoadAll().ToDictionary(n => n.Name, StringComparer.Ordinal);
        var pointers = NotebookPointer.InLibrary(Root);
        Assert.NotEmpty(pointers);   // the scanner finds the pointers that exist

        var offenders = new List<string>();
        foreach (var p in pointers)
        {
            if (!notebooks.TryGetValue(p.Notebook, out var notebook))
                offenders.Add($"{p}: no such notebook");
            else if (p.Type is null)
                offenders.Add($"{p}: the comment belongs to no type");
            else if (!notebook.ReferencedNames.Contains(p.Type))
                offenders.Add($"{p}: the notebook's code cells do not use {p.Type}{UsedIn(p.Type)}");
        }
        Assert.True(offenders.Count == 0,
            $"{offenders.Count} of {pointers.Count} notebook pointers in lib/ do not hold:\n" + string.Join("\n", offenders));

        // Where a pointer could go instead.
        string UsedIn(string type)
        {
            var users = notebooks.Values.Where(n => n.ReferencedNames.Contains(type)).Select(n => "notebooks/" + n.Name).ToList();
            return users.Count == 0 ? " (no notebook does)" : $" (used in {string.Join(", ", users)})";
        }
    }

    [Fact]
    public void Pointer_scanner_finds_the_type_of_a_member_comment_and_the_line()
    {
        var folder = TestData.TempFolder();
        var lib = Directory.CreateDirectory(Path.Combine(folder, "lib", "X")).FullName;
        File.WriteAllText(Path.Combine(lib, "A.cs"), """
            namespace X;

            /// <summary>Taught in notebooks/01-from-waveform-to-mel.</summary>
            public static class Outer
            {
                // notebooks/02-building-the-datasets is not a doc comment.
                /// <summary>Used in notebooks/03-exploring-the-features and
                /// notebooks/09-new-genres.</summary>
                public static int F() => 1;

                /// <summary>Taught in notebooks/04-feature-networks-and-cross-validation.</summary>
                public enum Inner { A }
            }
            """);
        var found = NotebookPointer.InLibrary(folder);
        Assert.Equal(
            [
                new NotebookPointer("lib/X/A.cs", 3, "01-from-waveform-to-mel", "Outer"),
                new NotebookPointer("lib/X/A.cs", 7, "03-exploring-the-features", "Outer"),
                new NotebookPointer("lib/X/A.cs", 8, "09-new-genres", "Outer"),
                new NotebookPointer("lib/X/A.cs", 11, "04-feature-networks-and-cross-validation", "Inner"),
            ], found);
    }

    [Fact]
    public void Notebook_references_count_code_not_comments_strings_members_or_own_declarations()
    {
        var path = Path.Combine(TestData.TempFolder(), "00-test.ipynb");
        var doc = Document.NotebookDocument.Create();
        doc.Cells.Add(Document.NotebookCell.Code("""
            using GenreNotebooks.Training.Tuning;
            using static GenreNotebooks.Spectral.MelScale;
            // Stft in a comment
            var s = "Windows in a string";
            var spec = RealFft.Forward(x);
            var id = clip.Track.Id;
            Figure Plot(double logFrequency) => Figure.Line(a, b, name: "x");
            var g = GenreNotebooks.Datasets.Synthesis.SyntheticGenres.Describe("rock", 0, 1);
            var anon = new { Mfcc = 1 };
            var options = new StftOptions { PadMode = PadMode.Reflect, Window = default } with { Center = false };
            """));
        doc.Cells.Add(Document.NotebookCell.Markdown("Decibels in markdown"));
        doc.Save(path);
        var names = NotebookCode.Load(path).ReferencedNames;
        Assert.Contains("RealFft", names);
        Assert.Contains("Figure", names);
        Assert.Contains("SyntheticGenres", names);
        Assert.DoesNotContain("Stft", names);
        Assert.DoesNotContain("Windows", names);
        Assert.DoesNotContain("Track", names);
        Assert.DoesNotContain("Plot", names);
        Assert.DoesNotContain("Line", names);
        Assert.DoesNotContain("Mfcc", names);
        Assert.Contains("StftOptions", names);
        Assert.Contains("PadMode", names);      // the value on the right, not the property on the left
        Assert.DoesNotContain("Window", names);
        Assert.DoesNotContain("Center", names);
        Assert.DoesNotContain("Decibels", names);
        Assert.DoesNotContain("Tuning", names);     // a namespace in a using directive
        Assert.Contains("MelScale", names);         // the type of a using static
    }

    public static TheoryData<string> NotebooksWithLibraryCell()
    {
        var data = new TheoryData<string>();
        foreach (var n in NotebookCode.LoadAll().Where(n => LibraryCells(n).Any())) data.Add(n.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(NotebooksWithLibraryCell))]
    public void Library_used_here_links_existing_files_and_lists_exactly_the_library_types_the_notebook_uses(string name)
    {
        var notebook = NotebookCode.Load(Path.Combine(NotebookCode.Folder, name + ".ipynb"));
        var cells = LibraryCells(notebook).ToList();
        Assert.True(cells.Count == 1, $"{name}: {cells.Count} '## {LibraryHeading}' cells; one, the last cell, is expected");
        Assert.True(cells[0] == notebook.Cells.Count - 1, $"{name}: the '## {LibraryHeading}' cell is cell {cells[0]}, not the last one ({notebook.Cells.Count - 1})");

        var rows = LibraryRows(notebook.Cells[cells[0]].Source, name);
        Assert.NotEmpty(rows);
        var problems = new List<string>();
        foreach (var row in rows)
        {
            string where = $"{name}, row '{row.Type}'";
            if (!notebook.ReferencedNames.Contains(row.Type)) problems.Add($"{where}: the notebook's code cells do not use {row.Type}");
            if (row.Sources.Count != 1) problems.Add($"{where}: {row.Sources.Count} source links, one expected");
            foreach (var link in row.Sources)
                problems.AddRange(CheckLink(where, link, "lib/", file => Declares(file, row.Type), $"declares no type {row.Type}"));
            if (row.Tests.Count == 0) problems.Add($"{where}: no test file linked");
            foreach (var link in row.Tests)
                problems.AddRange(CheckLink(where, link, "tests/", file => Mentions(file, row.Type), $"does not mention {row.Type}"));
        }
        var repeated = rows.GroupBy(r => r.Type).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (repeated.Count > 0) problems.Add($"{name}: listed twice: {string.Join(", ", repeated)}");
        var unlisted = LibraryTypes.Value.Where(notebook.ReferencedNames.Contains).Except(rows.Select(r => r.Type)).Order(StringComparer.Ordinal).ToList();
        if (unlisted.Count > 0) problems.Add($"{name}: the code uses library types the table does not list: {string.Join(", ", unlisted)}");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Library_cell_reader_takes_type_source_and_test_links_and_refuses_other_headers()
    {
        var rows = LibraryRows($"""
            ## {LibraryHeading}

            | type | source | tests |
            |---|---|---|
            | `Stft` | [Stft.cs](../lib/GenreNotebooks/Spectral/Stft.cs) | [StftTests](../tests/GenreNotebooks.Tests/Spectral/StftTests.cs), [More](../tests/M.cs) |
            """, "test");
        var row = Assert.Single(rows);
        Assert.Equal("Stft", row.Type);
        Assert.Equal(["../lib/GenreNotebooks/Spectral/Stft.cs"], row.Sources);
        Assert.Equal(["../tests/GenreNotebooks.Tests/Spectral/StftTests.cs", "../tests/M.cs"], row.Tests);
        Assert.ThrowsAny<Exception>(() => LibraryRows($"## {LibraryHeading}\n\n| type | file |\n|---|---|\n| A | [a](../lib/a.cs) |\n", "test"));
        Assert.Empty(CheckLink("x", "../lib/GenreNotebooks/Spectral/Stft.cs", "lib/", f => Declares(f, "Stft"), "no Stft"));
        Assert.NotEmpty(CheckLink("x", "../lib/GenreNotebooks/Spectral/Stft.cs", "lib/", f => Declares(f, "Windows"), "no Windows"));
        Assert.NotEmpty(CheckLink("x", "../lib/GenreNotebooks/Spectral/Nowhere.cs", "lib/", _ => true, ""));
        Assert.NotEmpty(CheckLink("x", "../tests/GenreNotebooks.Tests/Spectral/StftTests.cs", "lib/", _ => true, ""));
    }

    // The public types of the assemblies a notebook loads (GenreNotebooks.dll and the GenreNotebooks.Nn.dll beside it).
    private static readonly Lazy<HashSet<string>> LibraryTypes = new(() =>
        new[] { "GenreNotebooks", "GenreNotebooks.Nn" }
            .SelectMany(project => NotebookPointer.SourceFiles(Path.Combine(Root, "lib", project)))
            .SelectMany(file => CSharpSyntaxTree.ParseText(File.ReadAllText(file)).GetRoot().DescendantNodes())
            .Select(n => n switch
            {
                BaseTypeDeclarationSyntax t when t.Modifiers.Any(SyntaxKind.PublicKeyword) => t.Identifier.ValueText,
                DelegateDeclarationSyntax d when d.Modifiers.Any(SyntaxKind.PublicKeyword) => d.Identifier.ValueText,
                _ => null,
            })
            .OfType<string>().ToHashSet(StringComparer.Ordinal));

    private sealed record LibraryRow(string Type, IReadOnlyList<string> Sources, IReadOnlyList<string> Tests);

    private static IEnumerable<int> LibraryCells(NotebookCode notebook) =>
        Enumerable.Range(0, notebook.Cells.Count).Where(i => notebook.Cells[i].Type == "markdown" &&
            Markdown.Parse(notebook.Cells[i].Source).Descendants<HeadingBlock>().Any(h => h.Level == 2 && InlineText(h.Inline) == LibraryHeading));

    private static List<LibraryRow> LibraryRows(string markdown, string notebook)
    {
        var pipeline = new MarkdownPipelineBuilder().UsePipeTables().Build();
        var table = Markdown.Parse(markdown, pipeline).Descendants<Table>().FirstOrDefault()
            ?? throw new InvalidOperationException($"{notebook}: the '## {LibraryHeading}' cell has no table");
        var tableRows = table.OfType<TableRow>().ToList();
        var header = tableRows[0].OfType<TableCell>().Select(CellText).ToList();
        if (!header.SequenceEqual(["type", "source", "tests"]))
            throw new InvalidOperationException($"{notebook}: the table's header is | {string.Join(" | ", header)} |, not | type | source | tests |");
        return tableRows.Skip(1).Select(r => r.OfType<TableCell>().ToList()).Select(c => new LibraryRow(
            CellText(c[0]).Trim('`'), Links(c[1]), Links(c[2]))).ToList();
    }

    private static IEnumerable<string> CheckLink(string where, string link, string folder, Func<string, bool> content, string contentProblem)
    {
        var target = Path.GetFullPath(Path.Combine(NotebookCode.Folder, link));
        var relative = Path.GetRelativePath(Root, target).Replace('\\', '/');
        if (!relative.StartsWith(folder, StringComparison.Ordinal)) yield return $"{where}: {link} is not under {folder}";
        else if (!File.Exists(target)) yield return $"{where}: {link} does not exist";
        else if (!content(target)) yield return $"{where}: {link} {contentProblem}";
    }

    private static bool Declares(string file, string type) =>
        CSharpSyntaxTree.ParseText(File.ReadAllText(file)).GetRoot().DescendantNodes().Any(n => n switch
        {
            BaseTypeDeclarationSyntax t => t.Identifier.ValueText == type,
            DelegateDeclarationSyntax d => d.Identifier.ValueText == type,
            _ => false,
        });

    private static bool Mentions(string file, string type) =>
        CSharpSyntaxTree.ParseText(File.ReadAllText(file)).GetRoot().DescendantTokens()
            .Any(t => t.IsKind(SyntaxKind.IdentifierToken) && t.ValueText == type);

    private static string CellText(TableCell cell) =>
        string.Concat(cell.Descendants<ParagraphBlock>().Select(p => InlineText(p.Inline))).Trim();

    private static List<string> Links(TableCell cell) =>
        cell.Descendants<ParagraphBlock>().SelectMany(p => p.Inline?.Descendants<LinkInline>() ?? [])
            .Where(l => !l.IsImage && l.Url is not null).Select(l => l.Url!).ToList();

    private static string InlineText(ContainerInline? inline) =>
        inline is null ? "" : string.Concat(inline.Descendants<Inline>().Select(i => i switch
        {
            LiteralInline l => l.Content.ToString(),
            CodeInline c => c.Content,
            _ => "",
        }));
}
