namespace GenreNotebooks.Notebooks.Execution;

/// <summary>How <see cref="NotebookRunner"/> executes a notebook.</summary>
public sealed record NotebookRunOptions
{
    /// <summary>The profiles notebooks know: <c>quick</c> (tests, seconds), <c>standard</c> (readers), <c>paper</c>.</summary>
    public static readonly IReadOnlyList<string> Profiles = ["quick", "standard", "paper"];

    /// <summary>The environment variable that carries the profile into the notebook (read by <c>GenreNotebooks.NotebookProfile</c>).</summary>
    public const string ProfileVariable = "GENRE_NOTEBOOKS_PROFILE";

    private readonly string _profile = "standard";
    private readonly TimeSpan _cellTimeout = TimeSpan.FromMinutes(30);

    /// <summary>The parameter profile passed to the notebook; default <c>standard</c>. One of <see cref="Profiles"/>.</summary>
    /// <exception cref="ArgumentException">Not a known profile.</exception>
    public string Profile
    {
        get => _profile;
        init => _profile = Profiles.Contains(value)
            ? value
            : throw new ArgumentException($"Unknown profile '{value}'; expected one of {string.Join(", ", Profiles)}.", nameof(Profile));
    }

    /// <summary>
    /// The longest a single cell may run (default 30 minutes). A cell that takes longer is reported as timed out and
    /// the run stops, whatever <see cref="ContinueOnError"/> says, because the cell's state is unknown. .NET cannot
    /// abort the cell's code: it keeps running in the background until it returns (its console output still goes to
    /// the abandoned cell), while the working directory and profile are already restored and the next run may start.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Not positive.</exception>
    public TimeSpan CellTimeout
    {
        get => _cellTimeout;
        init => _cellTimeout = value > TimeSpan.Zero
            ? value
            : throw new ArgumentOutOfRangeException(nameof(CellTimeout), value, "The cell timeout must be positive.");
    }

    /// <summary>When true, a failing cell is recorded (an error output) and the next cells still run. Default false.</summary>
    public bool ContinueOnError { get; init; }

    /// <summary>Receives one line per executed cell (progress for the command line); null for silence.</summary>
    public TextWriter? Log { get; init; }
}
