namespace GenreNotebooks.Datasets.Synthesis;

/// <summary>
/// Step grids per <see cref="Groove"/>: one line per drum piece (first char: piece, then one char per step:
/// '.' rest, 'x' hit, 'X' accent, 'g' ghost, '?' hit with probability one half).
/// </summary>
internal static class DrumPatterns
{
    public sealed record Pattern(int Steps, int StepsPerBeat, string[] Lines);

    public static Pattern For(Groove groove) => groove switch
    {
        Groove.None => new(16, 4, []),
        Groove.Backbeat => new(16, 4, ["Kx.......x.x.?...", "S....X.......X..g", "Hx.x.x.x.x.x.x.x."]),
        Groove.FourOnTheFloor => new(16, 4, ["KX...X...X...X...", "S....x.......x...", "O..x...x...x...x.", "Hx.?.x.?.x.?.x.?."]),
        Groove.OneDrop => new(16, 4, ["K........X.......", "P........X.......", "Hx.x.x.x.x.x.x.x.", "S...............g"]),
        Groove.SwingRide => new(16, 4, ["RX...x.x.X...x.x.", "H....x.......x...", "Kg.......?.......", "S......g.....?..g"]),
        Groove.BoomBap => new(16, 4, ["KX.....x..x.....?", "S....X.......X...", "Hx.x.x.x.x.x.x.x.", "O..............x."]),
        Groove.Trap => new(16, 4, ["KX......x..x.....", "C........X.......", "Hxxxxxxxx?x?xxxx?", "O.......?........"]),
        Groove.Shuffle => new(16, 4, ["KX.......x.......", "S....X.......X...", "Hx.x.x.x.x.x.x.x."]),
        Groove.TrainBeat => new(16, 4, ["KX.......x.......", "Sg.g.X.g.g.g.X.g.", "H....x.......x..."]),
        Groove.Latin => new(16, 4, ["K...x.......x....", "Px..x..x...x.x...", "G..x.x.xx..x.x.xx", "L.x.......x......", "Bx...x...x...x..."]),
        Groove.Dembow => new(16, 4, ["KX...x...X...x...", "S...x..x....x..x.", "Hx.x.x.x.x.x.x.x."]),
        Groove.Tamborzao => new(16, 4, ["KX..x..x...x..x..", "C...x..x....x..x.", "G..x.x....x.x....", "H.x.x.x.x.x.x.x.x"]),
        Groove.DoubleKick => new(16, 4, ["Kxxxxxxxxxxxxxxxx", "S....X.......X...", "RX...x...X...x..."]),
        Groove.HalfTime => new(16, 4, ["KX.........x.....", "S........X.......", "Hx.x.x.x.x.x.x.x."]),
        Groove.Waltz => new(12, 4, ["KX...........", "S....x...x...", "Hx.x.x.x.x.x."]),
        Groove.Palmas => new(12, 1, ["C..X..X.X.X.X", "Px.x.x.x.x.x."]),
        _ => throw new ArgumentOutOfRangeException(nameof(groove), groove, "unknown groove"),
    };
}
