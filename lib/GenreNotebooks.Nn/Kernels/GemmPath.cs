namespace GenreNotebooks.Nn.Kernels;

/// <summary>
/// Which SGEMM implementation <see cref="Gemm.SgemmOn"/> runs. <see cref="Auto"/> is what <see cref="Gemm.Sgemm"/> uses;
/// the others exist so tests and <c>genre bench gemm</c> can exercise and compare every path on one machine.
/// </summary>
public enum GemmPath
{
    /// <summary>
    /// Pick per call: <see cref="Simple"/> for small problems, <see cref="Dot"/> for A·Bᵀ with a long k and a small C,
    /// else the widest blocked kernel the CPU supports.
    /// </summary>
    Auto = 0,

    /// <summary>Unblocked vectorised loops (no packing); cheapest for tiny problems.</summary>
    Simple,

    /// <summary>Packed, cache-blocked GEMM with a portable <see cref="System.Numerics.Vector{T}"/> 4×(2·Vector&lt;float&gt;.Count) micro-kernel.</summary>
    Portable,

    /// <summary>Packed, cache-blocked GEMM with an AVX2+FMA 6×16 micro-kernel.</summary>
    Avx2,

    /// <summary>Packed, cache-blocked GEMM with an AVX-512F 8×32 micro-kernel.</summary>
    Avx512,

    /// <summary>
    /// Register-blocked 4×4 dot products reading A and Bᵀ in place (AVX-512 or <see cref="System.Numerics.Vector{T}"/>),
    /// for A·Bᵀ with long k such as convolution weight gradients; other transpose combinations run <see cref="Simple"/>.
    /// </summary>
    Dot,
}
