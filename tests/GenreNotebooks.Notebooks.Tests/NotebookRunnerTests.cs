using System.Text.Json.Nodes;
using GenreNotebooks.Notebooks.Document;
using GenreNotebooks.Notebooks.Execution;

namespace GenreNotebooks.Notebooks.Tests;

public class NotebookRunnerTests
{
    private static JsonObject Only(NotebookCell cell, string outputType) =>
        Assert.Single(cell.Outputs.OfType<JsonObject>(), o => o["output_type"]!.GetValue<string>() == outputType);

    [Fact]
    public async Task State_is_shared_across_cells_and_the_trailing_expression_is_the_result()
    {
        var result = await TestData.Run("shared-state.ipynb");
        Assert.True(result.Succeeded, string.Join("\n", result.Failures.Select(f => f.Describe())));
        Assert.Equal(42, result.Cell(4).ReturnValue);
        var doc = result.Document;
        var execResult = Only(doc.Cells[3], "execute_result");
        Assert.Equal("42", TestData.Text(execResult["data"]!["text/plain"]));
        Assert.Equal(3, execResult["execution_count"]!.GetValue<int>());
        Assert.Empty(doc.Cells[1].Outputs);
        var streams = doc.Cells[4].Outputs.OfType<JsonObject>().ToList();
        Assert.Equal("stdout", streams[0]["name"]!.GetValue<string>());
        Assert.Equal("x = 20\n", TestData.Text(streams[0]["text"]));
        Assert.Equal("stderr", streams[1]["name"]!.GetValue<string>());
        Assert.Equal("a warning\n", TestData.Text(streams[1]["text"]));
        Assert.Equal([1, 2, 3, 4], doc.Cells.Where(c => c.IsCode).Select(c => c.ExecutionCount!.Value));
    }

    [Fact]
    public async Task Display_and_results_get_the_right_mime_types()
    {
        var result = await TestData.Run("outputs.ipynb");
        Assert.True(result.Succeeded, string.Join("\n", result.Failures.Select(f => f.Describe())));
        var cells = result.Document.Cells;
        JsonObject Data(int cell, int output = 0) => (JsonObject)cells[cell].Outputs[output]!["data"]!;

        Assert.Equal("plain text", TestData.Text(Data(0)["text/plain"]));
        Assert.Null(Data(0)["text/html"]);
        Assert.Equal("<b>bold</b>", TestData.Text(Data(1)["text/html"]));
        Assert.Equal("<i>as html</i>", TestData.Text(Data(2)["text/html"]));
        Assert.Equal(Convert.ToBase64String([137, 80, 78, 71]), Data(3, 0)["image/png"]!.GetValue<string>());
        Assert.StartsWith("<svg", TestData.Text(Data(3, 1)["image/svg+xml"]));
        Assert.Equal(3, Data(4)["application/json"]!["epochs"]!.GetValue<int>());

        var live = cells[5].Outputs.OfType<JsonObject>().ToList();
        Assert.Equal(["stream", "display_data", "stream"], live.Select(o => o["output_type"]!.GetValue<string>()));
        Assert.Equal("epoch 2", TestData.Text(live[1]["data"]!["text/plain"]));
        Assert.Equal("after\n", TestData.Text(live[2]["text"]));

        Assert.Equal("[ 1.5, 2, 3 ]", TestData.Text(Only(cells[6], "execute_result")["data"]!["text/plain"]));
        Assert.DoesNotContain(cells[7].Outputs.OfType<JsonObject>(), o => o["output_type"]!.GetValue<string>() == "execute_result");
        Assert.Equal("<null>", TestData.Text(Only(cells[8], "execute_result")["data"]!["text/plain"]));
        Assert.Empty(cells[9].Outputs);
        Assert.Null(cells[9].ExecutionCount);
        Assert.Equal("from a csharp magic", TestData.Text(Only(cells[10], "execute_result")["data"]!["text/plain"]));
    }

    [Fact]
    public async Task A_failing_cell_stops_the_run_and_is_reported_with_its_number_and_message()
    {
        var result = await TestData.Run("failing.ipynb");
        var failure = Assert.Single(result.Failures);
        Assert.Equal(4, failure.CellNumber);
        Assert.Equal(2, failure.CodeCellNumber);
        Assert.Equal(CellFailureKind.Exception, failure.Kind);
        Assert.IsType<InvalidOperationException>(failure.Exception);
        var text = failure.Describe();
        Assert.Contains("failing.ipynb", text);
        Assert.Contains("cell 4 of 5", text);
        Assert.Contains("// the third step", text);
        Assert.Contains("boom at step 3", text);
        Assert.Equal(2, result.Cells.Count);
        Assert.Empty(result.Document.Cells[4].Outputs);
        Assert.Equal("InvalidOperationException", Only(result.Document.Cells[3], "error")["ename"]!.GetValue<string>());
    }

