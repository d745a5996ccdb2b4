using GenreNotebooks.Audio;
using GenreNotebooks.Datasets;

namespace GenreNotebooks.Tests.Datasets;

public class GtzanReaderTests
{
    /// <summary>Kaggle layout below Data/: 3 blues, 2 jazz + the broken jazz.00054, 2 rock with odd case, empty pop, other genres absent.</summary>
    private static FakeTree KaggleTree()
    {
        var t = new FakeTree();
        for (int i = 0; i < 3; i++) t.Wav($"Data/genres_original/blues/blues.{i:D5}.wav");
        t.Wav("Data/genres_original/jazz/jazz.00000.wav");
        t.Wav("Data/genres_original/jazz/jazz.00001.wav");
        t.Text("Data/genres_original/jazz/jazz.00054.wav", "this is not audio at all, just some text bytes");
        t.Wav("Data/genres_original/Rock/Rock.00007.WAV");
        t.Wav("Data/genres_original/Rock/rock.00008.wav");
        t.Folder("Data/genres_original/pop");
        t.Text("Data/features_30_sec.csv", "filename,length,label\n");
        t.Text("Data/features_3_sec.csv", "filename,length,label\n");
        t.Folder("Data/images_original/blues");
        return t;
    }

    [Fact]
    public void Kaggle_layout_below_Data_is_found_with_its_csvs_and_images()
    {
        using var t = KaggleTree();
        var loc = GtzanReader.Find(t.Root);
        Assert.NotNull(loc);
        Assert.Equal(DatasetSource.GtzanKaggle, loc!.Layout);
        Assert.EndsWith("genres_original", loc.AudioRoot);
        Assert.EndsWith("features_30_sec.csv", loc.Features30Sec);
        Assert.EndsWith("features_3_sec.csv", loc.Features3Sec);
        Assert.EndsWith("images_original", loc.ImagesRoot);
    }

    [Fact]
    public void Feature_csvs_spelled_two_ways_resolve_to_kaggles_spelling_whatever_the_enumeration_order()
    {
        using var t = new FakeTree();
        t.Wav("genres_original/blues/blues.00000.wav");
        t.Text("FEATURES_30_SEC.csv", "x\n");
        t.Text("Features_30_sec.csv", "x\n");
        t.Text("features_30_sec.csv", "x\n");
        t.Text("Features_3_sec.csv", "x\n");
        t.Text("FEATURES_3_SEC.csv", "x\n");
        var loc = GtzanReader.Find(t.Root)!;
        Assert.Equal("features_30_sec.csv", Path.GetFileName(loc.Features30Sec));
        Assert.Equal("FEATURES_3_SEC.csv", Path.GetFileName(loc.Features3Sec));
    }

    [Fact]
    public void Kaggle_reader_counts_tracks_skips_the_corrupt_file_and_reports_what_is_missing()
    {
        using var t = KaggleTree();
        var ds = GtzanReader.Read(t.Root);
        Assert.Equal(DatasetSource.GtzanKaggle, ds.Source);
        Assert.False(ds.IsSynthetic);
        Assert.Equal(7, ds.Tracks.Count);
        var counts = ds.CountsByGenre();
        Assert.Equal(3, counts["blues"]);
        Assert.Equal(2, counts["jazz"]);
        Assert.Equal(2, counts["rock"]);
        Assert.Equal(["blues", "jazz", "rock"], ds.Genres);
        // Mixed case folder and file names become lower-case ids and labels.
        Assert.Contains(ds.Tracks, x => x.Id == "rock.00007" && x.Genre == "rock");
        // The corrupt file is named in a warning, not dropped silently, and counts as missing.
        Assert.DoesNotContain(ds.Tracks, x => x.Id == "jazz.00054");
        Assert.Contains(ds.Warnings, w => w.Contains("jazz.00054") && w.Contains("not a WAV file"));
        Assert.Contains("jazz.00054", ds.MissingIds);
        // Empty folder and absent genres are reported.
        Assert.Contains(ds.Warnings, w => w.Contains("pop") && w.Contains("no audio files"));
        Assert.Contains(ds.Warnings, w => w.Contains("'metal'") && w.Contains("missing"));
        Assert.Equal(1000 - 7, ds.MissingIds.Count);
        Assert.Contains("metal.00099", ds.MissingIds);
        Assert.Contains("missing 993 expected tracks", ds.Summary());
    }

