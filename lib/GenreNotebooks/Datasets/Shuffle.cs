using GenreNotebooks.Datasets.Synthesis;

namespace GenreNotebooks.Datasets;

/// <summary>Seeded Fisher-Yates shuffle used by balancing and splits.</summary>
internal static class Shuffle
{
    public static void InPlace<T>(IList<T> items, SynthRandom rng)
    {
        for (int i = items.Count - 1; i > 0; i--)
        {
            int j = rng.Next(0, i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