    [Fact]
    public async Task Continue_on_error_runs_the_cells_after_a_failure()
    {
        var result = await TestData.Run("failing.ipynb", new NotebookRunOptions { Profile = "quick", ContinueOnError = true });
        Assert.Single(result.Failures);
        Assert.Equal(3, result.Cells.Count);
        Assert.Equal("never printed\n", TestData.Text(Only(result.Document.Cells[4], "stream")["text"]));
    }

    [Fact]
    public async Task A_compile_error_gives_the_line_within_the_cell()
    {
        var result = await TestData.Run("compile-error.ipynb");
        var failure = Assert.Single(result.Failures);
        Assert.Equal(CellFailureKind.Compilation, failure.Kind);
        Assert.Equal(2, failure.CellNumber);
        Assert.Contains("line 3, column 9: error CS0103", failure.Message);
        Assert.Contains("undefinedName", failure.Message);
    }

    [Fact]
    public async Task A_cell_that_hangs_times_out_and_stops_the_run_even_when_continuing_on_errors()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = await TestData.Run("timeout.ipynb",
            new NotebookRunOptions { Profile = "quick", CellTimeout = TimeSpan.FromSeconds(1), ContinueOnError = true });
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed}");
        var failure = Assert.Single(result.Failures);
        Assert.Equal(CellFailureKind.Timeout, failure.Kind);
        Assert.Equal(2, failure.CellNumber);
        Assert.Contains("1 s", failure.Message);
        Assert.Equal(2, result.Cells.Count);
    }

    [Fact]
    public async Task Nuget_references_are_refused_with_a_clear_message()
    {
        var result = await TestData.Run("nuget.ipynb");
        var failure = Assert.Single(result.Failures);
        Assert.Equal(CellFailureKind.Unsupported, failure.Kind);
        Assert.Contains("#r \"nuget: ...\"", failure.Message);
        Assert.Contains("already brings", failure.Message);
    }

    [Fact]
    public async Task Profile_and_working_directory_are_set_for_the_run_and_restored()
    {
        var before = Directory.GetCurrentDirectory();
        var profileBefore = Environment.GetEnvironmentVariable(NotebookRunOptions.ProfileVariable);
        var result = await TestData.Run("environment.ipynb", new NotebookRunOptions { Profile = "paper" });
        Assert.True(result.Succeeded);
        Assert.Equal("paper", result.Cell(1).ReturnValue);
        Assert.Equal(Path.GetDirectoryName(TestData.Path("environment.ipynb")), result.Cell(2).ReturnValue);
        Assert.Equal(before, Directory.GetCurrentDirectory());
        Assert.Equal(profileBefore, Environment.GetEnvironmentVariable(NotebookRunOptions.ProfileVariable));
    }

    [Fact]
    public void Unknown_profile_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => new NotebookRunOptions { Profile = "fast" });
        Assert.Contains("fast", e.Message);
    }

    [Fact]
    public async Task Executed_notebook_reopens_with_metadata_and_outputs_intact()
    {
        var result = await TestData.Run("shared-state.ipynb");
        var path = Path.Combine(TestData.TempFolder(), "executed.ipynb");
        result.Document.Save(path);
        var again = NotebookDocument.Load(path);
        Assert.Equal(".net-csharp", again.Metadata["kernelspec"]!["name"]!.GetValue<string>());
        Assert.Equal("csharp", again.Metadata["polyglot_notebook"]!["kernelInfo"]!["defaultKernelName"]!.GetValue<string>());
        Assert.Equal("[\"me\",1]", again.Metadata["custom_tool"]!["keep"]!.ToJsonString());
        Assert.Equal(result.Document.Cells.Select(c => c.Id), again.Cells.Select(c => c.Id));
        Assert.Equal("42", TestData.Text(again.Cells[3].Outputs[0]!["data"]!["text/plain"]));
        Assert.All(again.Cells.Where(c => c.IsCode), c => Assert.Equal("csharp", PolyglotMetadata.KernelOf(c.Metadata)));
        // and it runs again from the written file
        Assert.True((await NotebookRunner.RunFileAsync(path)).Succeeded);
    }
}
