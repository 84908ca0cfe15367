#!/usr/bin/python3
"""Makes the liblinear cross-check fixture: a small non-separable two-class data set and the
weights scikit-learn's LinearSVC(C=1, loss='squared_hinge', penalty='l2') finds on it.

Run with Debian's python3-sklearn:  /usr/bin/python3 make_sklearn_fixture.py
Writes svm_fixture.csv (label,x0..x5) and svm_fixture_sklearn.json (coef, intercept, versions).
LinearSVC regularises the intercept like liblinear with bias = 1 (intercept_scaling = 1); the
problem is strictly convex, so every converged solver gives the same optimum. tol is tightened
far below the 1e-4 test tolerance.
"""
import json
import numpy as np
import sklearn
from sklearn.svm import LinearSVC

rng = np.random.default_rng(20240605)
n, m = 400, 6
w_true = np.array([1.0, -0.5, 0.25, 0.0, 0.8, -1.2])
x = rng.normal(size=(n, m)) * np.array([1.0, 2.0, 0.5, 1.0, 1.5, 0.7]) + np.array([0.3, -1.0, 0.0, 2.0, 0.5, 0.0])
logit = x @ w_true - 0.4
y = (logit + rng.normal(scale=1.0, size=n) > 0).astype(int)   # noisy labels: not separable
out = {"versions": {"sklearn": sklearn.__version__, "numpy": np.__version__}}
for dual in (False, True):
    clf = LinearSVC(C=1.0, loss="squared_hinge", penalty="l2", dual=dual, tol=1e-12,
                    max_iter=1000000, intercept_scaling=1.0, fit_intercept=True)
    clf.fit(x, y)
    out["dual" if dual else "primal"] = {"coef": clf.coef_[0].tolist(), "intercept": float(clf.intercept_[0])}
with open("svm_fixture.csv", "w") as f:
    f.write("label," + ",".join(f"x{j}" for j in range(m)) + "\n")
    for i in range(n):
        f.write(str(y[i]) + "," + ",".join(repr(float(v)) for v in x[i]) + "\n")
with open("svm_fixture_sklearn.json", "w") as f:
    json.dump(out, f, indent=1)
print(json.dumps(out))
