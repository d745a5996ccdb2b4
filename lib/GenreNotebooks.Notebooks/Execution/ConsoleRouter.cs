using System.Text;

namespace GenreNotebooks.Notebooks.Execution;

/// <summary>
/// Console.Out/Console.Error are process-wide; this writer, installed once, sends text to the sink of the cell
/// running on the current logical call context (AsyncLocal, so it follows the cell's tasks and threads) and
/// everything else to the original console. Two notebooks running at once never see each other's output.
/// </summary>
internal sealed class ConsoleRouter : TextWriter
{
    private static readonly AsyncLocal<CellOutputSink?> Current = new();
    private static readonly object InstallGate = new();
    private static bool _installed;

    private readonly TextWriter _fallback;
    private readonly string _stream;

    private ConsoleRouter(TextWriter fallback, string stream)
    {
        _fallback = fallback;
        _stream = stream;
    }

    public override Encoding Encoding => Encoding.UTF8;

    public static void EnsureInstalled()
    {
        lock (InstallGate)
        {
            if (_installed) return;
            Console.SetOut(new ConsoleRouter(Console.Out, "stdout"));
            Console.SetError(new ConsoleRouter(Console.Error, "stderr"));
            _installed = true;
        }
    }

    /// <summary>Routes console text of the current call context (and what it starts) to <paramref name="sink"/>.</summary>
    public static void Capture(CellOutputSink? sink) => Current.Value = sink;

    public override void Write(char value)
    {
        if (Current.Value is { } sink) sink.Write(_stream, value.ToString());
        else _fallback.Write(value);
    }

    public override void Write(string? value)
    {
        if (Current.Value is { } sink) sink.Write(_stream, value ?? "");
        else _fallback.Write(value);
    }

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void WriteLine(string? value) => Write((value ?? "") + "\n");

    public override void WriteLine() => Write("\n");

    public override void Flush()
    {
        if (Current.Value is null) _fallback.Flush();
    }
}
