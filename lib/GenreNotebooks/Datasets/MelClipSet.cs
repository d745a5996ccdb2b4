namespace GenreNotebooks.Datasets;

/// <summary>
/// Log-mel spectrograms of clips, stored contiguously: clip i is <c>Data[i * Rows * Cols ..]</c>, shape (Rows, Cols)
/// = (n_mels, frames), ready to view as an NCHW tensor [N, 1, Rows, Cols]. Labels index <see cref="Genres"/>.
/// Taught in notebooks/02-building-the-datasets.
/// </summary>
public sealed class MelClipSet
{
    /// <summary>Creates a set; <paramref name="data"/> must hold <c>clips.Count * rows * cols</c> values.</summary>
    public MelClipSet(IReadOnlyList<Clip> clips, IReadOnlyList<string> genres, int rows, int cols, float[] data, IReadOnlyList<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(clips);
        ArgumentNullException.ThrowIfNull(data);
        if (data.Length != (long)clips.Count * rows * cols)
            throw new ArgumentException($"data has {data.Length} values, {clips.Count} clips of {rows}x{cols} need {(long)clips.Count * rows * cols}", nameof(data));
        Clips = clips;
        Genres = genres;
        Rows = rows;
        Cols = cols;
        Data = data;
        Warnings = warnings;
        var index = new Dictionary<string, int>();
        for (int i = 0; i < genres.Count; i++) index[genres[i]] = i;
        Labels = clips.Select(c => index.TryGetValue(c.Genre, out var l) ? l
            : throw new ArgumentException($"clip {c.Id} has genre '{c.Genre}', not in the genre list", nameof(clips))).ToArray();
    }

    /// <summary>The clips, in the order of <see cref="Data"/>.</summary>
    public IReadOnlyList<Clip> Clips { get; }

    /// <summary>Class names; <see cref="Labels"/> index this list.</summary>
    public IReadOnlyList<string> Genres { get; }

    /// <summary>Class index of every clip.</summary>
    public IReadOnlyList<int> Labels { get; }

    /// <summary>Mel bands per clip.</summary>
    public int Rows { get; }

    /// <summary>Frames per clip.</summary>
    public int Cols { get; }

    /// <summary>All clips' values, clip-major then row-major.</summary>
    public float[] Data { get; }

    /// <summary>Tracks that were skipped, with the reason, naming the file.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Number of clips.</summary>
    public int Count => Clips.Count;

    /// <summary>Clip <paramref name="i"/>'s values (read-only view, Rows * Cols).</summary>
    public ReadOnlySpan<float> Span(int i) => Data.AsSpan(checked(i * Rows * Cols), Rows * Cols);

    /// <summary>A copy of clip <paramref name="i"/>'s spectrogram, shape (Rows, Cols).</summary>
    public FloatMatrix Matrix(int i) => new(Rows, Cols, Span(i).ToArray());

    /// <summary>The subset of clips in <paramref name="subset"/> (e.g. a split's train part), in that order.</summary>
    public MelClipSet Select(IEnumerable<Clip> subset)
    {
        var pos = new Dictionary<string, int>();
        for (int i = 0; i < Clips.Count; i++) pos[Clips[i].Id] = i;
        var picked = subset.ToArray();
        var data = new float[(long)picked.Length * Rows * Cols];
        for (int j = 0; j < picked.Length; j++)
        {
            if (!pos.TryGetValue(picked[j].Id, out var i)) throw new ArgumentException($"clip {picked[j].Id} is not in this set", nameof(subset));
            Span(i).CopyTo(data.AsSpan(j * Rows * Cols));
        }
        return new MelClipSet(picked, Genres, Rows, Cols, data, Warnings);
    }
}
