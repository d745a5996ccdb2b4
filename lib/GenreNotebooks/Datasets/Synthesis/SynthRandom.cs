namespace GenreNotebooks.Datasets.Synthesis;

/// <summary>
/// A small, fast, seeded random generator (SplitMix64) whose sequence is fixed by this code, so a track rendered
/// from a seed is the same on every .NET version and machine. Not thread-safe: one instance per track.
/// </summary>
public sealed class SynthRandom
{
    private ulong _state;

    /// <summary>A generator starting from <paramref name="seed"/>.</summary>
    public SynthRandom(ulong seed) => _state = seed;

    /// <summary>
    /// A seed derived from (<paramref name="seed"/>, <paramref name="genre"/>, <paramref name="index"/>) by a stable
    /// hash (FNV-1a of the genre name, then SplitMix64 mixing), so a track never depends on which other tracks were made.
    /// </summary>
    public static ulong DeriveSeed(int seed, string genre, int index)
    {
        ArgumentNullException.ThrowIfNull(genre);
        ulong h = 14695981039346656037UL;
        foreach (char c in genre.ToLowerInvariant())
        {
            h ^= c;
            h *= 1099511628211UL;
        }
        return Mix(Mix(Mix((ulong)(uint)seed) ^ h) ^ (ulong)(uint)index);
    }

    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        _state += 0x9E3779B97F4A7C15UL;
        ulong z = _state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A uniform float in [0, 1).</summary>
    public float NextFloat() => (NextUInt64() >> 40) * (1f / (1 << 24));

    /// <summary>A uniform float in [-1, 1): white noise.</summary>
    public float NextSigned() => (NextUInt64() >> 40) * (2f / (1 << 24)) - 1f;

    /// <summary>A uniform float in [<paramref name="min"/>, <paramref name="max"/>).</summary>
    public float Range(float min, float max) => min + (max - min) * NextFloat();

    /// <summary>A uniform integer in [<paramref name="min"/>, <paramref name="maxExclusive"/>).</summary>
    public int Next(int min, int maxExclusive)
    {
        if (maxExclusive <= min) return min;
        return min + (int)((NextUInt64() >> 33) % (ulong)(maxExclusive - min));
    }

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public bool Chance(float p) => NextFloat() < p;

    /// <summary>One item of <paramref name="items"/>, uniformly.</summary>
    public T Pick<T>(IReadOnlyList<T> items) => items[Next(0, items.Count)];

    /// <summary>One item of <paramref name="items"/> with probability proportional to its weight.</summary>
    public T PickWeighted<T>(IReadOnlyList<(T Item, float Weight)> items)
    {
        float total = 0;
        foreach (var (_, w) in items) total += w;
        float r = NextFloat() * total;
        foreach (var (item, w) in items)
        {
            if (r < w) return item;
            r -= w;
        }
        return items[^1].Item;
    }
}
