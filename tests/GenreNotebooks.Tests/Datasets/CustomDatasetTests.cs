using GenreNotebooks.Datasets;

namespace GenreNotebooks.Tests.Datasets;

public class CustomDatasetTests
{
    private const int Rate = 22050;
    private static readonly int Long = (int)(3.5 * Rate);   // one whole 3-s clip
    private static readonly int Short = Rate;               // 1 s: no 3-s clip

    private static readonly DatasetCheckOptions Options = new() { MinTracksPerGenre = 4, MaxParallelism = 2 };

    /// <summary>
    /// A folder with every kind of problem; <paramref name="kept"/> gets the files that must survive the check.
    /// Each WAV holds a different constant, so only deliberate copies share their bytes.
    /// </summary>
    private static FakeTree ProblemFolder(out List<string> kept)
    {
        var t = new FakeTree();
        kept = [];
        int k = 0;
        string Wav(string rel, int samples) => t.Wav(rel, samples, 0.01f + 0.003f * k++);
        for (int i = 0; i < 5; i++) kept.Add(Wav($"mine/rap/r{i:D2}.wav", Long));
        kept.Add(Wav("mine/rap/live/r05.wav", Long));
        kept.Add(Wav("mine/Hip-Hop/h00.wav", Long));
        kept.Add(Wav("mine/Hip-Hop/h01.wav", Long));
        kept.Add(Wav("mine/hiphop/h02.wav", Long));
        kept.Add(Wav("mine/Hip_Hop/h03.wav", Long));
        Wav("mine/polka/p00.wav", Long);
        Wav("mine/polka/p01.wav", Long);
        Wav("mine/rap/short.wav", Short);
        Wav("mine/---/x.wav", Long);
        Wav("mine/loose.wav", Long);
        t.Text("mine/rap/broken.wav", "not a wav file at all");
        var garbled = Path.Combine(t.Root, "mine/rap/live/garbled.wav");
        File.WriteAllBytes(garbled, [.. "RIFF"u8, 40, 0, 0, 0, .. "WAVE"u8, .. "junk"u8, 28, 0, 0, 0, .. new byte[28]]);
        File.Copy(Path.Combine(t.Root, "mine/Hip-Hop/h00.wav"), Path.Combine(t.Root, "mine/rap/zz_copy.wav"));
        Directory.CreateDirectory(Path.Combine(t.Root, "mine/rap/backup"));
        File.Copy(Path.Combine(t.Root, "mine/rap/r00.wav"), Path.Combine(t.Root, "mine/rap/backup/r00.wav"));
        t.Text("mine/rap/notes.txt", "liner notes");
        t.Folder("mine/empty");
        t.Text("mine/rap/._r00.wav", "AppleDouble metadata");
        t.Text("mine/rap/.DS_Store", "finder");
        return t;
    }

    private static string Mine(FakeTree t, string rel) => Path.Combine(t.Root, "mine", rel);

