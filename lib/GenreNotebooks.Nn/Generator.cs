namespace GenreNotebooks.Nn;

/// <summary>
/// Seeded random number generator (xoshiro256**) used for weight init, dropout masks and shuffling: same seed,
/// same sequence, on every machine. PyTorch equivalent: <c>torch.Generator().manual_seed(seed)</c> (the streams
/// differ from PyTorch's Mersenne Twister; only the seeding discipline is the same). Not thread-safe: give each
/// thread (e.g. each parallel cross-validation fold) its own generator rather than sharing one or the default one.
/// </summary>
public sealed class Generator
{
    private ulong _s0, _s1, _s2, _s3;
    private double? _spareGaussian;

    /// <summary>Creates a generator seeded with <paramref name="seed"/>.</summary>
    public Generator(ulong seed = 0) => ManualSeed(seed);

    /// <summary>The seed last set.</summary>
    public ulong Seed { get; private set; }

    /// <summary>Resets the stream to the start of <paramref name="seed"/>'s sequence (PyTorch <c>manual_seed</c>).</summary>
    public Generator ManualSeed(ulong seed)
    {
        Seed = seed;
        ulong x = seed;
        _s0 = SplitMix(ref x); _s1 = SplitMix(ref x); _s2 = SplitMix(ref x); _s3 = SplitMix(ref x);
        _spareGaussian = null;
        return this;
    }

    /// <summary>Next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        ulong result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0; _s3 ^= _s1; _s1 ^= _s2; _s0 ^= _s3; _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform float in [0, 1) with 24 random bits.</summary>
    public float NextFloat() => (NextUInt64() >> 40) * (1f / (1 << 24));

    /// <summary>Uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Standard normal sample (Box-Muller).</summary>
    public double NextGaussian()
    {
        if (_spareGaussian is { } spare) { _spareGaussian = null; return spare; }
        double u1 = 1.0 - NextDouble(), u2 = NextDouble();
        double r = Math.Sqrt(-2.0 * Math.Log(u1)), theta = 2.0 * Math.PI * u2;
        _spareGaussian = r * Math.Sin(theta);
        return r * Math.Cos(theta);
    }

    /// <summary>Uniform integer in [0, <paramref name="exclusiveMax"/>) without modulo bias.</summary>
    public int NextInt(int exclusiveMax)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(exclusiveMax);
        ulong bound = (ulong)exclusiveMax, threshold = (0UL - bound) % bound;
        while (true)
        {
            ulong r = NextUInt64();
            if (r >= threshold) return (int)(r % bound);
        }
    }

    /// <summary>A random permutation of 0..n-1 (PyTorch <c>torch.randperm(n, generator=g)</c>); used to shuffle batches.</summary>
    public int[] Permutation(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        var p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        Shuffle(p);
        return p;
    }

    /// <summary>Fisher-Yates shuffle in place.</summary>
    public void Shuffle<T>(Span<T> items)
    {
        for (int i = items.Length - 1; i > 0; i--)
        {
            int j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private static ulong SplitMix(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
