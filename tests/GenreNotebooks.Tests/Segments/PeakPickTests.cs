using GenreNotebooks.Segments;

namespace GenreNotebooks.Tests.Segments;

// librosa is not available here: the cases below are worked out by hand from librosa 0.10.2's definition
// (util.peak_pick: local max over [n - pre_max, n + post_max), mean over [n - pre_avg, n + post_avg) plus delta, wait).
public class PeakPickTests
{
    private static PeakPickOptions Opts(int preMax = 1, int postMax = 1, int preAvg = 1, int postAvg = 1, float delta = 0.01f, int wait = 0) =>
        new() { PreMax = preMax, PostMax = postMax, PreAvg = preAvg, PostAvg = postAvg, Delta = delta, Wait = wait };

    [Fact]
    public void Onset_defaults_at_22050_Hz_and_hop_512_are_librosas()
    {
        var o = PeakPickOptions.OnsetDefaults(22050, 512);
        Assert.Equal((1, 1, 4, 5, 1, 0.07f), (o.PreMax, o.PostMax, o.PreAvg, o.PostAvg, o.Wait, o.Delta));
        // 44.1 kHz: 0.03 * 44100 // 512 = 2, 0.1 * 44100 // 512 = 8.
        var h = PeakPickOptions.OnsetDefaults(44100, 512);
        Assert.Equal((2, 1, 8, 9, 2), (h.PreMax, h.PostMax, h.PreAvg, h.PostAvg, h.Wait));
    }

    [Fact]
    public void A_frame_is_a_peak_when_it_is_the_local_maximum_and_above_the_local_mean_plus_delta()
    {
        float[] x = [0, 0.5f, 0.2f, 0, 0, 0.9f, 0.1f, 0];
        Assert.Equal([1, 5], PeakPick.Pick(x, Opts()));
        // Frame 1's window mean is (0 + 0.5) / 2 = 0.25 (post_avg 1 covers n only): with delta 0.3 it fails, frame 5 (mean 0.45) passes.
        Assert.Equal([5], PeakPick.Pick(x, Opts(delta: 0.3f)));
        // A wider maximum window: frame 1 is not the maximum of x[0:6] once post_max reaches frame 5.
        Assert.Equal([5], PeakPick.Pick(x, Opts(postMax: 5)));
    }

    [Fact]
    public void Wait_skips_frames_after_a_peak_and_plateaus_count_once_per_wait()
    {
        float[] x = [0, 1, 1, 0, 0.8f, 0, 0];
        // On a plateau both frames equal the local maximum; with pre_avg 2 both clear the mean (2/3 and 1/2 + delta).
        Assert.Equal([1, 2, 4], PeakPick.Pick(x, Opts(preAvg: 2)));
        Assert.Equal([1, 4], PeakPick.Pick(x, Opts(preAvg: 2, wait: 1)));  // frame 2 is within wait of frame 1
        Assert.Equal([1], PeakPick.Pick(x, Opts(preAvg: 2, wait: 3)));     // so is frame 4
        // With pre_avg 1 the plateau's second frame has mean 1 and fails the delta test.
        Assert.Equal([1, 4], PeakPick.Pick(x, Opts()));
    }

    [Fact]
    public void Frame_zero_is_compared_with_the_windows_starting_at_zero()
    {
        float[] x = [1, 0.2f, 0, 0.1f];
        // Frame 0: max(x[:1]) = 1 and mean(x[:2]) = 0.6; frame 3: the maximum of x[2:4], above mean(x[2:4]) = 0.05 + delta.
        Assert.Equal([0, 3], PeakPick.Pick(x, Opts(postAvg: 2)));
        Assert.Equal([0], PeakPick.Pick(x, Opts(postAvg: 2, wait: 5)));
        // With post_avg 1 frame 0's mean is itself, so it can clear delta = 0 only.
        Assert.Equal([3], PeakPick.Pick(x, Opts()));
        Assert.Empty(PeakPick.Pick([], Opts()));
        Assert.Equal([0], PeakPick.Pick([0.5f], Opts(delta: 0f)));
        Assert.Empty(PeakPick.Pick([0.5f], Opts()));
    }

    [Fact]
    public void Out_of_range_options_are_rejected()
    {
        float[] x = [0, 1, 0];
        Assert.Throws<ArgumentOutOfRangeException>(() => PeakPick.Pick(x, Opts(preMax: -1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => PeakPick.Pick(x, Opts(postMax: 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => PeakPick.Pick(x, Opts(preAvg: -1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => PeakPick.Pick(x, Opts(postAvg: 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => PeakPick.Pick(x, Opts(delta: -0.1f)));
        Assert.Throws<ArgumentOutOfRangeException>(() => PeakPick.Pick(x, Opts(delta: float.NaN)));
        Assert.Throws<ArgumentOutOfRangeException>(() => PeakPick.Pick(x, Opts(wait: -1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => PeakPickOptions.OnsetDefaults(0));
    }
}
