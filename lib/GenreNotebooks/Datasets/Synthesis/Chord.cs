namespace GenreNotebooks.Datasets.Synthesis;

/// <summary>A chord: root in semitones above the key's tonic and the intervals above the root.</summary>
internal readonly record struct Chord(int Root, int[] Intervals)
{
    private static readonly string[] Numerals = ["VII", "VI", "IV", "V", "III", "II", "I"];
    private static readonly int[] NumeralSemitones = [11, 9, 5, 7, 4, 2, 0];

    /// <summary>
    /// Parses a roman numeral relative to the major scale: upper case major, lower case minor, prefix <c>b</c>/<c>#</c>,
    /// suffix <c>7</c> (dominant on major, minor 7th on minor), <c>maj7</c>, <c>9</c>, <c>5</c> (power chord), <c>dim</c>, <c>sus</c>.
    /// </summary>
    public static Chord Parse(string symbol)
    {
        string s = symbol;
        int shift = 0;
        if (s.StartsWith('b')) { shift = -1; s = s[1..]; }
        else if (s.StartsWith('#')) { shift = 1; s = s[1..]; }
        for (int k = 0; k < Numerals.Length; k++)
        {
            if (!s.StartsWith(Numerals[k], StringComparison.OrdinalIgnoreCase)) continue;
            bool minor = char.IsLower(s[0]);
            string suffix = s[Numerals[k].Length..];
            int root = ((NumeralSemitones[k] + shift) % 12 + 12) % 12;
            int[] iv = suffix switch
            {
                "" => minor ? [0, 3, 7] : [0, 4, 7],
                "7" => minor ? [0, 3, 7, 10] : [0, 4, 7, 10],
                "maj7" => [0, 4, 7, 11],
                "9" => minor ? [0, 3, 7, 10, 14] : [0, 4, 7, 10, 14],
                "5" => [0, 7, 12],
                "dim" => [0, 3, 6],
                "sus" => [0, 5, 7],
                _ => throw new FormatException($"unknown chord suffix '{suffix}' in '{symbol}'"),
            };
            return new Chord(root, iv);
        }
        throw new FormatException($"'{symbol}' is not a roman-numeral chord");
    }
}
