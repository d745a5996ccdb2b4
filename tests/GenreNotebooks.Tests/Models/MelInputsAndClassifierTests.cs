using GenreNotebooks.Datasets;
using GenreNotebooks.Datasets.Synthesis;
using GenreNotebooks.Models;
using GenreNotebooks.Nn;

namespace GenreNotebooks.Tests.Models;

public class MelInputsAndClassifierTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"genre-mel-{Guid.NewGuid():N}");

    public MelInputsAndClassifierTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static MelClipSet Set(params float[][] clips)
    {
        var c = clips.Select((_, i) => new Clip("blues.0000" + i, "blues", 0, 0, 1)).ToArray();
        return new MelClipSet(c, ["blues", "rock"], 2, 4, clips.SelectMany(x => x).ToArray(), []);
    }

    [Fact]
    public void Scaling_is_the_mean_and_population_std_of_all_training_values()
    {
        var set = Set([1, 2, 3, 4, 5, 6, 7, 8], [9, 10, 11, 12, 13, 14, 15, 16]);
        var s = MelScaling.Fit(set);
        Assert.Equal(8.5f, s.Mean, 5);
        Assert.Equal((float)Math.Sqrt((16 * 16 - 1) / 12.0), s.Std, 4);
        Assert.Equal(1f, MelScaling.Fit(Set([3, 3, 3, 3, 3, 3, 3, 3])).Std);
    }

    [Fact]
    public void Tensor_is_nchw_scaled_and_two_by_two_pooling_averages_blocks()
    {
        var set = Set([1, 2, 3, 4, 5, 6, 7, 8], [0, 0, 0, 0, 2, 2, 2, 2]);
        var scaling = new MelScaling(1f, 2f);
        var full = MelInputs.ToTensor(set, scaling);
        Assert.Equal([2, 1, 2, 4], full.Shape);
        Assert.Equal((8 - 1f) / 2f, full.AsSpan()[7]);
        var pooled = MelInputs.ToTensor(set, scaling, pool: 2);
        Assert.Equal([2, 1, 1, 2], pooled.Shape);
        // clip 0 blocks: {1,2,5,6} mean 3.5 and {3,4,7,8} mean 5.5; clip 1: both blocks mean 1
        Assert.Equal([(3.5f - 1) / 2, (5.5f - 1) / 2, 0f, 0f], pooled.AsSpan().ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => MelInputs.ToTensor(set, scaling, pool: 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => MelInputs.ToTensor(set, scaling, pool: 0));
    }

    [Fact]
    public void Saved_classifier_loads_and_gives_the_same_song_probabilities()
    {
        var model = ModelCatalog.Build("bu-fewer-filters", [1, 64, 65], 3, seed: 4);
        var classifier = new MelClassifier("bu-fewer-filters", model, ["classical", "metal", "pop"], new MelScaling(-20f, 15f), pool: 2);
        var song = SyntheticGenres.Generate("metal", 0, 42, durationSeconds: 7.5);
        var before = classifier.Classify(song, "metal.00000");
        Assert.Equal(2, before.ClipCount);  // 7.5 s: two whole 3-s clips, the tail dropped
        Assert.Equal(1.0, before.MeanProbabilities.Sum(), 4);

        string path = Path.Combine(_dir, "m.safetensors");
        classifier.Save(path);
        Assert.False(File.Exists(MelClassifier.SidecarPath(path)));  // one file
        var loaded = MelClassifier.Load(path, "bu-fewer-filters");
        Assert.Equal(classifier.Genres, loaded.Genres);
        Assert.Equal(classifier.Scaling, loaded.Scaling);
        Assert.Equal(before.MeanProbabilities, loaded.Classify(song, "metal.00000").MeanProbabilities);

        var shortSong = SyntheticGenres.Generate("pop", 0, 42, durationSeconds: 1.0);
        Assert.Equal(1, loaded.Classify(shortSong).ClipCount);  // shorter than a clip: one zero-padded clip
    }

    [Fact]
    public void Loading_names_the_missing_settings_file_and_a_wrong_architecture()
    {
        var model = ModelCatalog.Build("bu-fewer-layers", [1, 64, 65], 2, seed: 1);
        string path = Path.Combine(_dir, "w.safetensors");
        model.Save(path);
        var e = Assert.Throws<ModelFileException>(() => MelClassifier.Load(path));
        Assert.Equal("format", e.Key);
        Assert.Contains("w.safetensors.json", e.Message);
        new MelClassifier("bu-fewer-layers", model, ["a", "b"], MelScaling.Identity, 2).Save(path);
        var wrong = Assert.Throws<ModelFileException>(() => MelClassifier.Load(path, "bu-baseline"));
        Assert.Contains("bu-fewer-layers", wrong.Message);
    }
}
