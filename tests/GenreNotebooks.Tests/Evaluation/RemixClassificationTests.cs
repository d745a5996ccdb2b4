using GenreNotebooks.Audio;
using GenreNotebooks.Datasets;
using GenreNotebooks.Datasets.Synthesis;
using GenreNotebooks.Evaluation;
using GenreNotebooks.Models;
using GenreNotebooks.Nn;
using GenreNotebooks.Nn.Optim;
using GenreNotebooks.Training;
using Xunit.Abstractions;

namespace GenreNotebooks.Tests.Evaluation;

/// <summary>
/// A small BU network trained here on synthetic songs hears what the synthetic remixes change: a rock song it never
/// heard ranks rock first, and a pop song rendered as reggae, rock or Brazilian funk gains probability for that genre
/// against the pop original.
/// </summary>
public class RemixClassificationTests(ITestOutputHelper output)
{
    private static readonly string[] Genres = ["brazilian_funk", "classical", "pop", "reggae", "rock"];
    private const int Seed = 42;
    private const int Pool = 2;

    private static readonly Lazy<MelClassifier> Trained = new(Train);

    private static MelClassifier Train()
    {
        var settings = MelClipSettings.Default;
        const int tracks = 12;
        const double seconds = 12;
        // 12 tracks of 12 s per genre, four 3-s clips each.
        var signals = new AudioSignal[Genres.Length * tracks];
        Parallel.For(0, signals.Length, i => signals[i] = SyntheticGenres.Generate(Genres[i / tracks], i % tracks, Seed, seconds));
        var clips = new List<Clip>();
        var data = new List<float>();
        for (int i = 0; i < signals.Length; i++)
        {
            var track = new Track(SyntheticGenres.TrackId(Genres[i / tracks], i % tracks), Genres[i / tracks], "");
            foreach (var clip in Clips.Plan(track, signals[i].Length, settings.Clips))
            {
                clips.Add(clip);
                data.AddRange(MelClipCache.LogMel(Clips.Cut(signals[i], clip).Samples, settings).Data);
            }
        }
        var set = new MelClipSet(clips, Genres, settings.Mel.NMels, settings.Frames, data.ToArray(), []);
        var scaling = MelScaling.Fit(set);
        var x = MelInputs.ToTensor(set, scaling, Pool);
        Torch.ManualSeed(Seed);
        var model = ModelCatalog.Build("bu-bn", [1, x.Shape[2], x.Shape[3]], Genres.Length, seed: Seed);
        var trainer = new Trainer(model, new Adam(model.Parameters(), lr: 0.002f), new TrainerOptions { BatchSize = 16, Seed = Seed });
        trainer.Fit(x, set.Labels, epochs: 15);
        return new MelClassifier("bu-bn", model, Genres, scaling, Pool, settings);
    }

    private static double Mean(IEnumerable<double> values) => values.Average();

    [Fact]
    public void A_rock_song_the_model_never_heard_ranks_rock_first()
    {
        var model = Trained.Value;
        // Songs 100-102: not among the training tracks 0-11.
        var means = new double[Genres.Length];
        for (int i = 100; i < 103; i++)
        {
            var t = SongTimeline.Compute(model, SyntheticGenres.Generate("rock", i, Seed, 15));
            output.WriteLine(string.Join(", ", Genres.Select((g, k) => $"{g} {t.Mean[k]:0.000}")));
            for (int k = 0; k < Genres.Length; k++) means[k] += t.Mean[k] / 3;
        }
        Assert.Equal("rock", Genres[Array.IndexOf(means, means.Max())]);
    }

    [Theory]
    [InlineData("reggae")]
    [InlineData("rock")]
    [InlineData("brazilian_funk")]
    public void A_remix_gains_probability_for_its_genre_against_the_pop_original(string style)
    {
        var model = Trained.Value;
        var gains = new List<double>();
        for (int i = 100; i < 104; i++)
        {
            var song = SyntheticGenres.Song("pop", i, Seed);
            var original = SongTimeline.Compute(model, song.Original(15));
            var remix = SongTimeline.Compute(model, song.Render(style, 15));
            output.WriteLine($"{song.Id}: p({style}) original {original[style]:0.000} -> remix {remix[style]:0.000}; p(pop) {original["pop"]:0.000} -> {remix["pop"]:0.000}");
            gains.Add(remix[style] - original[style]);
        }
        // On average over four songs the style's genre gains at least 0.1 (a tenth of the probability mass).
        Assert.True(Mean(gains) >= 0.1, $"mean gain of {style}: {Mean(gains):0.000}");
        Assert.True(gains.Count(g => g > 0) >= 3, string.Join(", ", gains.Select(g => g.ToString("0.000"))));
    }
}
