namespace GenreNotebooks.Nn.Kernels;

/// <summary>
/// A register-blocked micro-kernel: one MR×NR tile of C from a packed A sliver and a B sliver.
/// Implemented by structs so the blocked driver is specialised (and the kernel inlined) per kernel.
/// </summary>
internal unsafe interface IGemmMicroKernel
{
    /// <summary>Rows of the C tile.</summary>
    static abstract int MR { get; }

    /// <summary>Columns of the C tile.</summary>
    static abstract int NR { get; }

    /// <summary>kc for this kernel's cache blocking (B sliver kc×NR stays in L1).</summary>
    static abstract int KC { get; }

    /// <summary>mc (packed A block mc×kc stays in L2); a multiple of MR.</summary>
    static abstract int MC { get; }

    /// <summary>nc (packed B panel kc×nc stays in L3); a multiple of NR.</summary>
    static abstract int NC { get; }

    /// <summary>
    /// tile = Σ_p a[p·MR + r]·b[p·bStride + j] over p &lt; kc; then C[r·ldc + j] = tile (beta = 0),
    /// C + tile (beta = 1) or beta·C + tile. The full MR×NR tile of C is written.
    /// </summary>
    static abstract void Run(int kc, float* a, float* b, nint bStride, float* c, nint ldc, float beta);
}
