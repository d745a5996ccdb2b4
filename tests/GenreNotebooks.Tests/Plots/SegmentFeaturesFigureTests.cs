using System.Text.Json.Nodes;
using GenreNotebooks.Plots;
using GenreNotebooks.Segments;
using GenreNotebooks.Tests.Segments;

namespace GenreNotebooks.Tests.Plots;

public class SegmentFeaturesFigureTests
{
    private static JsonObject Parse(Figure f) => JsonNode.Parse(f.ToJson())!.AsObject();
    private static double[][] Z(JsonObject trace) => trace["z"]!.AsArray().Select(r => r!.AsArray().Select(v => v!.GetValue<double>()).ToArray()).ToArray();

    [Fact]
    public void Pitch_plot_has_a_row_per_pitch_class_from_C_and_a_column_per_segment_with_the_segments_values()
    {
        var track = FakeSegments.Track("t", "jazz", 30, seed: 4);
        var trace = Parse(Figure.PitchChroma(track))["data"]![0]!.AsObject();
        Assert.Equal("heatmap", trace["type"]!.GetValue<string>());
        Assert.Equal(["C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"], trace["y"]!.AsArray().Select(v => v!.GetValue<string>()));
        var z = Z(trace);
        Assert.Equal(12, z.Length);
        Assert.All(z, row => Assert.Equal(30, row.Length));
        for (int i = 0; i < 30; i++)
            for (int c = 0; c < 12; c++) Assert.Equal(track.Segments[i].Pitch[c], z[c][i], 5);
        Assert.Equal((0.0, 1.0), (trace["zmin"]!.GetValue<double>(), trace["zmax"]!.GetValue<double>()));
    }

    [Fact]
    public void Timbre_plot_draws_the_transformed_components_and_stops_at_max_segments()
    {
        var tracks = Enumerable.Range(0, 4).Select(i => FakeSegments.Track($"t{i}", "rock", 50, seed: i)).ToList();
        var timbre = SegmentTimbre.Fit(tracks);
        var m = timbre.Transform(tracks[0]);
        var trace = Parse(Figure.TimbrePseudoSpectrogram(tracks[0], m, maxSegments: 20))["data"]![0]!.AsObject();
        var z = Z(trace);
        Assert.Equal(12, z.Length);
        Assert.All(z, row => Assert.Equal(20, row.Length));
        Assert.Equal(m[7, 3], z[3][7], 4);
        Assert.Equal("1", trace["y"]![0]!.GetValue<string>());
        Assert.Throws<ArgumentException>(() => Figure.TimbrePseudoSpectrogram(tracks[1], new FloatMatrix(49, 12)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Figure.PitchChroma(tracks[0], maxSegments: 0));
    }

    [Fact]
    public void Segment_features_stack_timbre_above_pitch_with_two_heatmaps_and_a_title_naming_the_track()
    {
        var tracks = Enumerable.Range(0, 3).Select(i => FakeSegments.Track($"song{i}", "blues", 40, seed: i)).ToList();
        var timbre = SegmentTimbre.Fit(tracks);
        var fig = Parse(Figure.SegmentFeatures(tracks[0], timbre.Transform(tracks[0])));
        Assert.Equal(2, fig["data"]!.AsArray().Count(t => t!["type"]!.GetValue<string>() == "heatmap"));
        Assert.Contains("song0 (blues): 40 segments", fig["layout"]!["title"]!["text"]!.GetValue<string>());
    }
}
