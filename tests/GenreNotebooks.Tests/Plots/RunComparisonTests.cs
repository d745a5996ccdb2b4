using System.Text.Json.Nodes;
using GenreNotebooks.Plots;
using GenreNotebooks.Training;

namespace GenreNotebooks.Tests.Plots;

public sealed class RunComparisonTests
{
    private static EpochReport[] Run(int epochs, double offset, bool validation = true) =>
        [.. Enumerable.Range(1, epochs).Select(e => new EpochReport(e, epochs, 2 - 0.1 * e, 0.3 + 0.02 * e,
            validation ? 2.5 - 0.1 * e + offset : double.NaN, validation ? 0.2 + 0.03 * e + offset : double.NaN, 0.001, TimeSpan.FromSeconds(1)))];

    private static string? Str(JsonNode? n) => n?.GetValue<string>();

    [Fact]
    public void Each_run_keeps_one_colour_in_both_panels_and_one_legend_entry()
    {
        var fig = Figure.RunComparison([("baseline", Run(20, 0)), ("bn", Run(10, 0.1)), ("bn-5x5", Run(20, 0.2))], "sweep");
        Assert.Equal(6, fig.Data.Count);
        var loss = fig.Data.Take(3).Select(t => t!.AsObject()).ToList();
        var accuracy = fig.Data.Skip(3).Select(t => t!.AsObject()).ToList();
        Assert.Equal(["baseline", "bn", "bn-5x5"], loss.Select(t => Str(t["name"])));
        Assert.Equal(loss.Select(t => Str(t["line"]!["color"])), accuracy.Select(t => Str(t["line"]!["color"])));
        Assert.Equal(3, loss.Select(t => Str(t["line"]!["color"])).Distinct().Count());
        Assert.All(loss, t => Assert.True(t["showlegend"]!.GetValue<bool>()));
        Assert.All(accuracy, t => Assert.False(t["showlegend"]!.GetValue<bool>()));
        // The panels show validation values: the 10-epoch run's last validation accuracy is 0.2 + 0.3 + 0.1.
        Assert.Equal(10, accuracy[1]["y"]!.AsArray().Count);
        Assert.Equal(0.6, (double)accuracy[1]["y"]!.AsArray()[^1]!.GetValue<float>(), 5);
        Assert.Equal("validation accuracy", Str(fig.Layout["yaxis2"]!["title"]!["text"]));
        Assert.Contains("sweep", fig.ToJson());
    }

    [Fact]
    public void Runs_without_validation_data_show_training_curves_and_empty_input_is_refused()
    {
        var fig = Figure.RunComparison([("a", Run(3, 0, validation: false))]);
        Assert.Equal("training loss", Str(fig.Layout["yaxis"]!["title"]!["text"]));
        Assert.Equal(1.8, (double)fig.Data[0]!["y"]!.AsArray()[1]!.GetValue<float>(), 5);
        Assert.Throws<ArgumentException>(() => Figure.RunComparison([]));
        Assert.Throws<ArgumentException>(() => Figure.RunComparison([("empty", Array.Empty<EpochReport>())]));
    }
}