    [Fact]
    public void Every_problem_is_reported_item_by_item_and_nothing_valid_is_dropped()
    {
        using var t = ProblemFolder(out var kept);
        var ds = CustomGenres.Load(Path.Combine(t.Root, "mine"), Options);

        Assert.Equal(kept.Order(StringComparer.Ordinal), ds.Tracks.Select(x => x.Track.Path).Order(StringComparer.Ordinal));
        Assert.Equal(["hiphop", "rap"], ds.Genres);
        Assert.Equal(DatasetSource.Custom, ds.Dataset.Source);
        Assert.Contains(ds.Tracks, x => x.Track.Id == "rap.live.r05" && x.Track.Genre == "rap");
        Assert.Equal(4, ds.TrackCount("hiphop"));
        Assert.All(ds.Tracks, x => Assert.Equal((long)Long, x.Samples));

        var r = ds.Report;
        DatasetIssue One(DatasetIssueKind kind, string rel)
        {
            var found = r.OfKind(kind).Where(i => i.Path == Mine(t, rel)).ToArray();
            Assert.True(found.Length == 1, $"expected one {kind} for {rel}; report:\n{r}");
            return found[0];
        }

        var tooFew = One(DatasetIssueKind.TooFewTracks, "polka");
        Assert.True(tooFew.Excluded);
        Assert.Contains("'polka/p00.wav'", tooFew.Message);
        Assert.Contains("'polka/p01.wav'", tooFew.Message);
        Assert.Contains("fewer than the minimum of 4", tooFew.Message);

        Assert.Contains("not a WAV file", One(DatasetIssueKind.Unreadable, "rap/broken.wav").Message);
        var garbled = One(DatasetIssueKind.Unreadable, "rap/live/garbled.wav");
        Assert.Contains("rap/live/garbled.wav", garbled.Message);
        Assert.True(garbled.Excluded);

        var cross = One(DatasetIssueKind.Duplicate, "rap/zz_copy.wav");
        Assert.Equal(Mine(t, "Hip-Hop/h00.wav"), cross.KeptPath);
        Assert.Contains("kept 'Hip-Hop/h00.wav'", cross.Message);
        Assert.Contains("that copy is labelled 'hiphop', this one 'rap'", cross.Message);
        var within = One(DatasetIssueKind.Duplicate, "rap/backup/r00.wav");
        Assert.Equal(Mine(t, "rap/r00.wav"), within.KeptPath);
        Assert.Contains("fewest folder levels", within.Message);

        var tooShort = One(DatasetIssueKind.TooShort, "rap/short.wav");
        Assert.Contains("1.00 s, shorter than one 3-s clip", tooShort.Message);

        var collision = One(DatasetIssueKind.GenreNameCollision, "Hip-Hop");
        Assert.False(collision.Excluded);
        Assert.Contains("'Hip-Hop/', 'Hip_Hop/', 'hiphop/'", collision.Message);
        Assert.Contains("pooled as genre 'hiphop'", collision.Message);

        Assert.True(One(DatasetIssueKind.InvalidGenreName, "---").Excluded);
        Assert.True(One(DatasetIssueKind.OutsideGenreFolder, "loose.wav").Excluded);
        Assert.Contains("'rap/notes.txt'", One(DatasetIssueKind.NotAudio, "rap").Message);
        Assert.False(One(DatasetIssueKind.EmptyGenreFolder, "empty").Excluded);
        var hidden = One(DatasetIssueKind.Hidden, "rap");
        Assert.Contains("'rap/._r00.wav'", hidden.Message);
        Assert.DoesNotContain(".DS_Store", r.ToString());

        // Every audio file under the root is either a usable track or named by an exclusion.
        var audio = Directory.GetFiles(Path.Combine(t.Root, "mine"), "*.wav", SearchOption.AllDirectories).Where(f => !Path.GetFileName(f).StartsWith('.'));
        foreach (var file in audio)
        {
            string rel = Path.GetRelativePath(Path.Combine(t.Root, "mine"), file);
            bool usable = ds.Tracks.Any(x => x.Track.Path == file);
            bool named = r.Excluded.Any(i => i.Path == file || ExcludedList(i).Contains($"'{rel}'"));
            Assert.True(usable ^ named, $"{rel}: usable {usable}, named by an exclusion {named}");
        }
        Assert.Equal(8, r.Excluded.Count);
        Assert.Equal(ds.Report.Issues.Select(i => i.ToString()), ds.Dataset.Warnings);
        Assert.Contains("excluded, duplicate: 'rap/zz_copy.wav'", r.ToString());
    }

    /// <summary>The "excluded: 'a', 'b'" list of a folder- or genre-level exclusion.</summary>
    private static string ExcludedList(DatasetIssue issue)
    {
        int at = issue.Message.IndexOf("excluded: ", StringComparison.Ordinal);
        return at < 0 ? "" : issue.Message[at..];
    }

    [Fact]
    public void The_check_is_deterministic_and_does_not_depend_on_the_thread_count()
    {
        using var t = ProblemFolder(out _);
        var a = CustomGenres.Load(Path.Combine(t.Root, "mine"), Options with { MaxParallelism = 1 });
        var b = CustomGenres.Load(Path.Combine(t.Root, "mine"), Options with { MaxParallelism = 4 });
        Assert.Equal(a.Tracks, b.Tracks);
        Assert.Equal(a.Report.Issues, b.Report.Issues);
    }

