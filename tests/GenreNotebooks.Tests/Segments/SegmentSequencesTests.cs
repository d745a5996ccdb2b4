using GenreNotebooks.Segments;

namespace GenreNotebooks.Tests.Segments;

public class SegmentSequencesTests
{
    private static readonly SegmentTimbre Model = SegmentTimbre.Fit(FakeSegments.Track("fit", null, 200, 1).MfccMatrix());

    [Fact]
    public void A_short_track_is_zero_padded_after_its_segments_with_a_mask()
    {
        var track = FakeSegments.Track("a", "rock", 30, 2);
        var pitch = SegmentSequences.Pitch(track);
        var timbre = SegmentSequences.Timbre(track, Model);
        Assert.Equal((12, 512), (pitch.Rows, pitch.Cols));
        Assert.Equal((12, 512), (timbre.Rows, timbre.Cols));
        var t = Model.Transform(track);
        for (int i = 0; i < 30; i++)
            for (int c = 0; c < 12; c++)
            {
                Assert.Equal(track.Segments[i].Pitch[c], pitch[c, i]);
                Assert.Equal(t[i, c], timbre[c, i]);
            }
        for (int i = 30; i < 512; i++)
            for (int c = 0; c < 12; c++) Assert.Equal(0f, pitch[c, i] + timbre[c, i]);
        var mask = SegmentSequences.Mask(track);
        Assert.Equal(30, mask.Count(m => m));
        Assert.True(mask[29] && !mask[30]);
        Assert.True(SegmentSequences.NeedsPadding(track));
    }

    [Fact]
    public void A_long_track_keeps_its_first_segments_and_repeat_padding_cycles()
    {
        var track = FakeSegments.Track("b", "rock", 20, 3);
        var cut = SegmentSequences.Pitch(track, length: 8);
        for (int i = 0; i < 8; i++) Assert.Equal(track.Segments[i].Pitch[5], cut[5, i]);
        Assert.False(SegmentSequences.NeedsPadding(track, 8));
        var repeated = SegmentSequences.Pitch(track, length: 50, padding: SequencePadding.Repeat);
        for (int i = 0; i < 50; i++) Assert.Equal(track.Segments[i % 20].Pitch[7], repeated[7, i]);
    }

    [Fact]
    public void Mixed_stacks_timbre_then_pitch_as_two_channels()
    {
        var track = FakeSegments.Track("c", "rock", 10, 4);
        var mixed = SegmentSequences.Mixed(track, Model, length: 16);
        Assert.Equal(2 * 12 * 16, mixed.Length);
        Assert.Equal(SegmentSequences.Timbre(track, Model, 16).Data, mixed[..(12 * 16)]);
        Assert.Equal(SegmentSequences.Pitch(track, 16).Data, mixed[(12 * 16)..]);
        var six = SegmentTimbre.Fit(FakeSegments.Track("fit", null, 50, 1).MfccMatrix(), components: 6);
        Assert.Throws<ArgumentException>(() => SegmentSequences.Mixed(track, six));
    }

    [Fact]
    public void A_sequence_set_gives_the_networks_tensors_and_counts_the_padded_tracks()
    {
        string[] genres = ["jazz", "rock"];
        var tracks = new[]
        {
            FakeSegments.Track("rock.1", "rock", 600, 5),
            FakeSegments.Track("jazz.1", "jazz", 100, 6),
            FakeSegments.Track("rock.2", "rock", 512, 7),
        };
        var set = SegmentSequenceSet.Create(tracks, Model, genres);
        Assert.Equal(3, set.Count);
        Assert.Equal([1, 0, 1], set.Labels);
        Assert.Equal(1, set.PaddedCount);
        Assert.Equal([600, 100, 512], set.SegmentCounts);
        Assert.Equal([3, 12, 512], set.Timbre().Shape);
        Assert.Equal([3, 12, 512], set.Pitch().Shape);
        Assert.Equal([3, 2, 12, 512], set.Input(SegmentInput.Mixed).Shape);
        Assert.Equal([3, 512], set.Mask().Shape);
        var mixed = set.Mixed().ToArray();
        var pitch = set.Pitch().ToArray();
        Assert.Equal(pitch[(12 * 512)..(2 * 12 * 512)], mixed[(3 * 12 * 512)..(4 * 12 * 512)]); // track 1, channel 1
        Assert.Equal(100, set.Mask().ToArray()[512..1024].Sum());
        Assert.Contains("1 of 3 had fewer", set.Summary());
        var e = Assert.Throws<ArgumentException>(() => SegmentSequenceSet.Create([FakeSegments.Track("pop.1", "pop", 5, 8)], Model, genres));
        Assert.Contains("pop.1", e.Message);
    }
}
