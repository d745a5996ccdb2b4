using GenreNotebooks.Audio;
using GenreNotebooks.Datasets;
using GenreNotebooks.Datasets.Synthesis;
using GenreNotebooks.Models;

namespace GenreNotebooks.Tests.Models;

public class SongClassifierTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("genre-song-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static MelClassifier Tiny() =>
        new("bu-fewer-layers", ModelCatalog.Build("bu-fewer-layers", [1, 64, 65], 3, seed: 2), ["classical", "metal", "rock"], new MelScaling(-20f, 15f), pool: 2);

    [Theory]
    [InlineData(0, 100, 100, new int[0], false)]
    [InlineData(40, 100, 100, new[] { 0 }, true)]
    [InlineData(100, 100, 100, new[] { 0 }, false)]
    [InlineData(299, 100, 100, new[] { 0, 100 }, false)]   // the partial tail is dropped, as in training
    [InlineData(300, 100, 100, new[] { 0, 100, 200 }, false)]
    [InlineData(250, 100, 50, new[] { 0, 50, 100, 150 }, false)]
    public void Slice_places_whole_clips_every_hop_and_pads_a_song_shorter_than_one_clip(int song, int clip, int hop, int[] starts, bool padded)
    {
        var (s, p) = SongClassifier.Slice(song, clip, hop);
        Assert.Equal(starts, s);
        Assert.Equal(padded, p);
        Assert.Throws<ArgumentOutOfRangeException>(() => SongClassifier.Slice(song, clip, 0));
        // Whenever a whole clip fits, the starts are those of the training clips (Clips.Plan).
        if (song >= clip)
            Assert.Equal(Clips.Plan(new Track("t", "g", "t.wav"), song, new ClipOptions { LengthSamples = clip, HopSamples = hop }).Select(c => c.Start), s);
    }

    [Fact]
    public void A_padded_tail_policy_adds_the_partial_last_clip_as_clips_plan_does()
    {
        Assert.Equal([0, 100, 200], SongClassifier.Slice(299, 100, 100, TailPolicy.Pad).Starts);
        Assert.Equal([0, 100, 200], SongClassifier.Slice(300, 100, 100, TailPolicy.Pad).Starts);  // no partial tail
        Assert.Equal(Clips.Plan(new Track("t", "g", "t.wav"), 299, new ClipOptions { LengthSamples = 100, Tail = TailPolicy.Pad }).Select(c => c.Start),
            SongClassifier.Slice(299, 100, 100, TailPolicy.Pad).Starts);
    }

    [Fact]
    public void A_44k_stereo_file_is_mixed_down_and_resampled_as_for_training_and_the_mean_is_the_clip_average()
    {
        var classifier = Tiny();
        var mono22 = SyntheticGenres.Generate("rock", 0, 9, durationSeconds: 7.2);
        var at44 = mono22.Resample(44100).Samples;
        string path = Path.Combine(_dir, "song.wav");
        var data = new byte[at44.Length * 8];
        for (int i = 0; i < at44.Length; i++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteSingleLittleEndian(data.AsSpan(8 * i), at44[i]);
            System.Buffers.Binary.BinaryPrimitives.WriteSingleLittleEndian(data.AsSpan(8 * i + 4), 0.5f * at44[i]);
        }
        File.WriteAllBytes(path, Audio.WavBytes.Riff(Audio.WavBytes.Chunk("fmt ", Audio.WavBytes.Fmt(3, 2, 44100, 32)), Audio.WavBytes.Chunk("data", data)));

        var song = SongClassifier.ClassifyFile(classifier, path);
        var expected = classifier.Classify(AudioFile.Load(path, 22050), "song.wav");  // the training loader's path
        Assert.Equal(expected.MeanProbabilities, song.MeanProbabilities);
        Assert.Equal(2, song.ClipCount);
        Assert.Equal(7.2, song.DurationSeconds, 3);
        Assert.False(song.Padded);
        for (int k = 0; k < 3; k++)
            Assert.Equal((song.ClipProbabilities[0, k] + song.ClipProbabilities[1, k]) / 2, song.MeanProbabilities[k], 6);
        Assert.Equal([0.0, 3.0], song.ClipStartSeconds);

        var overlapping = SongClassifier.ClassifyFile(classifier, path, new SongClassificationOptions { HopSeconds = 1.5 });
        Assert.Equal(3, overlapping.ClipCount);  // starts 0, 1.5, 3 s; a clip at 4.5 s would end past 7.2 s
        Assert.Equal(1.5, overlapping.HopSeconds);
        // Clips 0 and 2 of the overlapping run are clips 0 and 1 of the plain one.
        for (int k = 0; k < 3; k++) Assert.Equal(song.ClipProbabilities[1, k], overlapping.ClipProbabilities[2, k], 6);
    }

    [Fact]
    public void A_short_song_is_padded_and_said_so_and_bad_input_is_refused()
    {
        var classifier = Tiny();
        var song = SongClassifier.Classify(classifier, SyntheticGenres.Generate("metal", 0, 1, durationSeconds: 1.0), "short");
        Assert.True(song.Padded);
        Assert.Equal(1, song.ClipCount);
        Assert.Equal(1.0, song.MeanProbabilities.Sum(), 4);
        Assert.Equal([0, 1, 2], song.Ranked().Order());
        Assert.Single(song.Ranked(1));
        Assert.Throws<ArgumentException>(() => SongClassifier.Classify(classifier, new AudioSignal([], 22050)));
        Assert.Throws<ArgumentException>(() => SongClassifier.Classify(classifier, new AudioSignal(new float[100], 22050), options: new SongClassificationOptions { HopSeconds = 0 }));
    }

    [Fact]
    public void Timing_adds_up_the_parts()
    {
        var classifier = Tiny();
        string path = Path.Combine(_dir, "t.wav");
        WavWriter.Write(path, SyntheticGenres.Generate("rock", 1, 2, durationSeconds: 4.0, sampleRate: 44100), WavSampleFormat.Pcm16);
        var timing = new SongClassificationTiming();
        SongClassifier.ClassifyFile(classifier, path, timing: timing);
        Assert.True(timing.Decode > 0 && timing.Resample > 0 && timing.Mels > 0 && timing.Inference > 0);
        Assert.Equal(timing.Decode + timing.Resample + timing.Mels + timing.Inference, timing.Total, 12);
    }
}
