namespace GenreNotebooks.Spectral;

/// <summary>Mel filter normalisation (librosa.filters.mel <c>norm</c>).</summary>
public enum MelNorm
{
    /// <summary>Triangles peak at 1 (<c>norm=None</c>).</summary>
    None,

    /// <summary>Each triangle divided by its width in Hz, <c>2 / (f[i+2] - f[i])</c>, so bands have roughly constant energy (<c>norm="slaney"</c>, librosa's default).</summary>
    Slaney,
}
