using System.Text.Json.Nodes;

namespace GenreNotebooks.Notebooks.Document;

/// <summary>
/// The metadata VS Code's Polyglot Notebooks extension writes into an .ipynb so it opens the notebook with the
/// C# kernel: a top-level <c>kernelspec</c>, <c>language_info</c> and <c>polyglot_notebook.kernelInfo</c>, and per
/// code cell <c>dotnet_interactive.language</c> and <c>polyglot_notebook.kernelName</c>.
/// </summary>
public static class PolyglotMetadata
{
    /// <summary>The kernel name of C# cells (<c>csharp</c>).</summary>
    public const string CSharpKernel = "csharp";

    /// <summary>
    /// Adds the Polyglot top-level metadata to <paramref name="metadata"/> where it is missing; existing values
    /// (and any other keys) are left untouched.
    /// </summary>
    public static void ApplyToNotebook(JsonObject metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        if (metadata["kernelspec"] is null)
            metadata["kernelspec"] = new JsonObject
            {
                ["display_name"] = ".NET (C#)",
                ["language"] = "C#",
                ["name"] = ".net-csharp",
            };
        if (metadata["language_info"] is null)
            metadata["language_info"] = new JsonObject { ["name"] = "polyglot-notebook" };
        if (metadata["polyglot_notebook"] is not JsonObject polyglot)
            metadata["polyglot_notebook"] = polyglot = new JsonObject();
        if (polyglot["kernelInfo"] is null)
            polyglot["kernelInfo"] = new JsonObject
            {
                ["defaultKernelName"] = CSharpKernel,
                ["items"] = new JsonArray
                {
                    new JsonObject
                    {
                        ["aliases"] = new JsonArray("c#", "cs"),
                        ["languageName"] = "C#",
                        ["name"] = CSharpKernel,
                    },
                },
            };
    }

    /// <summary>Marks a code cell's metadata as C# for Polyglot, keeping any other keys.</summary>
    public static void ApplyToCodeCell(JsonObject metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        if (metadata["dotnet_interactive"] is not JsonObject di)
            metadata["dotnet_interactive"] = di = new JsonObject();
        di["language"] ??= CSharpKernel;
        if (metadata["polyglot_notebook"] is not JsonObject pn)
            metadata["polyglot_notebook"] = pn = new JsonObject();
        pn["kernelName"] ??= CSharpKernel;
    }

    /// <summary>
    /// The kernel a code cell's metadata names (<c>polyglot_notebook.kernelName</c>, else
    /// <c>dotnet_interactive.language</c>), or null when neither is present.
    /// </summary>
    public static string? KernelOf(JsonObject? metadata) =>
        (metadata?["polyglot_notebook"]?["kernelName"] as JsonValue)?.GetValue<string>()
        ?? (metadata?["dotnet_interactive"]?["language"] as JsonValue)?.GetValue<string>();
}
