namespace GenreNotebooks;

/// <summary>
/// The parameter profile a notebook runs in: <c>quick</c> (the test suite: seconds per notebook), <c>standard</c>
/// (a reader on a laptop: minutes; the default) or <c>paper</c> (the source papers' full settings). The notebook
/// runner passes it in the environment variable <c>GENRE_NOTEBOOKS_PROFILE</c>; a notebook opened in VS Code gets
/// <c>standard</c>. Each notebook's parameters cell reads it:
/// <code>var profile = GenreNotebooks.NotebookProfile.Current;
/// int epochs = profile.Pick(quick: 1, standard: 20, paper: 40);</code>
/// </summary>
public sealed record NotebookProfile
{
    /// <summary>The environment variable that selects the profile.</summary>
    public const string EnvironmentVariable = "GENRE_NOTEBOOKS_PROFILE";

    /// <summary>The quick profile (tests).</summary>
    public static readonly NotebookProfile Quick = new("quick");

    /// <summary>The standard profile (readers; the default).</summary>
    public static readonly NotebookProfile Standard = new("standard");

    /// <summary>The paper profile (the papers' full settings).</summary>
    public static readonly NotebookProfile Paper = new("paper");

    private NotebookProfile(string name) => Name = name;

    /// <summary><c>quick</c>, <c>standard</c> or <c>paper</c>.</summary>
    public string Name { get; }

    /// <summary>
    /// The profile selected by <c>GENRE_NOTEBOOKS_PROFILE</c> (case-insensitive), <see cref="Standard"/> when it is
    /// unset or empty.
    /// </summary>
    /// <exception cref="ArgumentException">The variable holds an unknown profile name.</exception>
    public static NotebookProfile Current => Parse(Environment.GetEnvironmentVariable(EnvironmentVariable));

    /// <summary>The profile named <paramref name="name"/>; null or empty gives <see cref="Standard"/>.</summary>
    /// <exception cref="ArgumentException">Not quick, standard or paper.</exception>
    public static NotebookProfile Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        null or "" => Standard,
        "quick" => Quick,
        "standard" => Standard,
        "paper" => Paper,
        _ => throw new ArgumentException(
            $"Unknown notebook profile '{name}' (from {EnvironmentVariable}); expected quick, standard or paper.", nameof(name)),
    };

    /// <summary>The value for this profile: <paramref name="quick"/>, <paramref name="standard"/> or <paramref name="paper"/>.</summary>
    public T Pick<T>(T quick, T standard, T paper) => Name switch
    {
        "quick" => quick,
        "paper" => paper,
        _ => standard,
    };

    /// <summary>The profile's name.</summary>
    public override string ToString() => Name;
}
