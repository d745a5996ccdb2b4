using System.Runtime.CompilerServices;

namespace GenreNotebooks.Nn.Kernels;

/// <summary>
/// Per-thread packing buffers (64-byte aligned, pinned, grown on demand and then reused), so a GEMM call
/// allocates nothing once a thread has warmed up.
/// </summary>
internal sealed unsafe class GemmBuffers
{
    [ThreadStatic] private static GemmBuffers? _current;

    private float[] _a = [];
    private float[] _b = [];
    private float[] _c = [];

    public static GemmBuffers Current => _current ??= new GemmBuffers();

    /// <summary>Aligned pointer to at least <paramref name="count"/> floats for a packed A block.</summary>
    public float* A(int count) => Aligned(ref _a, count);

    /// <summary>Aligned pointer to at least <paramref name="count"/> floats for a packed B panel.</summary>
    public float* B(int count) => Aligned(ref _b, count);

    /// <summary>Aligned pointer to at least <paramref name="count"/> floats of scratch (edge tiles, partial sums).</summary>
    public float* C(int count) => Aligned(ref _c, count);

    private static float* Aligned(ref float[] buffer, int count)
    {
        if (buffer.Length < count + 16)
            buffer = GC.AllocateUninitializedArray<float>(count + 16, pinned: true);
        // The array lives on the pinned object heap, so its address is stable for the buffer's lifetime.
        nint address = (nint)Unsafe.AsPointer(ref buffer[0]);
        nint aligned = (address + 63) & ~(nint)63;
        return (float*)aligned;
    }
}
