using GenreNotebooks.Datasets;

namespace GenreNotebooks.Tests.Datasets;

public class SyntheticDatasetTests
{
    [Fact]
    public void EnsureDefault_generates_once_keeps_a_marker_and_regenerates_when_settings_or_files_change()
    {
        var dir = Path.Combine(Path.GetTempPath(), "gn-ensure-" + Guid.NewGuid().ToString("N"));
        try
        {
            string[] genres = ["disco", "pop"];
            Assert.Equal(dir, SyntheticDataset.EnsureDefault(2, seed: 1, genres, durationSeconds: 1, folder: dir));
            Assert.True(File.Exists(Path.Combine(dir, SyntheticDataset.MarkerFile)));
            var file = SyntheticDataset.TrackPath(dir, "pop", 1);
            var stamp = File.GetLastWriteTimeUtc(file);
            var bytes = File.ReadAllBytes(file);

            SyntheticDataset.EnsureDefault(2, seed: 1, genres, durationSeconds: 1, folder: dir);
            Assert.Equal(stamp, File.GetLastWriteTimeUtc(file));

            SyntheticDataset.EnsureDefault(2, seed: 2, genres, durationSeconds: 1, folder: dir);
            Assert.NotEqual(bytes, File.ReadAllBytes(file));

            File.Delete(file);
            var ds = SyntheticDataset.Read(dir);
            Assert.Contains("pop.00001", ds.MissingIds);
            SyntheticDataset.EnsureDefault(2, seed: 2, genres, durationSeconds: 1, folder: dir);
            ds = SyntheticDataset.Read(dir);
            Assert.Equal(4, ds.Tracks.Count);
            Assert.Empty(ds.MissingIds);
            Assert.Empty(ds.Warnings);
            Assert.True(ds.IsSynthetic);
            Assert.Contains("SYNTHETIC", ds.Description);
            Assert.Contains("seed 2", ds.Description);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Concurrent_EnsureDefault_calls_for_one_folder_both_succeed()
    {
        var dir = Path.Combine(Path.GetTempPath(), "gn-ensure-par-" + Guid.NewGuid().ToString("N"));
        try
        {
            Parallel.For(0, 3, _ => SyntheticDataset.EnsureDefault(2, seed: 4, ["rock"], durationSeconds: 1, folder: dir));
            var ds = SyntheticDataset.Read(dir);
            Assert.Equal(2, ds.Tracks.Count);
            Assert.Empty(ds.Warnings);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Default_folders_are_separate_per_size_seed_and_genre_set()
    {
        var a = SyntheticDataset.DefaultFolder(4, 42);
        Assert.EndsWith(Path.Combine("datasets", "synthetic", "gtzan10-n4-s42"), a);
        Assert.NotEqual(a, SyntheticDataset.DefaultFolder(30, 42));
        Assert.NotEqual(a, SyntheticDataset.DefaultFolder(4, 7));
        Assert.EndsWith("rap+kpop-n4-s42", SyntheticDataset.DefaultFolder(4, 42, ["rap", "kpop"]));
    }
}
