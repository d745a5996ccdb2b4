using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GenreNotebooks.Notebooks.Tests;

/// <summary>
/// A <c>notebooks/NN-name</c> pointer in an XML doc comment of the library: where it is, which notebook it names and
/// the type whose documentation holds it (for a member's comment, the type declaring the member).
/// </summary>
internal sealed partial record NotebookPointer(string File, int Line, string Notebook, string? Type)
{
    [GeneratedRegex(@"notebooks/(\d\d-[a-z0-9]+(?:-[a-z0-9]+)*)")]
    private static partial Regex Pointer();

    public override string ToString() => $"{File}:{Line}: {Type ?? "(no type)"} -> notebooks/{Notebook}";

    /// <summary>Every pointer in the doc comments of the C# files under <paramref name="root"/>/lib, by file and line.</summary>
    public static IReadOnlyList<NotebookPointer> InLibrary(string root)
    {
        var pointers = new List<NotebookPointer>();
        var lib = Path.Combine(root, "lib");
        foreach (var file in SourceFiles(lib))
        {
            var tree = CSharpSyntaxTree.ParseText(System.IO.File.ReadAllText(file), path: file);
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            foreach (var trivia in tree.GetRoot().DescendantTrivia())
            {
                if (!trivia.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia) && !trivia.IsKind(SyntaxKind.MultiLineDocumentationCommentTrivia))
                    continue;
                string text = trivia.ToFullString();
                foreach (Match m in Pointer().Matches(text))
                {
                    var span = new Microsoft.CodeAnalysis.Text.TextSpan(trivia.FullSpan.Start + m.Index, m.Length);
                    int line = tree.GetLineSpan(span).StartLinePosition.Line + 1;
                    pointers.Add(new NotebookPointer(relative, line, m.Groups[1].Value, OwnerType(trivia)));
                }
            }
        }
        return pointers;
    }

    /// <summary>The C# files of a folder, without build output.</summary>
    public static IEnumerable<string> SourceFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .Order(StringComparer.Ordinal);

    // A doc comment is leading trivia of the first token of what it documents.
    private static string? OwnerType(SyntaxTrivia trivia) =>
        trivia.Token.Parent?.AncestorsAndSelf().Select(n => n switch
        {
            BaseTypeDeclarationSyntax t => t.Identifier.ValueText,
            DelegateDeclarationSyntax d => d.Identifier.ValueText,
            _ => null,
        }).FirstOrDefault(name => name is not null);
}
