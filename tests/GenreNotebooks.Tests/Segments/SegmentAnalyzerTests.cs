using GenreNotebooks.Datasets.Synthesis;
using GenreNotebooks.Segments;
using GenreNotebooks.Spectral;
using GenreNotebooks.Tests.Spectral;
using Xunit.Abstractions;

namespace GenreNotebooks.Tests.Segments;

public class SegmentAnalyzerTests(ITestOutputHelper output)
{
    private const int Rate = Signals.Rate;
    private const double Hop = 512.0 / Rate;

    [Fact]
    public void Clicks_at_known_times_start_segments_there_within_one_hop()
    {
        double[] clicks = [0.31, 0.74, 1.12, 1.58, 2.2, 3.8, 4.25];
        var track = SegmentAnalyzer.Analyze(Signals.Clicks(5.0, clicks), Rate);
        var starts = track.Segments.Select(s => s.Start).ToArray();
        output.WriteLine("starts: " + string.Join(", ", starts.Select(s => s.ToString("0.000"))));
        foreach (var t in clicks)
            Assert.Contains(starts, s => Math.Abs(s - t) <= Hop);
        // Every other start is frame 0 or cuts a gap longer than the longest segment (2.2 -> 3.8 s).
        foreach (var s in starts.Where(s => !clicks.Any(t => Math.Abs(s - t) <= Hop)))
            Assert.True(s == 0 || (s > 2.2 && s < 3.8), $"unexpected segment start at {s:0.000} s");
    }

    [Fact]
    public void Backtracking_on_hop_blocks_lands_within_a_hop_where_2048_sample_rms_lands_two_hops_early()
    {
        double[] clicks = [0.31, 0.74, 1.12, 1.58];
        var y = Signals.Clicks(2.0, clicks);
        var a = SegmentAnalyzer.AnalyzeDetailed(y, Rate);
        Assert.Equal(clicks.Length, a.Onsets.Length);
        var wide = OnsetDetection.Backtrack(a.Onsets, SpectralFeatures.Rms(y)); // librosa.feature.rms(y), 2048-sample centred frames
        for (int i = 0; i < clicks.Length; i++)
        {
            Assert.InRange(clicks[i] - a.FrameTime(a.Backtracked[i]), 0, Hop);
            Assert.True(clicks[i] - a.FrameTime(wide[i]) >= 2 * Hop, $"click {clicks[i]}: 2048-sample RMS minimum at {a.FrameTime(wide[i]):0.000} s");
        }
    }

    // The two chroma classes next to the tone's get part of it: librosa's chroma filters are about a semitone wide
    // and a 2048-point frame's main lobe spans +-21 Hz, most of a semitone at 262 Hz (measured: C4 0.47 and 0.27,
    // A4 0.28 and 0.25, F#5 0.21 and 0.18, including the tuning chroma_stft estimates from the tone).
    [Theory]
    [InlineData(261.63, 0)]  // C4
    [InlineData(329.63, 4)]  // E4
    [InlineData(440.0, 9)]   // A4
    [InlineData(739.99, 6)]  // F#5
    public void A_pure_tones_pitch_is_one_at_its_class_and_near_zero_elsewhere(double hz, int pitchClass)
    {
        var analysis = SegmentAnalyzer.AnalyzeDetailed(Signals.Tone(hz, 1.0), Rate);
        output.WriteLine($"tuning {analysis.Tuning}");
        foreach (var s in analysis.Segments.Segments)
        {
            output.WriteLine($"{hz} Hz, {s.Start:0.000} s: " + string.Join(" ", s.Pitch.Select(p => p.ToString("0.00"))));
            Assert.Equal(1f, s.Pitch[pitchClass]);
            for (int c = 0; c < 12; c++)
            {
                int distance = Math.Min((c - pitchClass + 12) % 12, (pitchClass - c + 12) % 12);
                if (distance == 1) Assert.True(s.Pitch[c] < 0.5f, $"neighbour class {c}: {s.Pitch[c]}");
                else if (distance > 1) Assert.True(s.Pitch[c] < 0.05f, $"class {c}: {s.Pitch[c]}");
            }
        }
    }

    [Fact]
    public void A_noise_bursts_pitch_is_near_flat()
    {
        var track = SegmentAnalyzer.Analyze(Signals.Noise(1.0, 3), Rate);
        foreach (var s in track.Segments)
        {
            output.WriteLine($"{s.Start:0.000} s: " + string.Join(" ", s.Pitch.Select(p => p.ToString("0.00"))));
            Assert.Equal(1f, s.Pitch.Max());
            Assert.True(s.Pitch.Min() > 0.6f, $"min pitch {s.Pitch.Min()}");
        }
    }

    [Fact]
    public void Segments_of_a_synthetic_track_respect_the_bounds_and_cover_it()
    {
        var y = SyntheticGenres.Generate("rock", 0, 11, durationSeconds: 8).Samples;
        foreach (var options in new[] { new SegmentOptions(), new SegmentOptions { MinSeconds = 0.2, MaxSeconds = 0.6 } })
        {
            var track = SegmentAnalyzer.Analyze(y, Rate, options);
            output.WriteLine($"min {options.MinSeconds} max {options.MaxSeconds}: {track.Count} segments");
            Assert.Equal(0.0, track.Segments[0].Start);
            for (int k = 0; k + 1 < track.Count; k++) Assert.Equal(track.Segments[k].End, track.Segments[k + 1].Start, 12);
            Assert.Equal((double)y.Length / Rate, track.Segments[^1].End, 12);
            Assert.Equal(track.Duration, track.Segments.Sum(s => s.Duration), 9);
            Assert.All(track.Segments, s => Assert.InRange(s.Duration, options.MinSeconds, options.MaxSeconds));
            Assert.All(track.Segments, s => Assert.InRange(s.LoudnessMaxTime, 0, s.Duration));
            Assert.All(track.Segments, s => Assert.True(s.LoudnessMax >= s.LoudnessStart));
        }
    }

