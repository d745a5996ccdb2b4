namespace GenreNotebooks.Datasets.Synthesis;

/// <summary>
/// The genre sets of the BU paper (Rodríguez &amp; Alizadeh-Shabdiz), for <c>genre dataset synth --set</c> and the
/// notebooks: <see cref="Gtzan9"/> (GTZAN without jazz, section 2.1), <see cref="Bu11"/> (GTZAN-9 + rap + Brazilian
/// funk, section 2.2, Table 4) and <see cref="Bu14"/> (the 14-genre Spotify playlist set, sections 2.3-2.4, Tables 5
/// and 6), plus <see cref="Gtzan10"/>. Every genre has a recipe in <see cref="GenreRecipes"/>. The paper's names map
/// to the library's labels by <see cref="Resolve"/>: Classic = <c>classical</c>, Hip-Hop = <c>hiphop</c>, K-Pop =
/// <c>kpop</c>, Brazilian Funk = <c>brazilian_funk</c>.
/// Taught in notebooks/09-new-genres.
/// </summary>
public static class GenreSets
{
    // The paper's names that are not the library's label with GenreNames.Label alone.
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["classic"] = "classical",
    };

    /// <summary>GTZAN's ten genres.</summary>
    public static GenreSet Gtzan10 { get; } = Make("gtzan-10", "GTZAN's ten genres", GenreRecipes.Gtzan);

    /// <summary>BU's GTZAN set (section 2.1): GTZAN's ten genres without jazz, 9 genres.</summary>
    public static GenreSet Gtzan9 { get; } = Make("gtzan-9", "BU's GTZAN set: GTZAN without jazz (BU section 2.1)",
        ["Blues", "Classical", "Country", "Disco", "Hip-Hop", "Metal", "Pop", "Reggae", "Rock"]);

    /// <summary>BU's custom set (section 2.2, Table 4): GTZAN-9 + rap + Brazilian funk, 11 genres.</summary>
    public static GenreSet Bu11 { get; } = Make("bu-11", "BU's custom set: GTZAN-9 + Rap + Brazilian Funk (BU section 2.2, Table 4)",
        ["Blues", "Brazilian Funk", "Classical", "Country", "Disco", "Hip-Hop", "Metal", "Pop", "Rap", "Reggae", "Rock"]);

    /// <summary>BU's Spotify set (sections 2.3-2.4, Tables 5 and 6): 14 playlist genres (no Brazilian funk, no blues or disco).</summary>
    public static GenreSet Bu14 { get; } = Make("bu-14", "BU's Spotify playlist set (BU sections 2.3-2.4, Tables 5 and 6)",
        ["Classic", "Country", "EDM", "Flamenco", "Hip-Hop", "Indie", "Jazz", "K-Pop", "Latin", "Metal", "Pop", "Rap", "Reggae", "Rock"]);

    /// <summary>Every set, by name.</summary>
    public static IReadOnlyList<GenreSet> All { get; } = [Gtzan10, Gtzan9, Bu11, Bu14];

    /// <summary>The set called <paramref name="name"/> (case and punctuation ignored: <c>BU14</c> is <c>bu-14</c>).</summary>
    /// <exception cref="ArgumentException">Unknown set; the message lists the known ones.</exception>
    public static GenreSet Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return All.FirstOrDefault(s => GenreNames.Key(s.Name) == GenreNames.Key(name))
            ?? throw new ArgumentException($"Unknown genre set '{name}'. Known sets: {string.Join(", ", All.Select(s => s.Name))}.", nameof(name));
    }

    /// <summary>The set whose genres are exactly <paramref name="genres"/> (any order), or null.</summary>
    public static GenreSet? Find(IEnumerable<string> genres)
    {
        ArgumentNullException.ThrowIfNull(genres);
        var set = genres.Select(Resolve).ToHashSet(StringComparer.Ordinal);
        return All.FirstOrDefault(s => set.SetEquals(s.Genres));
    }

    /// <summary>
    /// The library's label of a genre name, a paper's name included: <see cref="GenreNames.Label"/>, then the paper's
    /// aliases (<c>Classic</c> is <c>classical</c>). <c>Hip-Hop</c> is <c>hiphop</c>, <c>K-Pop</c> is <c>kpop</c>.
    /// </summary>
    public static string Resolve(string genre)
    {
        ArgumentNullException.ThrowIfNull(genre);
        string label = GenreNames.Label(genre);
        return Aliases.TryGetValue(GenreNames.Key(label), out var alias) ? alias : label;
    }

    private static GenreSet Make(string name, string title, IEnumerable<string> paperNames)
    {
        var order = GenreRecipes.All.ToList();
        var pairs = paperNames.Select(p => (Label: Resolve(p), Paper: p)).ToArray();
        foreach (var p in pairs)
            if (!GenreRecipes.Contains(p.Label)) throw new InvalidOperationException($"set {name}: no recipe for '{p.Label}'");
        var sorted = pairs.OrderBy(p => order.IndexOf(p.Label)).ToArray();
        return new GenreSet(name, title, sorted.Select(p => p.Label).ToArray(), sorted.Select(p => p.Paper).ToArray());
    }
}
