using GenreNotebooks.Audio;
using GenreNotebooks.Features;

namespace GenreNotebooks.Tests.Features;

public sealed class FeatureExtractionTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "gn-fx-" + Guid.NewGuid().ToString("N"));

    public FeatureExtractionTests()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "in", "rock"));
        Directory.CreateDirectory(Path.Combine(_dir, "in", "jazz"));
    }

    public void Dispose()
    {
        try { Directory.Delete(_dir, true); } catch (IOException) { }
    }

    private string In(params string[] parts) => Path.Combine([_dir, "in", .. parts]);

    // Short deterministic clips (1.5 s) keep the test fast; each file differs by its seed.
    private void WriteClip(string path, int seed, double seconds = 1.5)
    {
        var rng = new Random(seed);
        var y = new float[(int)(22050 * seconds)];
        double f = 200 + 50 * seed;
        for (int i = 0; i < y.Length; i++) y[i] = (float)(0.3 * Math.Sin(2 * Math.PI * f * i / 22050) + 0.05 * (rng.NextDouble() - 0.5));
        WavWriter.Write(path, new AudioSignal(y, 22050));
    }

    private void MakeFolder()
    {
        WriteClip(In("rock", "rock.00000.wav"), 1);
        WriteClip(In("rock", "rock.00001.wav"), 2);
        WriteClip(In("jazz", "take five.wav"), 3);
        File.WriteAllText(In("jazz", "jazz.00009.wav"), "this is not a wav file");
        File.WriteAllBytes(In("rock", "rock.00002.wav"), new byte[10]);
        File.WriteAllText(In("rock", "notes.txt"), "ignored");
    }

    [Fact]
    public void Bad_files_are_skipped_and_reported_and_the_rest_written()
    {
        MakeFolder();
        string csv = Path.Combine(_dir, "out.csv");
        var events = new List<FeatureExtractionProgress>();
        var report = FeatureExtraction.Run([In()], csv, new FeatureExtractionOptions { Threads = 2 }, new SyncProgress(events));

        Assert.Equal(3, report.FilesProcessed);
        Assert.Equal(3, report.RowsWritten);
        Assert.Equal(2, report.Failures.Count);
        Assert.Contains(report.Failures, f => f.File.EndsWith("jazz.00009.wav") && f.Error.Contains("jazz.00009.wav"));
        Assert.Contains(report.Failures, f => f.File.EndsWith("rock.00002.wav"));
        Assert.Equal(5, events.Count);
        Assert.Equal(2, events.Count(e => e.Error is not null));

        var table = FeatureTable.ReadCsv(csv);
        Assert.Equal(FeatureExtractionCsv.Header, File.ReadLines(csv).First());
        Assert.Equal(["rock.00000.wav", "rock.00001.wav", "take five.wav"], table.Filenames.Order());
        var labels = table.Filenames.Zip(table.Labels).ToDictionary(p => p.First, p => p.Second);
        Assert.Equal("rock", labels["rock.00000.wav"]);
        Assert.Equal("jazz", labels["take five.wav"]); // no GTZAN name: the folder
        Assert.All(table.Lengths, l => Assert.Equal(33075, l));
    }

    [Fact]
    public void Interrupted_output_plus_rerun_gives_the_same_rows_as_one_run()
    {
        MakeFolder();
        string full = Path.Combine(_dir, "full.csv");
        FeatureExtraction.Run([In()], full, new FeatureExtractionOptions { Threads = 1 });

        // Interrupted run: only one file done, and a row cut off in the middle of writing.
        string resumed = Path.Combine(_dir, "resumed.csv");
        FeatureExtraction.Run([In("rock", "rock.00000.wav")], resumed);
        var partialRow = File.ReadLines(full).First(l => l.StartsWith("take five.wav"));
        File.AppendAllText(resumed, partialRow[..(partialRow.Length / 2)]);

        var events = new List<FeatureExtractionProgress>();
        var report = FeatureExtraction.Run([In()], resumed, new FeatureExtractionOptions { Threads = 2 }, new SyncProgress(events));
        Assert.Equal(1, report.FilesAlreadyDone);
        Assert.Equal(2, report.RowsWritten);
        Assert.Equal(File.ReadLines(full).Order(), File.ReadLines(resumed).Order());

        // A second rerun changes nothing.
        var again = FeatureExtraction.Run([In()], resumed);
        Assert.Equal(0, again.RowsWritten);
        Assert.Equal(3, again.FilesAlreadyDone);
    }

    [Fact]
    public void Segment_rows_are_named_per_segment_and_resume_per_file()
    {
        WriteClip(In("rock", "rock.00003.wav"), 4, seconds: 3.2); // one full 66149-sample segment
        string csv = Path.Combine(_dir, "seg.csv");
        var report = FeatureExtraction.Run([In("rock")], csv, new FeatureExtractionOptions { Segments = 10 });
        Assert.Equal(1, report.RowsWritten);
        var table = FeatureTable.ReadCsv(csv);
        Assert.Equal("rock.00003.0.wav", table.Filenames.Single());
        Assert.Equal(66149, table.Lengths.Single());
        Assert.Equal(0, FeatureExtraction.Run([In("rock")], csv, new FeatureExtractionOptions { Segments = 10 }).RowsWritten);
    }

    [Fact]
    public void A_second_file_with_the_same_name_is_reported_as_skipped_not_silently_dropped()
    {
        WriteClip(In("rock", "take.wav"), 1);
        WriteClip(In("jazz", "take.wav"), 2);
        string csv = Path.Combine(_dir, "dup.csv");
        var events = new List<FeatureExtractionProgress>();
        var report = FeatureExtraction.Run([In()], csv, new FeatureExtractionOptions { Threads = 2 }, new SyncProgress(events));

        Assert.Equal(1, report.FilesProcessed);
        Assert.Equal(1, report.RowsWritten);
        Assert.Equal(0, report.FilesAlreadyDone);
        var failure = Assert.Single(report.Failures);
        // Sorted paths: in/jazz/take.wav comes first and is extracted; in/rock/take.wav is the duplicate.
        Assert.Equal(In("rock", "take.wav"), failure.File);
        Assert.Contains(In("rock", "take.wav"), failure.Error);
        Assert.Contains(In("jazz", "take.wav"), failure.Error);
        Assert.Equal(2, events.Count);
        Assert.Single(events, e => e.Error is not null);
        Assert.Equal("jazz", FeatureTable.ReadCsv(csv).Labels.Single());
    }

    [Fact]
    public void A_foreign_output_file_and_missing_inputs_are_refused()
    {
        string csv = Path.Combine(_dir, "other.csv");
        File.WriteAllText(csv, "a,b,c\n1,2,3\n");
        WriteClip(In("rock", "rock.00000.wav"), 1);
        var e = Assert.Throws<InvalidDataException>(() => FeatureExtraction.Run([In()], csv));
        Assert.Contains("other.csv", e.Message);
        Assert.Equal("a,b,c\n1,2,3\n", File.ReadAllText(csv));
        Assert.Throws<FileNotFoundException>(() => FeatureExtraction.Run([In("nope")], Path.Combine(_dir, "x.csv")));
    }

    [Theory]
    [InlineData("/data/genres/blues/blues.00042.wav", "blues")]
    [InlineData("/data/mine/hiphop/track one.mp3", "hiphop")]
    [InlineData("/data/x/rock.v2.wav", "x")]
    public void Label_comes_from_the_gtzan_name_or_the_folder(string path, string label) =>
        Assert.Equal(label, FeatureExtraction.LabelOf(path));

    private sealed class SyncProgress(List<FeatureExtractionProgress> events) : IProgress<FeatureExtractionProgress>
    {
        public void Report(FeatureExtractionProgress value)
        {
            lock (events) events.Add(value);
        }
    }
}
