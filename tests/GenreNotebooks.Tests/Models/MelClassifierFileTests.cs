using GenreNotebooks.Audio;
using GenreNotebooks.Datasets;
using GenreNotebooks.Datasets.Synthesis;
using GenreNotebooks.Models;
using GenreNotebooks.Nn;
using GenreNotebooks.Nn.Serialization;

namespace GenreNotebooks.Tests.Models;

/// <summary>The one-file classifier: weights plus text metadata in the safetensors header, checked on load.</summary>
public class MelClassifierFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("genre-model-file-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static MelClassifier Tiny(string arch = "bu-fewer-layers", MelClipSettings? settings = null) =>
        new(arch, ModelCatalog.Build(arch, [1, 64, 65], 3, seed: 7), ["classical", "metal", "música"], new MelScaling(-21.5f, 13.25f), pool: 2,
            settings, trainingData: "synthetic, 3 genres x 4 tracks");

    private string Saved(MelClassifier c, string name = "m.safetensors")
    {
        string path = Path.Combine(_dir, name);
        c.Save(path);
        return path;
    }

    /// <summary>Rewrites the metadata of <paramref name="path"/> through <paramref name="edit"/>, keeping the weights.</summary>
    private static void Tamper(string path, Action<Dictionary<string, string>> edit)
    {
        var tensors = Safetensors.Load(path);
        var meta = new Dictionary<string, string>(Safetensors.ReadMetadata(path));
        edit(meta);
        Safetensors.Save(path, tensors, meta);
    }

    [Fact]
    public void Save_writes_one_file_whose_metadata_holds_every_setting_and_load_restores_them_exactly()
    {
        var settings = MelClipSettings.Default with { ReferenceMax = true, TopDb = 70f, Mel = MelClipSettings.Default.Mel with { FMin = 20, FMax = 8000 } };
        var classifier = Tiny(settings: settings);
        string path = Saved(classifier);
        Assert.Equal([path], Directory.GetFiles(_dir));
        var meta = Safetensors.ReadMetadata(path);
        Assert.Equal(MelClassifierMetadata.Keys, meta.Keys);
        Assert.Equal("bu-fewer-layers", meta["architecture"]);
        Assert.Equal("""{"input_shape":[1,64,65],"classes":3}""", meta["architecture_options"]);
        Assert.Equal("""["classical","metal","música"]""", meta["genres"]);
        Assert.Equal("-21.5", meta["input_mean"]);
        Assert.Equal("8000", meta["fmax"]);
        Assert.Equal("max", meta["db_reference"]);

        var loaded = MelClassifier.Load(path);
        Assert.Equal(classifier.Architecture, loaded.Architecture);
        Assert.Equal(classifier.Genres, loaded.Genres);
        Assert.Equal(classifier.Scaling, loaded.Scaling);
        Assert.Equal(classifier.Pool, loaded.Pool);
        Assert.Equal(settings, loaded.Settings);
        Assert.Equal("synthetic, 3 genres x 4 tracks", loaded.TrainingData);
        Assert.Equal(meta, loaded.Metadata);

        var song = SyntheticGenres.Generate("metal", 3, 5, durationSeconds: 6.5);
        Assert.Equal(classifier.Classify(song).MeanProbabilities, loaded.Classify(song).MeanProbabilities);
    }

    [Theory]
    [InlineData("mel_scale", "bark", "supported values")]
    [InlineData("power", "1", "supported values")]
    [InlineData("window", "kaiser", "supported values")]
    [InlineData("fmax", "30000", "Nyquist")]
    [InlineData("n_fft", "two thousand", "not an integer")]
    [InlineData("input_std", "0", "not positive")]
    [InlineData("format_version", "9", "newer")]
    [InlineData("architecture", "resnet-50", "not a catalog model")]
    [InlineData("genres", """["a","b"]""", "3 classes")]
    [InlineData("architecture_options", """{"input_shape":[1,128,130],"classes":3}""", "[1, 64, 65]")]
    public void A_tampered_key_is_refused_naming_the_file_and_the_key(string key, string value, string expected)
    {
        string path = Saved(Tiny());
        Tamper(path, m => m[key] = value);
        var e = Assert.Throws<ModelFileException>(() => MelClassifier.Load(path));
        Assert.Equal(key, e.Key);
        Assert.Contains(path, e.Message);
        Assert.Contains($"'{key}'", e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void A_mel_setting_that_disagrees_with_the_network_input_is_refused_naming_both()
    {
        string path = Saved(Tiny());
        Tamper(path, m => m["n_mels"] = "96");
        var e = Assert.Throws<ModelFileException>(() => MelClassifier.Load(path));
        Assert.Equal("architecture_options", e.Key);
        Assert.Contains("n_mels 96", e.Message);
    }

    [Fact]
    public void Another_architecture_s_weights_are_refused_as_a_layout_mismatch()
    {
        // bu-fewer-filters has the same five-block shape as bu-baseline but half the filters: the weights do not fit.
        string path = Saved(Tiny("bu-fewer-filters"));
        Tamper(path, m => m["architecture"] = "bu-baseline");
        var e = Assert.Throws<ModelFileException>(() => MelClassifier.Load(path));
        Assert.Equal("architecture", e.Key);
        Assert.Contains("do not fit", e.Message);
        Assert.Contains("size mismatch", e.Message);
        Assert.Contains("bu-fewer-filters", Assert.Throws<ModelFileException>(() => MelClassifier.Load(Saved(Tiny("bu-fewer-filters"), "n.safetensors"), "bu-baseline")).Message);
    }

    [Theory]
    [InlineData("input_std")]
    [InlineData("genres")]
    [InlineData("n_mels")]
    [InlineData("format")]
    public void A_missing_key_is_refused_with_its_name(string key)
    {
        string path = Saved(Tiny());
        Tamper(path, m => m.Remove(key));
        var e = Assert.Throws<ModelFileException>(() => MelClassifier.Load(path));
        Assert.Equal(key, e.Key);
        Assert.Contains(path, e.Message);
        Assert.Contains($"'{key}' is missing", e.Message);
    }

    [Fact]
    public void The_earlier_two_file_layout_still_loads_and_save_converts_it_to_one_file()
    {
        var classifier = Tiny();
        string path = Path.Combine(_dir, "old.safetensors");
        classifier.SaveTwoFile(path);
        Assert.Empty(Safetensors.ReadMetadata(path));
        Assert.True(File.Exists(MelClassifier.SidecarPath(path)));

        var old = MelClassifier.Load(path);
        Assert.Equal(classifier.Genres, old.Genres);
        Assert.Equal(classifier.Scaling, old.Scaling);
        Assert.StartsWith("not recorded", old.TrainingData);
        var song = SyntheticGenres.Generate("classical", 1, 5, durationSeconds: 3.5);
        var expected = classifier.Classify(song).MeanProbabilities;
        Assert.Equal(expected, old.Classify(song).MeanProbabilities);

        old.Save(path);
        Assert.False(File.Exists(MelClassifier.SidecarPath(path)));
        Assert.Equal("bu-fewer-layers", Safetensors.ReadMetadata(path)["architecture"]);
        Assert.Equal(expected, MelClassifier.Load(path).Classify(song).MeanProbabilities);
    }

    [Fact]
    public void Weights_without_metadata_or_settings_file_are_refused_with_how_to_convert()
    {
        string path = Path.Combine(_dir, "bare.safetensors");
        ModelCatalog.Build("bu-fewer-layers", [1, 64, 65], 3).Save(path);
        var e = Assert.Throws<ModelFileException>(() => MelClassifier.Load(path));
        Assert.Equal("format", e.Key);
        Assert.Contains("bare.safetensors.json", e.Message);
        Assert.Contains("genre train", e.Message);
        Assert.Contains("Save(path)", e.Message);
    }
}
