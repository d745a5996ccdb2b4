namespace GenreNotebooks.Exploration;

/// <summary>
/// One genre's density curve for a feature: the grid, the density on it and the number of rows behind it.
/// </summary>
/// <param name="Genre">The genre label.</param>
/// <param name="Count">Rows of that genre.</param>
/// <param name="Grid">The x values, ascending.</param>
/// <param name="Density">The density at each grid point (scaled by the genre's share of rows when normalised in common).</param>
public sealed record GenreDensity(string Genre, int Count, double[] Grid, double[] Density);
