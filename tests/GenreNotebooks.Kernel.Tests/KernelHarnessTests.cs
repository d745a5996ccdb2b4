using Microsoft.DotNet.Interactive.Events;

namespace GenreNotebooks.Kernel.Tests;

public class KernelHarnessTests
{
    private static string NotebooksFolder => Path.Combine(Repo.Root(), "notebooks");

    [Fact]
    public async Task A_cell_that_throws_fails_the_run_at_that_cell_and_fails_the_notebook_assertion()
    {
        var run = await KernelNotebookRun.RunAsync(Repo.TestData("failing.ipynb"));
        var failed = Assert.Single(run.Failures);
        Assert.Equal(3, failed.Number);
        Assert.Equal("// the third step", failed.FirstLine);
        Assert.Contains("boom at step 3", failed.Failure!.Message);
        Assert.Equal(2, run.Cells.Count); // the run stops: the last cell never ran
        Assert.Contains(run.Cells[0].Events.OfType<StandardOutputValueProduced>(), e => e.FormattedValues.Any(f => f.Value.Contains("2 steps")));
        var e = Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => KernelAssert.AllCellsSucceeded(run));
        Assert.Contains("failing.ipynb", e.Message);
        Assert.Contains("cell 3", e.Message);
    }

    [Fact]
    public async Task Monitor_and_repaired_handles_update_their_one_output_while_a_raw_kernel_handle_adds_a_second()
    {
        var run = await KernelNotebookRun.RunAsync(Repo.TestData("live-display.ipynb"), workingFolder: NotebooksFolder);
        KernelAssert.AllCellsSucceeded(run);
        KernelCell Cell(string start) => run.Cells.Single(c => c.Code.StartsWith(start, StringComparison.Ordinal));
        foreach (var cell in new[] { Cell("var live ="), Cell("var liveText ="), Cell("var status =") })
        {
            var updates = cell.Events.OfType<DisplayedValueUpdated>().ToList();
            Assert.True(updates.Count >= 2, $"cell {cell.Number}: {updates.Count} updates");
            Assert.Single(cell.Events.OfType<DisplayedValueProduced>());
            KernelAssert.UpdatesLandInPlace(cell, updates);
        }
        // The monitor's figure arrives as a chart, although the output began as the text "training ...".
        Assert.All(Cell("var live =").Events.OfType<DisplayedValueUpdated>(), u => Assert.Contains(u.FormattedValues, f => f.MimeType == "text/html"));
        KernelAssert.HtmlValuesAreHtml(Cell("var live ="));
        var text = Cell("var liveText =").Events.OfType<DisplayedValueUpdated>().Last();
        Assert.StartsWith("text view\nepoch 2/2", text.FormattedValues.Single(f => f.MimeType == "text/plain").Value.Replace("\r\n", "\n"));

        // The kernel's own handle: its update carries a new id, which the Polyglot client appends as a second output.
        // When this fails, the kernel returns consistent handles and LiveDisplay is no longer needed.
        var raw = Cell("// The kernel's own handle");
        var rawUpdate = Assert.Single(raw.Events.OfType<DisplayedValueUpdated>());
        Assert.NotEqual(Assert.Single(raw.Events.OfType<DisplayedValueProduced>()).ValueId, rawUpdate.ValueId);
    }
}
