using Microsoft.DotNet.Interactive.Events;

namespace GenreNotebooks.Kernel.Tests;

/// <summary>
/// Every notebook under notebooks/ runs unchanged in the .NET Interactive C# kernel (what Polyglot Notebooks runs in
/// VS Code) in the quick profile: no cell fails, figures and tables arrive as text/html, and the training monitors'
/// live outputs update in place.
/// </summary>
public class NotebooksInKernelTests
{
    public static TheoryData<string> Notebooks() => Repo.Notebooks();

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task Notebook_runs_in_the_kernel_with_html_figures_and_in_place_training_monitors(string name)
    {
        var run = await KernelNotebookRun.RunAsync(Repo.Notebook(name));
        KernelAssert.AllCellsSucceeded(run);
        foreach (var cell in run.Cells)
        {
            KernelAssert.HtmlValuesAreHtml(cell);
            // A training monitor shows figures; every redraw must replace the cell's live output.
            var figureUpdates = cell.Events.OfType<DisplayedValueUpdated>()
                .Where(u => u.Value?.GetType().FullName == "GenreNotebooks.Plots.Figure").ToList();
            KernelAssert.UpdatesLandInPlace(cell, figureUpdates);
            if (cell.Code.Contains("new TrainingMonitor(", StringComparison.Ordinal))
                Assert.True(figureUpdates.Count > 0, $"{name} cell {cell.Number}: a training monitor that never redrew");
        }
    }
}
