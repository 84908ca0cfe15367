#!/usr/bin/python3
"""Writes ka_N1000_T0.8_traj.gsd: the first 20 frames of ka_N1000_T0.8_traj.dump.gz as a HOOMD-blue GSD file.

Usage: /usr/bin/python3 examples/data/make_gsd.py   (needs Debian's python3-gsd and python3-numpy)

The same configurations in HOOMD's conventions: the box centred on the origin (position = x - L/2, wrapped
into [-L/2, L/2)), float32 positions, image counts from ix iy iz, typeid = LAMMPS type - 1 (types A, B),
particles in id order (HOOMD tag k = LAMMPS id k + 1), configuration/step = the dump's timestep.
"""
import gzip
import os

import numpy as np
import gsd.hoomd

here = os.path.dirname(os.path.abspath(__file__))
FRAMES = 20
Snapshot = getattr(gsd.hoomd, "Frame", None) or gsd.hoomd.Snapshot


def frames(path):
    with gzip.open(path, "rt") as f:
        while True:
            line = f.readline()
            if not line:
                return
            assert line.startswith("ITEM: TIMESTEP"), line
            step = int(f.readline())
            f.readline()
            n = int(f.readline())
            f.readline()
            bounds = np.array([[float(v) for v in f.readline().split()] for _ in range(3)])
            cols = f.readline().split()[2:]
            rows = np.array([f.readline().split() for _ in range(n)], dtype=float)
            yield step, bounds, {c: rows[:, k] for k, c in enumerate(cols)}


with gsd.hoomd.open(os.path.join(here, "ka_N1000_T0.8_traj.gsd"), "wb") as out:
    for k, (step, bounds, c) in enumerate(frames(os.path.join(here, "ka_N1000_T0.8_traj.dump.gz"))):
        if k == FRAMES:
            break
        order = np.argsort(c["id"])
        assert np.array_equal(c["id"][order], np.arange(1, len(order) + 1)), "ids must be 1..N"
        length = bounds[:, 1] - bounds[:, 0]
        x = np.stack([c["x"], c["y"], c["z"]], axis=1)[order] - bounds[:, 0] - length / 2
        image = np.stack([c["ix"], c["iy"], c["iz"]], axis=1)[order].astype(np.int32)
        shift = np.floor((x + length / 2) / length)          # wrap into [-L/2, L/2), keeping x + image L
        x, image = x - shift * length, image + shift.astype(np.int32)
        s = Snapshot()
        s.configuration.step = step
        s.configuration.box = [*length, 0, 0, 0]
        s.particles.N = len(order)
        s.particles.types = ["A", "B"]
        s.particles.typeid = (c["type"][order] - 1).astype(np.uint32)
        s.particles.position = x.astype(np.float32)
        s.particles.image = image
        out.append(s)