    [Fact]
    public void Tarball_layout_with_au_files_is_read_and_loaded()
    {
        using var t = new FakeTree();
        t.Au("genres/blues/blues.00000.au", 4410);
        t.Au("genres/blues/blues.00001.au");
        t.Au("genres/classical/classical.00000.au");
        var ds = GtzanReader.Read(t.Root);
        Assert.Equal(DatasetSource.GtzanTarball, ds.Source);
        Assert.Equal(["blues.00000", "blues.00001", "classical.00000"], ds.Tracks.Select(x => x.Id));
        var loader = new TrackAudioLoader();
        Assert.True(loader.TryLoad(ds.Tracks[0], out var s, out var problem), problem);
        Assert.Equal(4410, s!.Length);
        Assert.Equal(0.25f, s.Samples[100], 6);
    }

    [Fact]
    public void Kaggle_layout_is_preferred_when_both_are_present()
    {
        using var t = new FakeTree();
        t.Au("genres/blues/blues.00000.au");
        t.Wav("genres_original/blues/blues.00000.wav");
        Assert.Equal(DatasetSource.GtzanKaggle, GtzanReader.Find(t.Root)!.Layout);
    }

    [Fact]
    public void No_gtzan_gives_null_from_find_and_a_clear_error_from_read()
    {
        using var t = new FakeTree();
        t.Folder("something_else/blues");
        Assert.Null(GtzanReader.Find(t.Root));
        Assert.Null(GtzanReader.Find(Path.Combine(t.Root, "does-not-exist")));
        var e = Assert.Throws<DirectoryNotFoundException>(() => GtzanReader.Read(t.Root));
        Assert.Contains("genres_original", e.Message);
        Assert.Contains(t.Root, e.Message);
    }

    [Fact]
    public void Default_dataset_is_gtzan_when_a_readable_copy_is_there()
    {
        using var t = new FakeTree();
        t.Wav("genres_original/blues/blues.00000.wav");
        t.Wav("genres_original/rock/rock.00000.wav");
        var d = DatasetCatalog.OpenDefault(1, gtzanRoot: t.Root);
        Assert.False(d.IsSynthetic);
        Assert.Equal(DatasetSource.GtzanKaggle, d.Source);
        Assert.Equal(["blues.00000", "rock.00000"], d.Tracks.Select(x => x.Id));
    }

    [Fact]
    public void Default_dataset_with_an_empty_gtzan_folder_fails_naming_the_folder_instead_of_giving_zero_tracks()
    {
        using var t = new FakeTree();
        t.Folder("genres_original/blues");
        t.Text("genres_original/jazz/jazz.00054.wav", "not audio");
        var e = Assert.Throws<InvalidDataException>(() => DatasetCatalog.OpenDefault(1, gtzanRoot: t.Root));
        Assert.Contains(Path.Combine(t.Root, "genres_original"), e.Message);
        Assert.Contains("no readable track", e.Message);
        Assert.Contains("jazz.00054.wav", e.Message);
    }

    [Fact]
    public void Duplicate_ids_and_stray_files_are_reported_not_silently_dropped()
    {
        using var t = new FakeTree();
        t.Wav("genres_original/blues/blues.00001.wav");
        t.Au("genres_original/blues/blues.00001.au");
        t.Wav("genres_original/blues/my song.wav");
        t.Text("genres_original/blues/notes.txt", "liner notes");
        var ds = GtzanReader.Read(t.Root);
        Assert.Equal(["blues.00001", "blues.my_song"], ds.Tracks.Select(x => x.Id));
        Assert.Contains(ds.Warnings, w => w.Contains("blues.00001.au") && w.Contains("already taken"));
        Assert.Contains(ds.Warnings, w => w.Contains("my song.wav") && w.Contains("unexpected file name"));
        Assert.Contains(ds.Warnings, w => w.Contains("non-audio") && w.Contains("notes.txt"));
    }

    [Fact]
    public void Loader_skips_an_unreadable_file_with_a_warning_naming_it_and_keeps_going()
    {
        using var t = new FakeTree();
        var good = t.Wav("genres_original/rock/rock.00000.wav");
        var truncated = t.Text("genres_original/rock/rock.00001.wav", "RIFF\0\0\0\0WAVEjunk");
        var tracks = new[] { new Track("rock.00000", "rock", good), new Track("rock.00001", "rock", truncated), new Track("rock.00002", "rock", good + ".gone") };
        var warnings = new List<string>();
        var loaded = new TrackAudioLoader().LoadEach(tracks, warnings).ToList();
        Assert.Equal("rock.00000", Assert.Single(loaded).Track.Id);
        Assert.Equal(2, warnings.Count);
        Assert.Contains(warnings, w => w.Contains("rock.00001.wav"));
        Assert.Contains(warnings, w => w.Contains("rock.00000.wav.gone"));
    }

