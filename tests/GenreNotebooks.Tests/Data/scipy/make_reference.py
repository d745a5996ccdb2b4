#!/usr/bin/python3
"""Reference numbers for the Exploration and Features tests, computed with numpy/scipy (Debian python3-numpy,
python3-scipy). Small fixed datasets from a seeded generator; inputs and outputs go to reference.json, floats
written with repr so they round-trip exactly.

Run from this folder:  /usr/bin/python3 make_reference.py
"""
import json
import numpy as np
import scipy
from scipy.stats import gaussian_kde

rng = np.random.default_rng(20240603)
out = {"numpy": np.__version__, "scipy": scipy.__version__}


def svd_flip_v(vt):
    """scikit-learn 1.5+ PCA sign rule (svd_flip, u_based_decision=False): largest |entry| of each component positive."""
    idx = np.argmax(np.abs(vt), axis=1)
    signs = np.sign(vt[np.arange(vt.shape[0]), idx])
    return vt * signs[:, None]


# --- Gaussian KDE (scipy.stats.gaussian_kde, Scott's rule; seaborn's grid: cut=3, gridsize) ---
kdes = []
for name, samples in [
    ("bimodal-60", np.concatenate([rng.normal(-1.0, 0.5, 40), rng.normal(2.0, 1.0, 20)])),
    ("tempo-like-25", rng.normal(120.0, 8.0, 25)),
    ("skewed-200", rng.gamma(2.0, 1500.0, 200)),
]:
    kde = gaussian_kde(samples)
    bw = float(np.sqrt(kde.covariance.squeeze()))
    grid = np.linspace(samples.min() - 3 * bw, samples.max() + 3 * bw, 50)
    kde_silverman = gaussian_kde(samples, bw_method="silverman")
    kdes.append({
        "name": name,
        "samples": samples.tolist(),
        "scott_factor": float(kde.factor),
        "silverman_factor": float(kde_silverman.factor),
        "bandwidth": bw,
        "grid": grid.tolist(),
        "density": kde(grid).tolist(),
        "density_silverman": kde_silverman(grid).tolist(),
    })
out["kde"] = kdes

# --- Pearson correlation (np.corrcoef, variables as columns) ---
n = 80
z = rng.normal(size=(n, 3))
X = np.column_stack([
    z[:, 0],
    0.9 * z[:, 0] + 0.3 * z[:, 1],
    -0.7 * z[:, 0] + 0.5 * z[:, 2],
    z[:, 1] * 1000.0 + 5e4,
    rng.uniform(0, 1, n),
    z[:, 2] ** 2,
])
out["corrcoef"] = {"data": X.tolist(), "r": np.corrcoef(X, rowvar=False).tolist()}

# --- PCA (np.linalg.svd of the centred data) ---
pcas = []
for name, data in [
    ("tall-60x5", rng.normal(size=(60, 5)) @ np.array([[3.0, 1.0, 0.0, 0.0, 0.5],
                                                        [0.0, 2.0, 0.5, 0.0, 0.0],
                                                        [0.0, 0.0, 1.0, 0.3, 0.0],
                                                        [0.0, 0.0, 0.0, 0.5, 0.1],
                                                        [0.0, 0.0, 0.0, 0.0, 0.2]]) + np.array([10, -5, 0, 100, 1])),
    ("wide-5x8", rng.normal(size=(5, 8)) * np.arange(1, 9)),
]:
    n_rows = data.shape[0]
    mean = data.mean(axis=0)
    xc = data - mean
    u, s, vt = np.linalg.svd(xc, full_matrices=False)
    vt = svd_flip_v(vt)
    ev = s ** 2 / (n_rows - 1)
    total = xc.var(axis=0, ddof=1).sum()
    k = min(3, min(data.shape))
    pcas.append({
        "name": name,
        "data": data.tolist(),
        "components": k,
        "mean": mean.tolist(),
        "singular_values": s[:k].tolist(),
        "components_rows": vt[:k].tolist(),
        "explained_variance": ev[:k].tolist(),
        "explained_variance_ratio": (ev[:k] / total).tolist(),
        "projection": (xc @ vt[:k].T).tolist(),
    })
out["pca"] = pcas

# --- Standardise (StandardScaler: mean, population std) and genre cosine similarity ---
genres = ["rock", "blues", "disco", "classical"]
rows, labels = [], []
centres = {"rock": [1.0, 200.0, -3.0, 0.5], "blues": [0.5, 150.0, -2.0, 0.4],
           "disco": [1.1, 210.0, -3.2, 0.45], "classical": [-1.0, 40.0, 4.0, 0.1]}
for g in genres:
    for _ in range(6):
        rows.append(np.array(centres[g]) + rng.normal(scale=[0.3, 30.0, 1.0, 0.05]))
        labels.append(g)
F = np.array(rows)
mu = F.mean(axis=0)
sd = F.std(axis=0)  # ddof = 0, as StandardScaler
S = (F - mu) / sd
sorted_genres = sorted(set(labels))


def cosine_matrix(M):
    norms = np.linalg.norm(M, axis=1, keepdims=True)
    U = M / norms
    return U @ U.T


lab = np.array(labels)
means_std = np.array([S[lab == g].mean(axis=0) for g in sorted_genres])
means_raw = np.array([F[lab == g].mean(axis=0) for g in sorted_genres])
out["similarity"] = {
    "data": F.tolist(),
    "labels": labels,
    "columns": ["c0", "c1", "c2", "c3"],
    "mean": mu.tolist(),
    "std": sd.tolist(),
    "standardised": S.tolist(),
    "genres": sorted_genres,
    "genre_means_standardised": means_std.tolist(),
    "cosine_standardised": cosine_matrix(means_std).tolist(),
    "cosine_raw": cosine_matrix(means_raw).tolist(),
}

with open("reference.json", "w") as f:
    json.dump(out, f, indent=1)
print("wrote reference.json", {k: (len(v) if isinstance(v, list) else "") for k, v in out.items()})
