using System.CommandLine;

namespace GenreNotebooks.Cli.Commands;

/// <summary>The list of top-level subcommands of <c>genre</c>; each lives in its own file.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All()
    {
        yield return BenchCommand.Create();
        yield return MelCommand.Create();
        yield return DatasetCommand.Create();
        yield return NotebooksCommand.Create();
        yield return FeaturesCommand.Create();
        yield return CvCommand.Create();
        yield return TrainCommand.Create();
        yield return ClassifyCommand.Create();
        yield return ExportCommand.Create();
        yield return SegmentsCommand.Create();
        yield return TuneCommand.Create();
    }
}
