using GenreNotebooks.Audio;
using GenreNotebooks.Datasets;
using GenreNotebooks.Datasets.Synthesis;
using GenreNotebooks.Segments;

namespace GenreNotebooks.Tests.Segments;

public sealed class SegmentExtractionTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("genre-segments-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private sealed class Collect : IProgress<SegmentExtractionProgress>
    {
        public List<SegmentExtractionProgress> Reports { get; } = [];

        public void Report(SegmentExtractionProgress value)
        {
            lock (Reports) Reports.Add(value);
        }
    }

    private Track Wav(string genre, int index, float[] samples)
    {
        string id = $"{genre}.{index:D5}";
        string path = Path.Combine(_dir, id + ".wav");
        WavWriter.Write(path, new AudioSignal(samples, 22050));
        return new Track(id, genre, path);
    }

    [Fact]
    public void Many_tracks_run_in_parallel_in_input_order_and_bad_files_are_skipped_and_named()
    {
        var good = new[] { "blues", "metal", "jazz" }.Select((g, i) => Wav(g, i, SyntheticGenres.Generate(g, i, 2, durationSeconds: 3).Samples)).ToList();
        var tooShort = Wav("rock", 9, new float[300]);
        var corrupt = new Track("rock.00010", "rock", Path.Combine(_dir, "rock.00010.wav"));
        File.WriteAllBytes(corrupt.Path, new byte[700]);
        var tracks = new List<Track> { good[0], tooShort, good[1], corrupt, good[2] };
        var progress = new Collect();
        var report = SegmentExtraction.Run(tracks, new SegmentExtractionOptions { Threads = 2 }, progress);

        Assert.Equal(good.Select(t => t.Id), report.Tracks.Select(t => t.TrackId));
        Assert.Equal(good.Select(t => t.Genre), report.Tracks.Select(t => t.Genre));
        Assert.Equal(2, report.Failures.Count);
        Assert.Equal(tooShort, report.Failures[0].Track);
        Assert.Contains(tooShort.Path, report.Failures[0].Error);
        Assert.Contains("too short", report.Failures[0].Error);
        Assert.Contains(corrupt.Path, report.Failures[1].Error);
        Assert.Equal(5, progress.Reports.Count);
        Assert.Equal(5, progress.Reports.Max(p => p.Completed));
        Assert.Equal(2, progress.Reports.Count(p => p.Error is not null));

        // Deterministic: the same as one track at a time.
        var single = SegmentAnalyzer.Analyze(AudioFile.Load(good[1].Path), trackId: good[1].Id);
        var fromRun = report.For([good[1]]).Single();
        Assert.Equal(single.Count, fromRun.Count);
        for (int k = 0; k < single.Count; k++) Assert.Equal(single.Segments[k].Mfcc, fromRun.Segments[k].Mfcc);
        Assert.Empty(report.For([tooShort]));
    }

    [Fact]
    public void Duplicate_ids_and_bad_options_are_rejected()
    {
        var t = new Track("rock.00001", "rock", Path.Combine(_dir, "a.wav"));
        Assert.Throws<ArgumentException>(() => SegmentExtraction.Run([t, t with { Path = Path.Combine(_dir, "b.wav") }]));
        Assert.Throws<ArgumentOutOfRangeException>(() => SegmentExtraction.Run([t], new SegmentExtractionOptions { Threads = 0 }));
    }
}
