namespace GenreNotebooks.Datasets.Synthesis;

/// <summary>
/// A named list of genres a paper trained on, in the class order a dataset of these genres has (GTZAN's order, then
/// the generator's extras; see <see cref="GenreDataset.Genres"/>), with the paper's own name of each genre
/// (<c>classical</c> is BU's "Classic", <c>hiphop</c> their "Hip-Hop"). The catalogue is <see cref="GenreSets"/>.
/// Taught in notebooks/09-new-genres.
/// </summary>
/// <param name="Name">The set's name on the command line, e.g. <c>bu-14</c>.</param>
/// <param name="Title">What the set is, in one line, with the paper's section.</param>
/// <param name="Genres">The genre labels (library spelling, lower case), in class order.</param>
/// <param name="PaperNames">The paper's name of each genre of <paramref name="Genres"/> (same order).</param>
public sealed record GenreSet(string Name, string Title, IReadOnlyList<string> Genres, IReadOnlyList<string> PaperNames)
{
    /// <summary>Number of genres (classes).</summary>
    public int Count => Genres.Count;

    /// <summary>The paper's name of <paramref name="genre"/> (a label of <see cref="Genres"/>, or one of its aliases).</summary>
    /// <exception cref="ArgumentException">The genre is not in the set.</exception>
    public string PaperName(string genre)
    {
        ArgumentNullException.ThrowIfNull(genre);
        string label = GenreSets.Resolve(genre);
        for (int i = 0; i < Genres.Count; i++)
            if (Genres[i] == label) return PaperNames[i];
        throw new ArgumentException($"genre '{genre}' is not in the set {Name} ({string.Join(", ", Genres)})", nameof(genre));
    }

    /// <summary>True when <paramref name="genre"/> (a label or an alias) is in the set.</summary>
    public bool Contains(string genre) => genre is not null && Genres.Contains(GenreSets.Resolve(genre));

    /// <inheritdoc/>
    public override string ToString() => $"{Name}: {Title} ({Count} genres: {string.Join(", ", Genres)})";
}
