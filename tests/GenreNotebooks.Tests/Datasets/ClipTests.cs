using GenreNotebooks.Audio;
using GenreNotebooks.Datasets;

namespace GenreNotebooks.Tests.Datasets;

public class ClipTests
{
    private static readonly Track T = new("blues.00042", "blues", "/x/blues.00042.wav");

    [Fact]
    public void A_30_s_track_gives_ten_3_s_clips_with_track_based_ids()
    {
        var clips = Clips.Plan(T, 30 * 22050);
        Assert.Equal(10, clips.Count);
        Assert.All(clips, c => Assert.Equal(66150, c.Length));
        Assert.Equal("blues.00042.0", clips[0].Id);
        Assert.Equal("blues.00042.9", clips[9].Id);
        Assert.Equal(9 * 66150, clips[9].Start);
        Assert.All(clips, c => Assert.Equal("blues.00042", c.TrackId));
    }

    [Fact]
    public void A_29_98_s_gtzan_track_drops_the_short_tail_by_default_and_pads_it_on_request()
    {
        int n = (int)(29.98 * 22050); // 661059 samples: 9 whole clips and 66,009 left over
        Assert.Equal(9, Clips.Plan(T, n).Count);
        var padded = Clips.Plan(T, n, ClipOptions.ThreeSeconds with { Tail = TailPolicy.Pad });
        Assert.Equal(10, padded.Count);
        var signal = new AudioSignal(Enumerable.Repeat(0.5f, n).ToArray(), 22050);
        var last = Clips.Cut(signal, padded[9]);
        Assert.Equal(66150, last.Length);
        Assert.Equal(0.5f, last.Samples[n - 9 * 66150 - 1]);
        Assert.Equal(0f, last.Samples[^1]);
        // A 30.65-s track keeps 10 whole clips; the 0.65-s tail is dropped.
        Assert.Equal(10, Clips.Plan(T, (int)(30.65 * 22050)).Count);
    }

    [Fact]
    public void Nine_second_clips_are_three_consecutive_three_second_clips()
    {
        var nine = Clips.Plan(T, 30 * 22050, ClipOptions.NineSeconds);
        Assert.Equal(3, nine.Count);
        Assert.Equal(3 * 66150, nine[1].Start);
        Assert.Equal(198450, nine[0].Length);
    }

    [Fact]
    public void Kaggle_3_sec_segments_are_66149_samples_ten_per_track()
    {
        var k = Clips.Plan(T, 30 * 22050, ClipOptions.Kaggle3Sec);
        Assert.Equal(10, k.Count);
        Assert.All(k, c => Assert.Equal(66149, c.Length));
        Assert.Equal(66149, k[1].Start);
    }

    [Fact]
    public void Any_length_hop_and_cap_work_and_bad_options_are_rejected()
    {
        var half = Clips.Plan(T, 22050 * 10, ClipOptions.Seconds(1.0) with { HopSamples = 11025, MaxClipsPerTrack = 5 });
        Assert.Equal(5, half.Count);
        Assert.Equal(11025, half[1].Start);
        Assert.Empty(Clips.Plan(T, 1000));
        Assert.Throws<ArgumentOutOfRangeException>(() => ClipOptions.Seconds(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ClipOptions { LengthSamples = -1 });
        var signal = new AudioSignal(new float[100], 22050);
        Assert.Throws<ArgumentException>(() => Clips.Cut(signal, new Clip("a.1", "a", 0, 200, 10)));
    }

    [Fact]
    public void Cut_copies_the_right_samples()
    {
        var signal = new AudioSignal(Enumerable.Range(0, 30 * 22050).Select(i => i / 1e6f).ToArray(), 22050);
        var c = Clips.Cut(signal, Clips.Plan(T, signal.Length)[3]);
        Assert.Equal(3 * 66150 / 1e6f, c.Samples[0]);
        Assert.Equal((4 * 66150 - 1) / 1e6f, c.Samples[^1]);
    }
}
