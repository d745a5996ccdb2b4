namespace GenreNotebooks.Exploration;

/// <summary>
/// Rows projected on the first two principal components, with their genre labels: the data of a PCA scatter plot
/// coloured by genre.
/// </summary>
/// <param name="Model">The fitted 2-component PCA.</param>
/// <param name="Pc1">Each row's coordinate on the first component, shape (n,).</param>
/// <param name="Pc2">Each row's coordinate on the second component, shape (n,).</param>
/// <param name="Labels">Each row's genre, shape (n,).</param>
/// <param name="Standardised">Whether the columns were standardised before the PCA.</param>
public sealed record PcaProjection(PcaModel Model, double[] Pc1, double[] Pc2, string[] Labels, bool Standardised);
