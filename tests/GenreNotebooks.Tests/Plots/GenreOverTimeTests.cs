using System.Text.Json.Nodes;
using GenreNotebooks.Datasets.Synthesis;
using GenreNotebooks.Evaluation;
using GenreNotebooks.Models;
using GenreNotebooks.Plots;

namespace GenreNotebooks.Tests.Plots;

public class GenreOverTimeTests
{
    [Fact]
    public void Heatmap_is_genres_by_clips_and_the_bars_are_the_mean_on_the_same_rows()
    {
        string[] genres = ["classical", "metal", "pop"];
        var classifier = new MelClassifier("bu-fewer-filters", ModelCatalog.Build("bu-fewer-filters", [1, 64, 65], 3, seed: 4), genres,
            new MelScaling(-20f, 15f), pool: 2);
        var timeline = SongTimeline.Compute(classifier, SyntheticGenres.Generate("pop", 2, 42, durationSeconds: 12.5), hopSeconds: 1.5, id: "pop.00002");
        var fig = Figure.GenreOverTime(timeline);
        var json = JsonNode.Parse(fig.ToJson())!;
        var data = json["data"]!.AsArray();
        Assert.Equal(2, data.Count);

        var heat = data[0]!;
        Assert.Equal("heatmap", (string?)heat["type"]);
        var z = heat["z"]!.AsArray();
        Assert.Equal(3, z.Count);                                   // one row per genre
        Assert.Equal(timeline.ClipCount, z[0]!.AsArray().Count);    // one column per clip
        Assert.Equal(7, timeline.ClipCount);                        // starts 0, 1.5, ..., 9 s
        Assert.Equal(timeline.Probabilities[4, 1], z[1]![4]!.GetValue<float>());
        Assert.Equal(genres, heat["y"]!.AsArray().Select(v => (string)v!));
        Assert.Equal(9.0, heat["x"]!.AsArray()[^1]!.GetValue<float>());
        Assert.Equal(0, heat["zmin"]!.GetValue<int>());
        Assert.Equal(1, heat["zmax"]!.GetValue<int>());

        var bars = data[1]!;
        Assert.Equal("bar", (string?)bars["type"]);
        Assert.Equal("h", (string?)bars["orientation"]);
        Assert.Equal("x2", (string?)bars["xaxis"]);
        Assert.Equal(genres, bars["y"]!.AsArray().Select(v => (string)v!));
        for (int g = 0; g < 3; g++) Assert.Equal(timeline.Mean[g], bars["x"]![g]!.GetValue<float>());
        var colours = bars["marker"]!["color"]!.AsArray().Select(v => (string)v!).ToArray();
        Assert.Equal("#d62728", colours[timeline.Song.PredictedByMean]);
        Assert.Single(colours, c => c == "#d62728");

        // The bars share the heatmap's genre rows and sit beside it.
        Assert.Equal("y", (string?)json["layout"]!["yaxis2"]!["matches"]);
        Assert.True(json["layout"]!["xaxis"]!["domain"]![1]!.GetValue<double>() < json["layout"]!["xaxis2"]!["domain"]![0]!.GetValue<double>());
        Assert.Contains("pop.00002: " + genres[timeline.Song.PredictedByMean], (string?)json["layout"]!["title"]!["text"]);
        Assert.Contains("every 1.5 s", fig.ToJson());
        Assert.Equal("custom", (string?)Figure.GenreOverTime(timeline, "custom").Layout["title"]!["text"]);
        Assert.Throws<ArgumentNullException>(() => Figure.GenreOverTime(null!));
    }
}
