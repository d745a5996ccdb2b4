using GenreNotebooks.Audio;
using GenreNotebooks.Datasets;
using GenreNotebooks.Datasets.Synthesis;
using GenreNotebooks.Segments;

namespace GenreNotebooks.Tests.Segments;

public sealed class SegmentCacheTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("genre-segcache-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private Track Wav(string genre, int index, double seconds = 3)
    {
        string id = $"{genre}.{index:D5}";
        string path = Path.Combine(_dir, "audio", id + ".wav");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        WavWriter.Write(path, SyntheticGenres.Generate(genre, index, 5, durationSeconds: seconds));
        return new Track(id, genre, path);
    }

    private static void SameSegments(TrackSegments a, TrackSegments b)
    {
        Assert.Equal((a.TrackId, a.Genre, a.SampleRate, a.Duration, a.Count), (b.TrackId, b.Genre, b.SampleRate, b.Duration, b.Count));
        for (int k = 0; k < a.Count; k++)
        {
            var (x, y) = (a.Segments[k], b.Segments[k]);
            Assert.Equal((x.Start, x.Duration, x.LoudnessStart, x.LoudnessMax, x.LoudnessMaxTime), (y.Start, y.Duration, y.LoudnessStart, y.LoudnessMax, y.LoudnessMaxTime));
            Assert.Equal(x.Pitch, y.Pitch);
            Assert.Equal(x.Mfcc, y.Mfcc);
        }
    }

    private string Root => Path.Combine(_dir, "cache");

    [Fact]
    public void A_second_run_reads_exactly_what_the_first_analysed_without_analysing_again()
    {
        var tracks = new[] { Wav("blues", 0), Wav("metal", 1) };
        var first = SegmentCache.Run(tracks, cacheRoot: Root);
        var direct = SegmentExtraction.Run(tracks);
        for (int i = 0; i < 2; i++) SameSegments(direct.Tracks[i], first.Tracks[i]);
        string folder = SegmentCache.FolderFor(cacheRoot: Root);
        Assert.Equal(2, Directory.GetFiles(folder, "*.seg", SearchOption.AllDirectories).Length);

        // A loader that fails proves the second run does not touch the audio.
        var noAudio = new SegmentExtractionOptions { Loader = _ => throw new IOException("the audio was read") };
        var second = SegmentCache.Run(tracks, noAudio, Root);
        Assert.Empty(second.Failures);
        for (int i = 0; i < 2; i++) SameSegments(first.Tracks[i], second.Tracks[i]);
        Assert.NotNull(second.Tracks[0].Options);
    }

    [Fact]
    public void Changed_audio_other_settings_and_damaged_files_are_analysed_again()
    {
        var track = Wav("jazz", 2);
        var first = SegmentCache.Run([track], cacheRoot: Root).Tracks[0];
        // Other settings: another folder.
        var other = new SegmentExtractionOptions { Segments = new SegmentOptions { MaxSeconds = 0.5 } };
        Assert.NotEqual(SegmentCache.FolderFor(cacheRoot: Root), SegmentCache.FolderFor(other, Root));
        Assert.True(SegmentCache.Run([track], other, Root).Tracks[0].Segments.All(s => s.Duration <= 0.5 + 1e-9));
        // A truncated cache file: analysed again and rewritten.
        var file = Directory.GetFiles(SegmentCache.FolderFor(cacheRoot: Root), "*.seg", SearchOption.AllDirectories).Single();
        File.WriteAllBytes(file, File.ReadAllBytes(file)[..100]);
        SameSegments(first, SegmentCache.Run([track], cacheRoot: Root).Tracks[0]);
        Assert.True(new FileInfo(file).Length > 100);
        // New audio at the same path (another length): a new key, new segments.
        WavWriter.Write(track.Path, SyntheticGenres.Generate("jazz", 2, 5, durationSeconds: 5));
        var changed = SegmentCache.Run([track], cacheRoot: Root).Tracks[0];
        Assert.Equal(5.0, changed.Duration, 2);
    }

    [Fact]
    public void Unreadable_tracks_are_reported_not_cached_and_duplicates_refused()
    {
        var good = Wav("rock", 3);
        var missing = new Track("rock.00099", "rock", Path.Combine(_dir, "nowhere.wav"));
        var report = SegmentCache.Run([missing, good], cacheRoot: Root);
        Assert.Equal([good.Id], report.Tracks.Select(t => t.TrackId));
        Assert.Single(report.Failures);
        Assert.Equal(missing, report.Failures[0].Track);
        Assert.Single(Directory.GetFiles(SegmentCache.FolderFor(cacheRoot: Root), "*.seg", SearchOption.AllDirectories));
        Assert.Throws<ArgumentException>(() => SegmentCache.Run([good, good], cacheRoot: Root));
    }
}
