namespace GenreNotebooks.Spectral;

/// <summary>DCT normalisation (scipy.fftpack.dct <c>norm</c>).</summary>
public enum DctNorm
{
    /// <summary>scipy's unnormalised DCT (<c>norm=None</c>): type II is <c>2 sum x[n] cos(pi k (2n + 1) / 2N)</c>.</summary>
    None,

    /// <summary>Orthonormal (<c>norm="ortho"</c>, librosa's MFCC default): the DCT matrix is orthogonal.</summary>
    Ortho,
}