    [Fact]
    public void Loader_uses_the_injected_load_function_and_reports_its_exceptions()
    {
        var loader = new TrackAudioLoader(path => path.Contains("bad")
            ? throw new InvalidDataException("cannot decode")
            : new AudioSignal(new float[10], 22050));
        Assert.True(loader.TryLoad(new Track("a.1", "a", "/x/good.mp3"), out var s, out _));
        Assert.Equal(10, s!.Length);
        Assert.False(loader.TryLoad(new Track("a.2", "a", "/x/bad.mp3"), out _, out var problem));
        Assert.Contains("/x/bad.mp3", problem);
        Assert.Contains("cannot decode", problem);
        var wrongRate = new TrackAudioLoader(_ => new AudioSignal(new float[10], 44100));
        Assert.False(wrongRate.TryLoad(new Track("a.3", "a", "/x/c.wav"), out _, out problem));
        Assert.Contains("44100", problem);
    }

    [Fact]
    public void Custom_genre_folders_become_a_dataset_with_the_same_track_type()
    {
        using var t = new FakeTree();
        t.Wav("mine/Rap/Track One.wav");
        t.Text("mine/Rap/second.mp3", "ID3 fake mp3 payload");
        t.Wav("mine/brazilian_funk/baile.WAV");
        t.Folder("mine/empty_genre");
        var ds = CustomGenres.Read(Path.Combine(t.Root, "mine"));
        Assert.Equal(DatasetSource.Custom, ds.Source);
        Assert.Equal(["brazilian_funk.baile", "rap.second", "rap.track_one"], ds.Tracks.Select(x => x.Id));
        Assert.Equal(["rap", "brazilian_funk"], ds.Genres);
        Assert.Contains(ds.Warnings, w => w.Contains("empty_genre") && w.Contains("no audio files"));
        Assert.Throws<DirectoryNotFoundException>(() => CustomGenres.Read(Path.Combine(t.Root, "nope")));
    }

    [Fact]
    public void Balancing_keeps_the_smallest_class_size_per_genre_with_a_seed()
    {
        var tracks = new List<Track>();
        foreach (var (g, n) in new[] { ("blues", 10), ("jazz", 4), ("rock", 7) })
            for (int i = 0; i < n; i++) tracks.Add(new Track($"{g}.{i:D5}", g, $"/x/{g}{i}.wav"));
        var ds = new GenreDataset(DatasetSource.Custom, "/x", tracks);
        var b1 = ds.Balanced(1);
        Assert.All(b1.CountsByGenre().Values, c => Assert.Equal(4, c));
        Assert.Equal(b1.Tracks, ds.Balanced(1).Tracks);
        Assert.NotEqual(b1.Tracks.Where(x => x.Genre == "blues"), ds.Balanced(2).Tracks.Where(x => x.Genre == "blues"));
        Assert.Equal(21, ds.Tracks.Count);
        Assert.Equal(["blues", "rock"], ds.WithGenres(["blues", "ROCK"]).Genres);
        Assert.Throws<ArgumentException>(() => ds.WithGenres(["polka"]));
    }

    [Fact]
    public void Manifest_lists_1000_expected_tracks_and_matches_the_checked_in_file()
    {
        var ids = GtzanManifest.ExpectedIds();
        Assert.Equal(1000, ids.Count);
        Assert.Equal(1000, ids.Distinct().Count());
        Assert.Contains("jazz.00054", ids);
        Assert.Contains("blues.00000", ids);
        Assert.Contains("rock.00099", ids);
        var file = Path.Combine(GenreNotebooks.ProjectPaths.Datasets(AppContext.BaseDirectory), "gtzan-manifest.txt");
        Assert.Equal(GtzanManifest.ToText().ReplaceLineEndings("\n"), File.ReadAllText(file).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Genre_of_a_track_id_is_its_first_part_and_inverts_TrackId()
    {
        Assert.Equal("jazz", GtzanManifest.GenreOfId("jazz.00054"));
        Assert.Equal("brazilian_funk", GtzanManifest.GenreOfId(GenreNotebooks.Datasets.Synthesis.SyntheticGenres.TrackId("brazilian_funk", 7)));
        Assert.Equal("song", GtzanManifest.GenreOfId("song"));
    }
}
