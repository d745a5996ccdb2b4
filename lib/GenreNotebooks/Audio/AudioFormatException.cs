namespace GenreNotebooks.Audio;

/// <summary>
/// An audio file could not be decoded: not the format its name claims, truncated, empty, an unsupported codec,
/// invalid header values or non-finite samples. The message names the file and the problem. GTZAN's jazz.00054.wav
/// is such a file.
/// </summary>
public class AudioFormatException : Exception
{
    /// <summary>Creates the exception for <paramref name="path"/> with a description of the <paramref name="problem"/>.</summary>
    public AudioFormatException(string path, string problem, Exception? inner = null)
        : base($"{path}: {problem}", inner)
    {
        Path = path;
        Problem = problem;
    }

    /// <summary>The file (or stream name) that failed.</summary>
    public string Path { get; }

    /// <summary>What is wrong with it, without the path.</summary>
    public string Problem { get; }
}
