using System.Reflection;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.PackageManagement;

namespace GenreNotebooks.Kernel.Tests;

/// <summary>One code cell submitted to the kernel: its number in the notebook (1-based, all cells), code and events.</summary>
internal sealed record KernelCell(int Number, string Code, IReadOnlyList<KernelEvent> Events)
{
    public string FirstLine => Code.Split('\n').FirstOrDefault(l => l.Trim().Length > 0)?.Trim() ?? "";

    public CommandFailed? Failure => Events.OfType<CommandFailed>().FirstOrDefault();

    public IEnumerable<DisplayEvent> Displays => Events.OfType<DisplayEvent>();

    public string Describe() => $"cell {Number} ({FirstLine}): {Failure?.Message}";
}

/// <summary>A notebook run in a hosted .NET Interactive kernel, cell by cell, stopping at the first failing cell.</summary>
internal sealed record KernelNotebookRun(string Path, IReadOnlyList<KernelCell> Cells, TimeSpan Elapsed)
{
    public IReadOnlyList<KernelCell> Failures => Cells.Where(c => c.Failure is not null).ToList();

    public string Name => System.IO.Path.GetFileName(Path);

    /// <summary>
    /// Runs <paramref name="path"/> as VS Code does: a fresh C# kernel (the one dotnet-interactive builds: #r nuget,
    /// the kernel helpers such as <c>display</c>, value sharing), the notebook's folder as working directory, every
    /// code cell submitted in order. Like dotnet-interactive, the kernel extensions of packages restored with
    /// <c>#r "nuget: ..."</c> are loaded, and the return value of a cell that ends in <c>display(...)</c> (the display
    /// handle) is not an output.
    /// </summary>
    /// <param name="path">The .ipynb file.</param>
    /// <param name="profile">The notebook profile (GENRE_NOTEBOOKS_PROFILE).</param>
    /// <param name="workingFolder">Run as if the notebook sat in this folder (default: its own).</param>
    /// <param name="cellTimeout">Per cell (default 5 minutes).</param>
    public static async Task<KernelNotebookRun> RunAsync(string path, string profile = "quick", string? workingFolder = null, TimeSpan? cellTimeout = null)
    {
        var document = await InteractiveDocument.LoadAsync(new FileInfo(path));
        var folder = workingFolder ?? System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
        var savedDirectory = Directory.GetCurrentDirectory();
        var savedProfile = Environment.GetEnvironmentVariable(ProfileVariable);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var cells = new List<KernelCell>();
        try
        {
            Directory.SetCurrentDirectory(folder);
            Environment.SetEnvironmentVariable(ProfileVariable, profile);
            using var kernel = CreateKernel();
            for (int i = 0; i < document.Elements.Count; i++)
            {
                var element = document.Elements[i];
                var kernelName = element.KernelName ?? "csharp";
                if (kernelName is "markdown" or "md") continue;
                using var timeout = new CancellationTokenSource(cellTimeout ?? TimeSpan.FromMinutes(5));
                var result = await kernel.SendAsync(new SubmitCode(element.Contents, kernelName), timeout.Token);
                var events = result.Events
                    .Where(e => e is not ReturnValueProduced { Value: Microsoft.DotNet.Interactive.Formatting.DisplayedValue })
                    .ToList();
                var cell = new KernelCell(i + 1, element.Contents, events);
                cells.Add(cell);
                if (cell.Failure is not null) break;
            }
        }
        finally
        {
            Directory.SetCurrentDirectory(savedDirectory);
            Environment.SetEnvironmentVariable(ProfileVariable, savedProfile);
        }
        return new KernelNotebookRun(path, cells, clock.Elapsed);
    }

    private const string ProfileVariable = "GENRE_NOTEBOOKS_PROFILE";

    private static CompositeKernel CreateKernel()
    {
        CompositeKernel? root = null;
        var csharp = new CSharpKernel()
            .UseNugetDirective(async (k, packages) =>
            {
                k.AddAssemblyReferences(packages.SelectMany(p => p.AssemblyPaths));
                foreach (var package in packages) await LoadExtensionsAsync(package.PackageRoot, root!);
            })
            .UseKernelHelpers()
            .UseValueSharing();
        root = new CompositeKernel { csharp };
        root.DefaultKernelName = "csharp";
        return root;
    }

    // dotnet-interactive loads the IKernelExtension types of a restored package's interactive-extensions/dotnet folder.
    private static async Task LoadExtensionsAsync(string packageRoot, Microsoft.DotNet.Interactive.Kernel kernel)
    {
        var folder = System.IO.Path.Combine(packageRoot, "interactive-extensions", "dotnet");
        if (!Directory.Exists(folder)) return;
        foreach (var dll in Directory.GetFiles(folder, "*.dll"))
        {
            var assembly = Assembly.LoadFrom(dll);
            foreach (var type in assembly.GetExportedTypes().Where(t => typeof(IKernelExtension).IsAssignableFrom(t) && !t.IsAbstract))
                await ((IKernelExtension)Activator.CreateInstance(type)!).OnLoadAsync(kernel);
        }
    }
}