    [Fact]
    public void Loudness_is_block_rms_in_dbfs_with_a_floor()
    {
        // 0.5 s of silence, then a tone of amplitude 0.5 (RMS 0.354, -9.03 dBFS).
        var y = new float[Rate / 2].Concat(Signals.Tone(440, 1.0)).ToArray();
        var track = SegmentAnalyzer.Analyze(y, Rate);
        Assert.Equal(-60.0, track.Segments[0].LoudnessStart, 6);
        var toneSegments = track.Segments.Where(s => s.Start >= 0.55).ToArray();
        Assert.NotEmpty(toneSegments);
        Assert.All(toneSegments, s => Assert.Equal(20 * Math.Log10(0.5 / Math.Sqrt(2)), s.LoudnessMax, 1));
        var quieter = SegmentAnalyzer.Analyze(y, Rate, new SegmentOptions { LoudnessFloorDb = -80 });
        Assert.Equal(-80.0, quieter.Segments[0].LoudnessStart, 6);
    }

    [Fact]
    public void Mean_mfccs_are_the_mean_of_librosas_frame_mfccs()
    {
        var y = SyntheticGenres.Generate("jazz", 1, 5, durationSeconds: 4).Samples;
        var a = SegmentAnalyzer.AnalyzeDetailed(y, Rate);
        var frames = Mfcc.Compute(y, Rate);
        for (int k = 0; k < a.Segments.Count; k++)
        {
            int start = a.Boundaries[k], end = k + 1 < a.Boundaries.Length ? a.Boundaries[k + 1] : frames.Cols;
            for (int c = 0; c < 20; c++)
            {
                double mean = 0;
                for (int t = start; t < end; t++) mean += frames[c, t];
                mean /= end - start;
                Assert.True(Math.Abs(a.Segments.Segments[k].Mfcc[c] - mean) <= 1e-3 * Math.Max(1, Math.Abs(mean)),
                    $"segment {k}, MFCC {c}: {a.Segments.Segments[k].Mfcc[c]} vs {mean}");
            }
        }
    }

    // The shared front end (one STFT for power, mel and chroma) against librosa 0.10.2's stored onset_strength and
    // chroma_stft outputs for the 22.05-kHz reference inputs.
    [Theory]
    [InlineData("noise-silence-square-3s")]
    [InlineData("tone-chord-clicks-30s")]
    public void Onset_envelope_and_chroma_match_librosas_stored_outputs(string name)
    {
        var a = SegmentAnalyzer.AnalyzeDetailed(FeatureReference.Load(name), Rate);
        double onset = FeatureReference.MaxRelative(a.OnsetEnvelope.Select(v => (double)v).ToArray(),
            FeatureReference.Vector(name + ".onset_strength.csv"), 1e-3);
        var expected = FeatureReference.Matrix(name + ".chroma_stft.csv");
        double chroma = 0;
        for (int c = 0; c < 12; c++)
            chroma = Math.Max(chroma, FeatureReference.MaxRelative(a.Chroma.Row(c).ToArray().Select(v => (double)v).ToArray(), expected[c], 1e-6));
        output.WriteLine($"{name}: onset max rel {onset:E2}, chroma max rel {chroma:E2}, tuning {a.Tuning}");
        Assert.True(onset < 1e-4, $"onset envelope max rel {onset}");
        Assert.True(chroma < 1e-4, $"chroma max rel {chroma}");
    }

    [Fact]
    public void The_same_signal_gives_the_same_segments()
    {
        var y = SyntheticGenres.Generate("metal", 2, 9, durationSeconds: 3).Samples;
        var a = SegmentAnalyzer.Analyze(y, Rate);
        var b = SegmentAnalyzer.Analyze(y, Rate);
        Assert.Equal(a.Count, b.Count);
        for (int k = 0; k < a.Count; k++)
        {
            Assert.Equal(a.Segments[k].Start, b.Segments[k].Start);
            Assert.Equal(a.Segments[k].Pitch, b.Segments[k].Pitch);
            Assert.Equal(a.Segments[k].Mfcc, b.Segments[k].Mfcc);
        }
    }

    [Fact]
    public void Bad_input_gives_clear_errors()
    {
        var empty = Assert.Throws<ArgumentException>(() => SegmentAnalyzer.Analyze([], Rate, trackId: "blues.00001"));
        Assert.Contains("blues.00001", empty.Message);
        Assert.Contains("empty", empty.Message);
        var shortOne = Assert.Throws<ArgumentException>(() => SegmentAnalyzer.Analyze(new float[1000], Rate));
        Assert.Contains("too short", shortOne.Message);
        Assert.Contains("2048 samples", shortOne.Message);
        var y = Signals.Tone(440, 0.5);
        y[5000] = float.NaN;
        var nan = Assert.Throws<ArgumentException>(() => SegmentAnalyzer.Analyze(y, Rate));
        Assert.Contains("sample 5000", nan.Message);
        Assert.Contains("NaN", nan.Message);
        y[5000] = float.PositiveInfinity;
        Assert.Throws<ArgumentException>(() => SegmentAnalyzer.Analyze(y, Rate));
        Assert.Throws<ArgumentOutOfRangeException>(() => SegmentAnalyzer.Analyze(Signals.Tone(440, 1), 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => SegmentAnalyzer.Analyze(Signals.Tone(440, 1), Rate, new SegmentOptions { MinSeconds = 0.3, MaxSeconds = 0.5 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => SegmentAnalyzer.Analyze(Signals.Tone(440, 1), Rate, new SegmentOptions { NMfcc = 200 }));
    }
}