    [Fact]
    public void Cross_genre_duplicates_can_be_excluded_entirely_and_spellings_kept_apart()
    {
        using var t = ProblemFolder(out _);
        var strict = CustomGenres.Load(Path.Combine(t.Root, "mine"), Options with { CrossGenreDuplicates = DuplicatePolicy.ExcludeAcrossGenres, MinTracksPerGenre = 1 });
        var dups = strict.Report.OfKind(DatasetIssueKind.Duplicate);
        Assert.Contains(dups, i => i.Path == Mine(t, "rap/zz_copy.wav") && i.KeptPath is null);
        Assert.Contains(dups, i => i.Path == Mine(t, "Hip-Hop/h00.wav") && i.Message.Contains("ambiguous"));
        Assert.DoesNotContain(strict.Tracks, x => x.Track.Path == Mine(t, "Hip-Hop/h00.wav"));
        Assert.Contains(strict.Tracks, x => x.Track.Path == Mine(t, "rap/r00.wav"));   // a same-genre copy keeps one

        var apart = CustomGenres.Load(Path.Combine(t.Root, "mine"), Options with { MergeGenreSpellings = false, MinTracksPerGenre = 1 });
        Assert.Equal(["hiphop", "rap", "polka"], apart.Genres);   // GTZAN's and the generator's genres first
        Assert.Equal(2, apart.TrackCount("hiphop"));   // only Hip-Hop/, the first spelling
        var refused = apart.Report.OfKind(DatasetIssueKind.GenreNameCollision);
        Assert.Equal([Mine(t, "Hip_Hop"), Mine(t, "hiphop")], refused.Select(i => i.Path));
        Assert.All(refused, i => Assert.True(i.Excluded));
        Assert.Equal(2, apart.TrackCount("polka"));   // a minimum of 1 keeps the small genre
    }

    [Fact]
    public void Track_ids_come_from_the_path_below_the_genre_folder_and_clashes_are_renamed()
    {
        using var t = new FakeTree();
        t.Wav("mine/Rap/Album 1/Intro.wav", Long, 0.1f);
        t.Wav("mine/Rap/rap.00012.wav", Long, 0.2f);
        t.Wav("mine/Rap/hiphop.00001.wav", Long, 0.3f);
        t.Wav("mine/Rap/song.wav", Long, 0.4f);
        t.Wav("mine/Rap/song.au", Long, 0.5f);   // a WAV body with an .au name: unreadable, yet its id is taken first
        t.Au("mine/Rap/take.au", Long);
        t.Wav("mine/Rap/take.wav", Long, 0.6f);
        var ds = CustomGenres.Load(Path.Combine(t.Root, "mine"), Options with { MinTracksPerGenre = 1 });
        Assert.Equal(["rap.00012", "rap.album_1.intro", "rap.hiphop_00001", "rap.song_2", "rap.take", "rap.take_2"], ds.Tracks.Select(x => x.Track.Id));
        var renamed = Assert.Single(ds.Report.OfKind(DatasetIssueKind.TrackIdRenamed), i => i.Path.EndsWith("take.wav"));
        Assert.Contains("'Rap/take.au' already has 'rap.take'", renamed.Message);
        Assert.Contains("same name in another format", renamed.Message);
        Assert.Contains(ds.Report.OfKind(DatasetIssueKind.FileNameGenreMismatch), i => i.Message.Contains("says genre 'hiphop'"));
        Assert.Contains(ds.Report.OfKind(DatasetIssueKind.Unreadable), i => i.Path.EndsWith("song.au"));
    }

    [Fact]
    public void Read_lists_the_folder_the_same_way_without_decoding()
    {
        using var t = ProblemFolder(out _);
        var listed = CustomGenres.Read(Path.Combine(t.Root, "mine"));
        var checkedSet = CustomGenres.Load(Path.Combine(t.Root, "mine"), Options);
        // Same ids and labels; Read keeps what only decoding can rule out (duplicates, short or garbled files, small genres).
        Assert.Subset(listed.Tracks.Select(x => x.Id).ToHashSet(), checkedSet.Tracks.Select(x => x.Track.Id).ToHashSet());
        Assert.Contains(listed.Tracks, x => x.Id == "rap.short");
        Assert.Contains(listed.Tracks, x => x.Genre == "polka");
        Assert.DoesNotContain(listed.Tracks, x => x.Id == "rap.broken");
        Assert.Contains(listed.Warnings, w => w.Contains("rap/broken.wav") && w.Contains("not a WAV file"));
        // Checking a listed dataset afterwards passes the listing's exclusions on.
        var later = ValidatedDataset.Check(listed, Options);
        Assert.Equal(checkedSet.Tracks.Select(x => x.Track.Id), later.Tracks.Select(x => x.Track.Id));
        Assert.Contains(later.Report.Excluded, i => i.Kind == DatasetIssueKind.ReaderWarning && i.Message.Contains("rap/broken.wav"));
    }

