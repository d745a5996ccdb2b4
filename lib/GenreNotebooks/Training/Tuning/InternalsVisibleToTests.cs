using System.Runtime.CompilerServices;

// The tuning tests check the Parzen estimator, the truncated normal and the importance trees against hand
// computations; those are internal so the public surface stays Optuna's.
[assembly: InternalsVisibleTo("GenreNotebooks.Tests")]
