using GenreNotebooks.Training;

namespace GenreNotebooks.Cli.Terminal;

/// <summary>
/// Training progress on a console. Live (a terminal): one line redrawn in place with <c>\r</c> (a
/// <see cref="ProgressBar"/>) while an epoch runs, replaced by the epoch's summary line when it ends. Not live
/// (output redirected to a file or pipe): exactly one line per epoch, no control characters.
/// </summary>
public sealed class ConsoleTrainingProgress : IProgress<EpochReport>, IProgress<TrainingProgress>
{
    private readonly TextWriter _writer;
    private readonly object _gate = new();
    private int _drawnLength;

    /// <summary>Progress written to <paramref name="writer"/>; <paramref name="live"/> draws the bar; every line starts with <paramref name="prefix"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="width"/> below 20.</exception>
    public ConsoleTrainingProgress(TextWriter writer, bool live, string prefix = "", int width = 80)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 20);
        _writer = writer;
        Live = live;
        Prefix = prefix ?? "";
        Width = width;
    }

    /// <summary>True when the bar is drawn (a terminal), false for plain lines.</summary>
    public bool Live { get; }

    /// <summary>Text at the start of every line (e.g. <c>fold 2/5 </c>); may change between runs.</summary>
    public string Prefix { get; set; }

    /// <summary>Maximum line length.</summary>
    public int Width { get; }

    /// <summary>
    /// True when <paramref name="writer"/> is the process's console output (or error) and that stream is a terminal:
    /// not redirected and <c>TERM</c> is not <c>dumb</c>.
    /// </summary>
    public static bool IsTerminal(TextWriter writer)
    {
        if (Environment.GetEnvironmentVariable("TERM") == "dumb") return false;
        if (ReferenceEquals(writer, Console.Out)) return !Console.IsOutputRedirected;
        if (ReferenceEquals(writer, Console.Error)) return !Console.IsErrorRedirected;
        return false;
    }

    /// <summary>The terminal's width less one (so the cursor never wraps), or 80 when it cannot be read.</summary>
    public static int TerminalWidth()
    {
        try
        {
            int w = Console.WindowWidth;
            return w >= 21 ? w - 1 : 80;
        }
        catch (IOException)
        {
            return 80;
        }
    }

    /// <summary>Redraws the bar (live only); a cancelled run leaves its last bar on screen and ends the line.</summary>
    public void Report(TrainingProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!Live) return;
        lock (_gate)
        {
            if (value.Stage == TrainingStage.Training) Draw(ProgressBar.Render(value, Width, Prefix), newLine: false);
            else if (_drawnLength > 0)
            {
                _writer.WriteLine();
                _drawnLength = 0;
            }
            _writer.Flush();
        }
    }

    /// <summary>Writes the epoch's line (over the bar when live).</summary>
    public void Report(EpochReport value)
    {
        ArgumentNullException.ThrowIfNull(value);
        lock (_gate)
        {
            string line = Prefix + value;
            if (Live) Draw(line, newLine: true);
            else _writer.WriteLine(line);
            _writer.Flush();
        }
    }

    private void Draw(string line, bool newLine)
    {
        _writer.Write('\r');
        _writer.Write(line.PadRight(_drawnLength));
        if (newLine)
        {
            _writer.WriteLine();
            _drawnLength = 0;
        }
        else _drawnLength = line.Length;
    }
}