    [Fact]
    public void Undersampling_keeps_a_seeded_choice_and_weighting_keeps_every_track()
    {
        using var t = new FakeTree();
        int k = 0;
        int[] Lengths(int n, Func<int, double> seconds) => Enumerable.Range(0, n).Select(i => (int)(seconds(i) * Rate)).ToArray();
        var lengths = new Dictionary<string, int[]>
        {
            ["blues"] = Lengths(5, _ => 6.5),                           // 2 clips each
            ["metal"] = Lengths(4, _ => 3.5),                           // 1 clip each
            ["rock"] = Lengths(7, i => i % 2 == 0 ? 9.5 : 3.5),         // 3 or 1 clips
        };
        foreach (var (g, ls) in lengths)
            for (int i = 0; i < ls.Length; i++) t.Wav($"mine/{g}/{g}{i}.wav", ls[i], 0.01f + 0.003f * k++);
        var ds = CustomGenres.Load(Path.Combine(t.Root, "mine"), Options with { MinTracksPerGenre = 1 });
        int Clips(string path) => (int)(new FileInfo(path).Length - 44) / 2 / 66150;

        var none = ds.Balance(BalanceMode.None);
        Assert.Same(ds, none.After);
        Assert.Equal([10, 4, 15], none.Rows.Select(r => r.ClipsBefore));
        Assert.All(none.Weights, w => Assert.Equal(1f, w));

        var under = ds.Balance(BalanceMode.UndersampleToSmallest, seed: 7);
        Assert.Equal(["blues", "metal", "rock"], under.Rows.Select(r => r.Genre));
        Assert.Equal([5, 4, 7], under.Rows.Select(r => r.TracksBefore));
        Assert.All(under.Rows, r => Assert.Equal(4, r.TracksAfter));
        foreach (var row in under.Rows)
            Assert.Equal(under.After.Tracks.Where(x => x.Track.Genre == row.Genre).Sum(x => Clips(x.Track.Path)), row.ClipsAfter);
        Assert.Equal(under.After.Tracks, ds.Balance(BalanceMode.UndersampleToSmallest, seed: 7).After.Tracks);
        var seeds = Enumerable.Range(0, 6).Select(s => string.Join(",", ds.Balance(BalanceMode.UndersampleToSmallest, s).After.Tracks.Select(x => x.Track.Id))).Distinct();
        Assert.True(seeds.Count() > 1, "different seeds choose different tracks");
        Assert.Contains("undersampled to the smallest genre: 4 tracks per genre, seed 7", under.ToString());
        Assert.All(under.Weights, w => Assert.Equal(1f, w));

        var weighted = ds.Balance(BalanceMode.ClassWeights);
        Assert.Same(ds, weighted.After);
        // sklearn "balanced": N / (C x n_c) with N = 29 clips, C = 3.
        Assert.Equal(29f / (3 * 10), weighted.Weights[0], 6);
        Assert.Equal(29f / (3 * 4), weighted.Weights[1], 6);
        Assert.Equal(29f / (3 * 15), weighted.Weights[2], 6);
        Assert.Equal(weighted.Weights, weighted.Rows.Select(r => r.Weight));
        var table = weighted.ToString();
        Assert.Contains("weighted", table);
        Assert.Matches(@"metal\s+4\s+4\s+4\s+4\s+2\.417", table);
        Assert.Matches(@"total\s+16\s+29\s+16\s+29", table);

        // The same table for 9-s clips: only the 9.5-s rock tracks give one.
        var nine = ds.Balance(BalanceMode.None, clips: ClipOptions.NineSeconds);
        Assert.Equal([0, 0, 4], nine.Rows.Select(r => r.ClipsBefore));
    }

