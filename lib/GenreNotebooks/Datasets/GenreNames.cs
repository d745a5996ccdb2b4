using System.Text;
using GenreNotebooks.Datasets.Synthesis;

namespace GenreNotebooks.Datasets;

/// <summary>
/// How folder names become genre labels, and when two names mean the same genre.
/// <para>
/// <see cref="Label"/>: lower case; Latin letters with diacritics folded to their base letters (<c>é</c> to <c>e</c>,
/// <c>ñ</c> to <c>n</c>, <c>ß</c> to <c>ss</c>; Latin-1 and Latin Extended-A, U+00C0 to U+017F) and full-width Latin
/// letters and digits to ASCII; every run of other characters that are not letters or digits (spaces, <c>-</c>,
/// <c>_</c>, <c>.</c>, <c>&amp;</c>, apostrophes) becomes one <c>_</c>, none at either end. Other scripts' letters are
/// kept as they are. A name whose <see cref="Key"/> is that of a genre the library knows (GTZAN's ten and the
/// synthetic generator's extras: <c>hiphop</c>, <c>kpop</c>, <c>brazilian_funk</c>, ...) takes that genre's spelling.
/// </para>
/// <para>
/// <see cref="Key"/>: the label without <c>_</c>. Two names with the same key collide: <c>hip-hop</c>, <c>hiphop</c>,
/// <c>Hip_Hop</c> and <c>Hip Hop</c> all have key <c>hiphop</c> (label <c>hiphop</c>, GTZAN's spelling);
/// <c>Brazilian Funk</c> and <c>brazilian-funk</c> are <c>brazilian_funk</c>; <c>Música</c> and <c>musica</c> collide.
/// Spellings that differ in letters (<c>rnb</c> and <c>r&amp;b</c>, key <c>rb</c>; <c>drum and bass</c> and
/// <c>drum'n'bass</c>) do not.
/// </para>
/// </summary>
public static class GenreNames
{
    // Base letters of U+00C0..U+017F after lower-casing (from Unicode NFKD with combining marks removed; letters
    // without a decomposition, such as ø, ł, æ, œ, ß and þ, by their usual transliteration). Hard-coded because
    // string.Normalize does nothing to non-ASCII text in the invariant-globalization mode this project builds with.
    private static readonly string[] LatinFold =
    [
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i", "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "ss",
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i", "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "y",
        "a", "a", "a", "a", "a", "a", "c", "c", "c", "c", "c", "c", "c", "c", "d", "d", "d", "d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g", "g",
        "g", "g", "g", "g", "h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i", "i", "i", "i", "ij", "ij", "j", "j", "k", "k", "k", "l", "l", "l", "l", "l", "l", "l",
        "l", "l", "l", "n", "n", "n", "n", "n", "n", "n", "n", "n", "o", "o", "o", "o", "o", "o", "oe", "oe", "r", "r", "r", "r", "r", "r", "s", "s", "s", "s", "s", "s",
        "s", "s", "t", "t", "t", "t", "t", "t", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "w", "w", "y", "y", "y", "z", "z", "z", "z", "z", "z", "s",
    ];

    private static readonly Dictionary<string, string> Known = GenreRecipes.All.ToDictionary(g => Plain(g).Replace("_", ""), g => g, StringComparer.Ordinal);

    /// <summary>
    /// The genre label of a folder name (see the class remarks): e.g. <c>"Hip-Hop"</c> to <c>hiphop</c>,
    /// <c>"Brazilian Funk"</c> to <c>brazilian_funk</c>, <c>"Neo Soul"</c> to <c>neo_soul</c>. Empty when the name has no
    /// letter or digit.
    /// </summary>
    public static string Label(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        string plain = Plain(name);
        return Known.TryGetValue(plain.Replace("_", ""), out var known) ? known : plain;
    }

    /// <summary>The collision key of a name or label: its <see cref="Label"/> without underscores (<c>hiphop</c> for <c>Hip_Hop</c>).</summary>
    public static string Key(string name) => Label(name).Replace("_", "");

    /// <summary>True when <paramref name="a"/> and <paramref name="b"/> name the same genre (same <see cref="Key"/>).</summary>
    public static bool Collide(string a, string b) => Key(a) == Key(b);

    private static string Plain(string name)
    {
        var sb = new StringBuilder(name.Length);
        bool pending = false;
        foreach (var rune in name.EnumerateRunes())
        {
            var r = Rune.ToLowerInvariant(rune);
            string? piece = null;
            if (r.Value is >= 0xC0 and <= 0x17F) piece = LatinFold[r.Value - 0xC0];
            else if (r.Value is >= 0xFF10 and <= 0xFF19 or >= 0xFF41 and <= 0xFF5A) piece = ((char)(r.Value - 0xFEE0)).ToString();
            else if (Rune.IsLetterOrDigit(r)) piece = r.ToString();
            if (string.IsNullOrEmpty(piece))
            {
                pending = sb.Length > 0;
                continue;
            }
            if (pending) sb.Append('_');
            pending = false;
            sb.Append(piece);
        }
        return sb.ToString();
    }
}
