using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Scripting;

namespace GenreNotebooks.Notebooks.Execution;

/// <summary>
/// Resolves <c>#r "path.dll"</c> relative to the notebook's folder. When the host process already loaded an assembly
/// with the same name (the <c>genre</c> command and the test hosts load GenreNotebooks.dll from their own folder), the
/// reference is pointed at the loaded copy, so the notebook and the host share one set of types (one
/// <c>Plots.Figure</c>, not two that cannot be cast to each other). The folder of every referenced DLL is added to
/// the probing folders of <see cref="AssemblyLoadContext.Default"/>, so the library's package dependencies that sit
/// beside it are found.
/// </summary>
internal sealed class NotebookReferenceResolver : MetadataReferenceResolver
{
    // The default load context is process-wide, so the folders it probes are too; the set only grows.
    private static readonly ConcurrentDictionary<string, bool> ProbeFolders = new(StringComparer.Ordinal);
    private static int _hooked;

    private readonly ScriptMetadataResolver _inner;
    private readonly string _baseDirectory;

    public NotebookReferenceResolver(string baseDirectory)
    {
        _baseDirectory = baseDirectory;
        _inner = ScriptMetadataResolver.Default.WithBaseDirectory(baseDirectory);
        if (Interlocked.Exchange(ref _hooked, 1) == 0)
            AssemblyLoadContext.Default.Resolving += ResolveFromProbeFolders;
    }

    /// <summary>Names of referenced assemblies that were mapped to the copy the host had already loaded.</summary>
    public ConcurrentBag<string> ReusedHostAssemblies { get; } = [];

    public override bool ResolveMissingAssemblies => _inner.ResolveMissingAssemblies;

    public override PortableExecutableReference? ResolveMissingAssembly(MetadataReference definition, AssemblyIdentity referenceIdentity)
    {
        var loaded = FindLoaded(referenceIdentity.Name);
        if (loaded is not null) return MetadataReference.CreateFromFile(loaded.Location);
        foreach (var folder in ProbeFolders.Keys)
        {
            var candidate = Path.Combine(folder, referenceIdentity.Name + ".dll");
            if (File.Exists(candidate)) return MetadataReference.CreateFromFile(candidate);
        }
        return _inner.ResolveMissingAssembly(definition, referenceIdentity);
    }

    public override ImmutableArray<PortableExecutableReference> ResolveReference(string reference, string? baseFilePath, MetadataReferenceProperties properties)
    {
        var resolved = _inner.ResolveReference(reference, baseFilePath, properties);
        if (resolved.IsDefaultOrEmpty) return resolved;
        var builder = ImmutableArray.CreateBuilder<PortableExecutableReference>(resolved.Length);
        foreach (var r in resolved)
        {
            if (r.FilePath is not { } path || !File.Exists(path)) { builder.Add(r); continue; }
            var folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (folder is not null) ProbeFolders.TryAdd(folder, true);
            string? name;
            try { name = AssemblyName.GetAssemblyName(path).Name; }
            catch (BadImageFormatException) { builder.Add(r); continue; }
            var loaded = name is null ? null : FindLoaded(name);
            if (loaded is not null && !string.Equals(loaded.Location, Path.GetFullPath(path), StringComparison.Ordinal))
            {
                ReusedHostAssemblies.Add(name!);
                builder.Add(MetadataReference.CreateFromFile(loaded.Location, properties));
            }
            else builder.Add(r);
        }
        return builder.ToImmutable();
    }

    private static Assembly? FindLoaded(string simpleName) =>
        AssemblyLoadContext.Default.Assemblies.FirstOrDefault(a =>
            !a.IsDynamic && !string.IsNullOrEmpty(a.Location) &&
            string.Equals(a.GetName().Name, simpleName, StringComparison.OrdinalIgnoreCase));

    private static Assembly? ResolveFromProbeFolders(AssemblyLoadContext context, AssemblyName name)
    {
        foreach (var folder in ProbeFolders.Keys)
        {
            var candidate = Path.Combine(folder, name.Name + ".dll");
            if (File.Exists(candidate)) return context.LoadFromAssemblyPath(candidate);
        }
        return null;
    }

    public override bool Equals(object? other) =>
        other is NotebookReferenceResolver r && r._baseDirectory == _baseDirectory;

    public override int GetHashCode() => _baseDirectory.GetHashCode(StringComparison.Ordinal);
}