    [Fact]
    public void Merging_with_a_test_sized_gtzan_checks_genre_collisions_and_duplicates()
    {
        using var t = new FakeTree();
        int k = 0;
        foreach (var g in new[] { "blues", "hiphop", "jazz" })
            for (int i = 0; i < 4; i++) t.Wav($"gtzan/genres_original/{g}/{g}.{i:D5}.wav", Long, 0.01f + 0.003f * k++);
        for (int i = 0; i < 4; i++)
        {
            t.Wav($"mine/rap/rap{i}.wav", Long, 0.01f + 0.003f * k++);
            t.Wav($"mine/Brazilian Funk/baile{i}.wav", Long, 0.01f + 0.003f * k++);
            t.Wav($"mine/Hip-Hop/x{i}.wav", Long, 0.01f + 0.003f * k++);
        }
        t.Wav("mine/Hip-Hop/hiphop.00000.wav", Long, 0.01f + 0.003f * k++);
        File.Copy(Path.Combine(t.Root, "gtzan/genres_original/blues/blues.00001.wav"), Path.Combine(t.Root, "mine/rap/borrowed.wav"));

        var gtzan = ValidatedDataset.Check(GtzanReader.Read(Path.Combine(t.Root, "gtzan")).WithoutGenres(["jazz"]), Options);
        Assert.Equal(["blues", "hiphop"], gtzan.Genres);
        Assert.Contains(gtzan.Report.Notes, i => i.Kind == DatasetIssueKind.ReaderWarning && i.Message.Contains("missing"));
        Assert.Throws<ArgumentException>(() => GtzanReader.Read(Path.Combine(t.Root, "gtzan")).WithoutGenres(["polka"]));
        var mine = CustomGenres.Load(Path.Combine(t.Root, "mine"), Options);
        Assert.Contains("'polka' is not in", Assert.Throws<ArgumentException>(() => mine.WithGenres(["polka"])).Message);
        Assert.Equal(["hiphop", "rap", "brazilian_funk"], mine.Genres);

        var clash = Assert.Throws<ArgumentException>(() => ValidatedDataset.Merge(gtzan, mine));
        Assert.Contains("'hiphop'", clash.Message);
        Assert.Contains("normalised key 'hiphop'", clash.Message);

        var eleven = ValidatedDataset.Merge(gtzan, mine.WithGenres(["rap", "Brazilian-Funk"]));
        Assert.Equal(["blues", "hiphop", "rap", "brazilian_funk"], eleven.Genres);
        Assert.Equal([4, 4, 4, 4], eleven.Genres.Select(eleven.TrackCount));
        var borrowed = Assert.Single(eleven.Report.OfKind(DatasetIssueKind.Duplicate));
        Assert.Equal(Path.Combine(t.Root, "mine/rap/borrowed.wav"), borrowed.Path);
        Assert.Equal(Path.Combine(t.Root, "gtzan/genres_original/blues/blues.00001.wav"), borrowed.KeptPath);
        Assert.True(borrowed.Excluded);
        Assert.Contains("+ custom genre folders", eleven.Dataset.Description);

        var split = Splits.ByTrack(eleven.Dataset.Tracks, seed: 3, new SplitFractions(0.5, 0.25, 0.25));
        Assert.Empty(split.SharedTracks(x => x.Id));
        Assert.Equal(16, split.Train.Count + split.Validation.Count + split.Test.Count);
        foreach (var g in eleven.Genres) Assert.Equal(2, split.Train.Count(x => x.Genre == g));

        var pooled = ValidatedDataset.Merge(gtzan, mine, allowSharedGenres: true);
        Assert.Equal(9, pooled.TrackCount("hiphop"));
        Assert.Contains(pooled.Tracks, x => x.Track.Id == "hiphop.x0" && x.Track.Genre == "hiphop");
        Assert.Contains(pooled.Tracks, x => x.Track.Id == "hiphop.00000_2" && x.Track.Path.EndsWith("hiphop.00000.wav") && x.Track.Path.Contains("mine"));
        Assert.Contains(pooled.Report.OfKind(DatasetIssueKind.GenreNameCollision), i => i.Message.Contains("pooled as 'hiphop'"));
        Assert.Contains(pooled.Report.OfKind(DatasetIssueKind.TrackIdRenamed), i => i.Message.Contains("'hiphop.00000_2'"));

        var nine = ValidatedDataset.Check(GtzanReader.Read(Path.Combine(t.Root, "gtzan")), Options with { Clips = ClipOptions.NineSeconds, MinTracksPerGenre = 1 });
        Assert.Empty(nine.Tracks);   // 3.5-s tracks are too short for 9-s clips
        Assert.Throws<ArgumentException>(() => ValidatedDataset.Merge(nine, mine));
    }
}
