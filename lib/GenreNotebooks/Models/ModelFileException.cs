namespace GenreNotebooks.Models;

/// <summary>
/// A classifier file cannot be used: a metadata key is missing, holds a value this version does not understand, or
/// disagrees with another key or with the weights. The message names the file and the key
/// (<c>'model.safetensors': metadata key 'n_mels' ...</c>); <see cref="Key"/> holds the key alone.
/// </summary>
public sealed class ModelFileException : Exception
{
    /// <summary>Creates the exception for <paramref name="path"/> and metadata <paramref name="key"/> (null: the file as a whole).</summary>
    public ModelFileException(string path, string? key, string problem, Exception? inner = null)
        : base(key is null ? $"'{path}': {problem}" : $"'{path}': metadata key '{key}' {problem}", inner)
    {
        Path = path;
        Key = key;
        Problem = problem;
    }

    /// <summary>The model file.</summary>
    public string Path { get; }

    /// <summary>The metadata key at fault, or null when the problem is not one key's.</summary>
    public string? Key { get; }

    /// <summary>What is wrong, without the path and key.</summary>
    public string Problem { get; }
}
