#!/usr/bin/python3
"""scipy side of bench/trsp-h-vs-scipy.sh (issue 7).

Loads DIR/kprime.npy and DIR/kdelta.npy (written by org.softglass.bench.TrspHExport), forms
A = 1 - K_Delta K'^-1 (solve with K', not timed), then times X = scipy.linalg.sqrtm(A) (H = 1 - X) and
prints one CSV line: n,wall_seconds,cpu_seconds,residual,scipy_version with residual = ||X^2 - A||_F / ||A||_F.
"""
import sys, time
import numpy as np
import scipy, scipy.linalg

d = sys.argv[1]
kp = np.load(d + "/kprime.npy")
kd = np.load(d + "/kdelta.npy")
n = int(round(np.sqrt(kp.size)))
kp = kp.reshape(n, n)
kd = kd.reshape(n, n)
# M = K_D K'^-1  <=>  M^T = K'^-1 K_D (both symmetric)
m = scipy.linalg.solve(kp, kd, assume_a="pos").T
a = np.eye(n) - m
t0, c0 = time.perf_counter(), time.process_time()
x = scipy.linalg.sqrtm(a)
sec, cpu = time.perf_counter() - t0, time.process_time() - c0
x = np.real(x)
res = np.linalg.norm(x @ x - a) / np.linalg.norm(a)
print("%d,%.3f,%.3f,%.3e,%s" % (n, sec, cpu, res, scipy.__version__))
