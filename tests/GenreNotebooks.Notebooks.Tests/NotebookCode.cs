using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GenreNotebooks.Notebooks.Tests;

/// <summary>
/// One committed notebook as the cross-reference tests see it: its name (<c>01-from-waveform-to-mel</c>), its cells'
/// sources and the names its code refers to.
/// </summary>
internal sealed class NotebookCode
{
    private NotebookCode(string path, IReadOnlyList<(string Type, string Source)> cells)
    {
        Path = path;
        Name = System.IO.Path.GetFileNameWithoutExtension(path);
        Cells = cells;
        ReferencedNames = ReferencedIn(cells.Where(c => c.Type == "code").Select(c => c.Source));
    }

    public string Path { get; }

    public string Name { get; }

    /// <summary>Every cell, in order: its type (<c>code</c>, <c>markdown</c>) and source.</summary>
    public IReadOnlyList<(string Type, string Source)> Cells { get; }

    /// <summary>
    /// The names the code cells refer to as types or other things the notebook did not declare itself: identifiers
    /// in code (not in comments or strings, each cell parsed as C# script), leaving out member names after a dot
    /// (<c>x.Track</c> is a property, not the type <c>Track</c>, unless the left side is a <c>GenreNotebooks.</c>
    /// namespace), named arguments, anonymous-type and initializer member names (<c>{ Optimizer = ... }</c>) and the
    /// notebook's own variables and functions; the namespaces of <c>using</c> directives are not references.
    /// </summary>
    public IReadOnlySet<string> ReferencedNames { get; }

    public static string Folder => System.IO.Path.Combine(ProjectPaths.FindRoot(AppContext.BaseDirectory), "notebooks");

    public static IReadOnlyList<NotebookCode> LoadAll() =>
        Directory.Exists(Folder)
            ? Directory.GetFiles(Folder, "*.ipynb").Order(StringComparer.Ordinal).Select(Load).ToList()
            : [];

    public static NotebookCode Load(string path)
    {
        var cells = JsonNode.Parse(File.ReadAllText(path))!["cells"]!.AsArray()
            .Select(c => ((string?)c!["cell_type"] ?? "raw", TestData.Text(c["source"])))
            .ToList();
        return new NotebookCode(path, cells);
    }

    private static HashSet<string> ReferencedIn(IEnumerable<string> codeCells)
    {
        var referenced = new HashSet<string>(StringComparer.Ordinal);
        var declared = new HashSet<string>(StringComparer.Ordinal);
        var options = new CSharpParseOptions(kind: SourceCodeKind.Script);
        foreach (var code in codeCells)
        {
            var root = CSharpSyntaxTree.ParseText(code, options).GetRoot();
            foreach (var token in root.DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken)))
            {
                // A namespace imported by a using directive is no reference to a type (GenreNotebooks.Training.Tuning is not Spectral's Tuning).
                if (token.Parent?.FirstAncestorOrSelf<UsingDirectiveSyntax>() is { StaticKeyword.RawKind: 0, Alias: null }) continue;
                switch (token.Parent)
                {
                    case SimpleNameSyntax name when IsReference(name):
                        referenced.Add(token.ValueText);
                        break;
                    case SimpleNameSyntax:
                        break;
                    default:
                        // The identifier of a declaration: a variable, function, parameter, class or tuple element.
                        declared.Add(token.ValueText);
                        break;
                }
            }
        }
        referenced.ExceptWith(declared);
        return referenced;
    }

    private static bool IsReference(SimpleNameSyntax name) => name.Parent switch
    {
        MemberAccessExpressionSyntax access when access.Name == name =>
            access.Expression.ToString().Replace(" ", "", StringComparison.Ordinal).StartsWith("GenreNotebooks", StringComparison.Ordinal),
        MemberBindingExpressionSyntax => false,
        NameColonSyntax or NameEqualsSyntax => false,
        // { Optimizer = ... } in an object or with initializer names a property.
        AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax } assignment when assignment.Left == name => false,
        _ => true,
    };
}
