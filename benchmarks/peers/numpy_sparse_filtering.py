#!/usr/bin/env python3
"""numpy peer for SparseFilteringBenchmark: one sparse-filtering objective + gradient evaluation
with the reference code's formulas (Ngiam et al.; l2row / l2rowg), float32, W [256 x 784],
X [784 x 10,000] (a column per example, as the reference code holds it).

Usage: numpy_sparse_filtering.py [--threads N] [--evals E] [--warmup W]
--threads sets OPENBLAS_NUM_THREADS / OMP_NUM_THREADS for this process only, before numpy loads.
Prints one line:  numpy sf step ms median M min A max B threads N evals E numpy V
"""
import argparse
import os
import statistics
import sys
import time

p = argparse.ArgumentParser()
p.add_argument("--threads", type=int, default=0, help="BLAS threads (0: numpy's default)")
p.add_argument("--evals", type=int, default=20)
p.add_argument("--warmup", type=int, default=3)
a = p.parse_args()
if a.threads > 0:
    for v in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[v] = str(a.threads)

import numpy as np  # noqa: E402  (after the thread variables)


def l2row(x):
    n = np.sqrt(np.sum(x * x, axis=1, keepdims=True) + np.float32(1e-8))
    return x / n, n


def l2rowg(x, y, n, d):
    return d / n - y * np.sum(d * x, axis=1, keepdims=True) / (n * n)


def objective_and_gradient(w, x):
    f = w @ x
    fs = np.sqrt(f * f + np.float32(1e-8))
    nfs, l2fs = l2row(fs)
    fhat, l2fn = l2row(nfs.T)
    obj = fhat.sum(dtype=np.float64)
    delta = l2rowg(nfs.T, fhat, l2fn, np.ones_like(fhat))
    delta = l2rowg(fs, nfs, l2fs, delta.T)
    dw = (delta * (f / fs)) @ x.T
    return obj, dw


def main():
    rng = np.random.default_rng(7)
    x = rng.standard_normal((784, 10000), dtype=np.float32)
    w = rng.standard_normal((256, 784), dtype=np.float32)
    for _ in range(a.warmup):
        objective_and_gradient(w, x)
    times = []
    for _ in range(a.evals):
        t0 = time.perf_counter()
        objective_and_gradient(w, x)
        times.append((time.perf_counter() - t0) * 1e3)
    print(f"numpy sf step ms median {statistics.median(times):.2f} min {min(times):.2f} max {max(times):.2f} "
          f"threads {a.threads or 'default'} evals {a.evals} numpy {np.__version__}")


if __name__ == "__main__":
    sys.exit(main())
