"""Reference values for the Evaluation tests, computed with scikit-learn (Debian python3-sklearn).

Run:  /usr/bin/python3 make_reference.py > reference.json
Each case: random labels from a fixed numpy seed; one case has a genre that is never predicted and one a genre
with no samples at all, so the zero-division rules are checked too.
"""
import json
import warnings

import numpy as np
import sklearn
from sklearn.metrics import (accuracy_score, classification_report, confusion_matrix,
                             precision_recall_fscore_support, top_k_accuracy_score)

GENRES = ["blues", "classical", "country", "disco", "hiphop", "jazz", "metal", "pop", "reggae", "rock"]


def case(name, seed, n, n_classes, never_predicted=None, absent=None):
    rng = np.random.default_rng(seed)
    labels = GENRES[:n_classes]
    y_true = rng.integers(0, n_classes, n)
    # Mostly right, sometimes a random class: a realistic-looking confusion matrix.
    y_pred = np.where(rng.random(n) < 0.6, y_true, rng.integers(0, n_classes, n))
    if never_predicted is not None:
        y_pred[y_pred == never_predicted] = (never_predicted + 1) % n_classes
    if absent is not None:
        y_true[y_true == absent] = (absent + 1) % n_classes
        y_pred[y_pred == absent] = (absent + 1) % n_classes
    scores = rng.random((n, n_classes)).astype(np.float32)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        p, r, f, s = precision_recall_fscore_support(y_true, y_pred, labels=list(range(n_classes)))
        report2 = classification_report(y_true, y_pred, labels=list(range(n_classes)), target_names=labels, digits=2)
        report4 = classification_report(y_true, y_pred, labels=list(range(n_classes)), target_names=labels, digits=4)
    return {
        "name": name,
        "labels": labels,
        "y_true": y_true.tolist(),
        "y_pred": y_pred.tolist(),
        "accuracy": accuracy_score(y_true, y_pred),
        "precision": p.tolist(), "recall": r.tolist(), "f1": f.tolist(), "support": s.tolist(),
        "confusion": confusion_matrix(y_true, y_pred, labels=list(range(n_classes))).tolist(),
        "confusion_normalised": np.nan_to_num(confusion_matrix(y_true, y_pred, labels=list(range(n_classes)), normalize="true")).tolist(),
        "report_digits2": report2,
        "report_digits4": report4,
        "warning_count": len(caught),
        "scores": scores.tolist(),
        "top_k": {str(k): top_k_accuracy_score(y_true, scores, k=k, labels=list(range(n_classes))) for k in (1, 2, 3)},
    }


print(json.dumps({
    "sklearn_version": sklearn.__version__,
    "cases": [
        case("ten-genres", 1, 200, 10),
        case("four-genres-one-never-predicted", 2, 40, 4, never_predicted=2),
        case("five-genres-one-absent", 3, 30, 5, absent=4),
    ],
}, indent=1))
