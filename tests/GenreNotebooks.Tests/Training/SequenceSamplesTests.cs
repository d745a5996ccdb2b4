using GenreNotebooks.Datasets;
using GenreNotebooks.Training;

namespace GenreNotebooks.Tests.Training;

public class SequenceSamplesTests
{
    private static readonly string[] Genres = ["blues", "jazz", "rock"];

    // The paper's shape in small: 110, 130 and 140 tracks.
    private static List<Track> Tracks(params int[] perGenre) =>
        Genres.Zip(perGenre).SelectMany(p => Enumerable.Range(0, p.Second).Select(i => new Track($"{p.First}.{i:D5}", p.First, $"/x/{p.First}/{i}.wav"))).ToList();

    private static void NoTrackInTwoParts(SequenceSample s)
    {
        var ids = s.Tracks.Select(t => t.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void Unbalanced_keeps_every_track_and_each_parts_proportions_within_one_track()
    {
        var tracks = Tracks(110, 130, 140);
        var s = SequenceSamples.Unbalanced(tracks, Genres, seed: 3);
        Assert.Equal(SampleKind.Unbalanced, s.Kind);
        Assert.Equal(380, s.Tracks.Count());
        NoTrackInTwoParts(s);
        int[] all = [110, 130, 140];
        for (int g = 0; g < 3; g++)
        {
            Assert.InRange(s.Counts(s.Split.Test)[g], all[g] * 0.1 - 1, all[g] * 0.1 + 1);
            Assert.InRange(s.Counts(s.Split.Validation)[g], all[g] * 0.1 - 1, all[g] * 0.1 + 1);
        }
        Assert.False(s.IsBalanced(s.Split.Train));
    }

    [Fact]
    public void Class_weights_of_the_unbalanced_sample_are_sklearns_balanced_weights_of_its_training_part()
    {
        var s = SequenceSamples.Unbalanced(Tracks(110, 130, 140), Genres, seed: 3);
        var train = s.Counts(s.Split.Train);
        var w = s.ClassWeights();
        for (int g = 0; g < 3; g++) Assert.Equal(train.Sum() / (3.0 * train[g]), w[g], 5);
        Assert.True(w[0] > w[1] && w[1] > w[2]);    // the smallest genre weighs most
        var balanced = SequenceSamples.Balanced(Tracks(110, 130, 140), Genres, seed: 3).ClassWeights();
        Assert.All(balanced, x => Assert.Equal(1f, x, 6));
    }

    [Fact]
    public void Downsampled_has_the_smallest_genres_size_everywhere_and_a_random_unstratified_split()
    {
        var s = SequenceSamples.Downsampled(Tracks(110, 130, 140), Genres, seed: 5);
        int[] total = s.Counts(s.Split.Train).Zip(s.Counts(s.Split.Validation), s.Counts(s.Split.Test)).Select(c => c.First + c.Second + c.Third).ToArray();
        Assert.Equal([110, 110, 110], total);
        Assert.Equal((264, 33, 33), (s.Split.Train.Count, s.Split.Validation.Count, s.Split.Test.Count));
        NoTrackInTwoParts(s);
        // A random split of 330 tracks: some seed gives unequal genres in the test part (the paper's point); this one does.
        Assert.False(s.IsBalanced(s.Split.Test) && s.IsBalanced(s.Split.Validation));
    }

    [Fact]
    public void Balanced_has_the_papers_880_110_110_per_genre_shape_exactly()
    {
        var s = SequenceSamples.Balanced(Tracks(1100, 1300, 1400), Genres, seed: 1);
        Assert.Equal([880, 880, 880], s.Counts(s.Split.Train));
        Assert.Equal([110, 110, 110], s.Counts(s.Split.Validation));
        Assert.Equal([110, 110, 110], s.Counts(s.Split.Test));
        NoTrackInTwoParts(s);
        Assert.Contains("880 / 110 / 110", s.Description);
    }

    [Fact]
    public void Samples_are_seeded_and_independent_of_the_input_order()
    {
        var tracks = Tracks(20, 25, 30);
        var reversed = Enumerable.Reverse(tracks).ToList();
        foreach (var kind in new[] { SampleKind.Unbalanced, SampleKind.Downsampled, SampleKind.Balanced })
        {
            var a = SequenceSamples.Create(kind, tracks, Genres, 9);
            var b = SequenceSamples.Create(kind, reversed, Genres, 9);
            Assert.Equal(a.Split.Test.Select(t => t.Id), b.Split.Test.Select(t => t.Id));
            Assert.Equal(a.Split.Train.Select(t => t.Id), b.Split.Train.Select(t => t.Id));
            var c = SequenceSamples.Create(kind, tracks, Genres, 10);
            Assert.NotEqual(a.Split.Test.Select(t => t.Id), c.Split.Test.Select(t => t.Id));
        }
    }

    [Fact]
    public void Imbalanced_keeps_shares_from_the_papers_1100_to_1400_ratio_up_to_all()
    {
        var tracks = Tracks(100, 100, 100);
        var kept = SequenceSamples.Imbalanced(tracks, Genres, seed: 2);
        var counts = Genres.Select(g => kept.Count(t => t.Genre == g)).Order().ToArray();
        Assert.Equal([79, 89, 100], counts);     // 1100/1400 = 0.786, the midpoint 0.893, 1
        Assert.Subset(tracks.Select(t => t.Id).ToHashSet(), kept.Select(t => t.Id).ToHashSet());
        Assert.Equal(kept.Count, kept.Select(t => t.Id).Distinct().Count());
    }

    [Fact]
    public void Small_balanced_samples_keep_one_track_of_each_genre_in_every_part()
    {
        var s = SequenceSamples.Balanced(Tracks(3, 4, 5), Genres, seed: 1);
        Assert.Equal([1, 1, 1], s.Counts(s.Split.Test));
        Assert.Equal([1, 1, 1], s.Counts(s.Split.Validation));
        Assert.Equal([1, 1, 1], s.Counts(s.Split.Train));
        var e = Assert.Throws<ArgumentException>(() => SequenceSamples.Balanced(Tracks(2, 4, 5), Genres, seed: 1));
        Assert.Contains("2 tracks per genre", e.Message);
    }

    [Fact]
    public void Bad_inputs_are_refused_with_a_message_naming_the_problem()
    {
        var tracks = Tracks(10, 10, 10);
        Assert.Contains("no tracks", Assert.Throws<ArgumentException>(() => SequenceSamples.Unbalanced([], Genres, 1)).Message);
        Assert.Contains("'rock' has no tracks", Assert.Throws<ArgumentException>(() => SequenceSamples.Balanced(tracks.Where(t => t.Genre != "rock").ToList(), Genres, 1)).Message);
        Assert.Contains("not one of", Assert.Throws<ArgumentException>(() => SequenceSamples.Downsampled(tracks, ["blues", "jazz"], 1)).Message);
        Assert.Contains("appears 2 times", Assert.Throws<ArgumentException>(() => SequenceSamples.Unbalanced([.. tracks, tracks[0]], Genres, 1)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => SequenceSamples.Imbalanced(tracks, Genres, 1, smallestShare: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => SequenceSamples.Create((SampleKind)7, tracks, Genres, 1));
        Assert.Throws<ArgumentException>(() => SequenceSamples.Unbalanced(tracks, Genres, 1).Label("disco"));
    }
}
