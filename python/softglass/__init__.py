"""Read a softglass pipeline run directory into numpy arrays and pandas DataFrames.

Pure Python, numpy and pandas only. A run directory is what ``bin/softglass pipeline --out RUN`` writes::

    import softglass
    run = softglass.load("runs/pipeline-demo")
    run.temperatures                 # [0.9, 0.8, 0.72, 0.66, 0.61]
    run.phop(0.61)                   # (frames, particles) float64, NaN where the p_hop window does not fit
    run.softness(0.61)               # (frames, particles) float64, NaN for particles without a softness row (B)
    run.particles(0.61)              # DataFrame: frame, timestep, time, id, type, S, p_hop (one row per particle-frame)
    run.parameters                   # the fitted model parameters (correlations/model-parameters.json, else barriers/)
    run.summary                      # report/summary.json (schema softglass.pipeline-summary/1)
    run.manifests                    # {"simulate-T0.610": {...}, ...}: every stage item's manifest

Columns of the particle arrays are particles in ascending id order (``run.ids(T)``, ``run.types(T)``, LAMMPS
types 1 = A, 2 = B); rows are the frames of that temperature's analysed trajectory (``run.timesteps(T)``).
File layouts (the file contract of the Java code): ``phop/T…/phop.npy`` float64 (F, N) with ``phop.json``
(schema softglass.phop/1: times, timesteps, ids, types); ``softness/T…/softness.npy`` float64 (R,) aligned with
``rows.npy`` int64 (R, 3) of (frame index, timestep, id), ``softness.json`` (schema softglass.softness/1).
"""

import json
import os

import numpy as np
import pandas as pd

__all__ = ["load", "Run", "label"]


def label(temperature):
    """The directory label of a temperature, as the pipeline writes it: 0.61 -> 'T0.610'."""
    return "T%.3f" % float(temperature)


def _json(path):
    with open(path, "r", encoding="utf-8") as f:
        return json.load(f)


def _schema(doc, expected, path):
    got = doc.get("schema")
    if got != expected:
        raise ValueError("%s: schema %r, expected %r" % (path, got, expected))


class Run:
    """A pipeline run directory (see the module docstring). Arrays are read on first use and cached."""

    def __init__(self, path):
        self.path = os.fspath(path)
        pj = os.path.join(self.path, "pipeline.json")
        if not os.path.isfile(pj):
            raise FileNotFoundError("%s: no pipeline.json (not a softglass pipeline run directory)" % self.path)
        self.pipeline = _json(pj)
        self.settings = self.pipeline["parameters"]
        self.temperatures = [float(t) for t in self.settings["temperatures"]]
        self._phop = {}
        self._soft = {}

    # --- per temperature ------------------------------------------------------------------------------
    def _dir(self, stage, temperature):
        t = self._temperature(temperature)
        return os.path.join(self.path, stage, label(t))

    def _temperature(self, temperature):
        for t in self.temperatures:
            if abs(t - float(temperature)) < 5e-4:
                return t
        raise KeyError("temperature %s is not one of the run's %s" % (temperature, self.temperatures))

    def _phop_table(self, temperature):
        t = self._temperature(temperature)
        if t not in self._phop:
            d = self._dir("phop", t)
            meta = _json(os.path.join(d, "phop.json"))
            _schema(meta, "softglass.phop/1", os.path.join(d, "phop.json"))
            p = np.load(os.path.join(d, "phop.npy"))
            ids = np.asarray(meta["ids"], dtype=np.int64)
            if p.shape != (len(meta["timesteps"]), len(ids)):
                raise ValueError("%s: phop.npy has shape %s, phop.json describes (%d, %d)"
                                 % (d, p.shape, len(meta["timesteps"]), len(ids)))
            self._phop[t] = (p, meta, ids)
        return self._phop[t]

    def phop(self, temperature):
        """p_hop (σ²), float64 (frames, particles), NaN where the window does not fit."""
        return self._phop_table(temperature)[0]

    def ids(self, temperature):
        """Particle ids of the array columns (ascending)."""
        return self._phop_table(temperature)[2]

    def types(self, temperature):
        """LAMMPS types (1 = A, 2 = B) of the array columns."""
        return np.asarray(self._phop_table(temperature)[1]["types"], dtype=np.int64)

    def timesteps(self, temperature):
        """MD timestep of each frame (row)."""
        return np.asarray(self._phop_table(temperature)[1]["timesteps"], dtype=np.int64)

    def times(self, temperature):
        """Time of each frame (τ)."""
        return np.asarray(self._phop_table(temperature)[1]["times"], dtype=np.float64)

    def softness(self, temperature):
        """Softness S, float64 (frames, particles) aligned with :meth:`phop`; NaN where a particle has no row."""
        t = self._temperature(temperature)
        if t not in self._soft:
            d = self._dir("softness", t)
            _schema(_json(os.path.join(d, "softness.json")), "softglass.softness/1", os.path.join(d, "softness.json"))
            s = np.load(os.path.join(d, "softness.npy"))
            rows = np.load(os.path.join(d, "rows.npy"))
            if rows.ndim != 2 or rows.shape[1] != 3 or rows.shape[0] != s.shape[0]:
                raise ValueError("%s: rows.npy has shape %s for %d softness values" % (d, rows.shape, s.shape[0]))
            ids, steps = self.ids(t), self.timesteps(t)
            frame, step, pid = rows[:, 0], rows[:, 1], rows[:, 2]
            if np.any(frame < 0) or np.any(frame >= len(steps)) or np.any(steps[frame] != step):
                raise ValueError("%s: softness rows do not match the frames of the p_hop trajectory" % d)
            col = np.searchsorted(ids, pid)
            if np.any(col >= len(ids)) or np.any(ids[np.minimum(col, len(ids) - 1)] != pid):
                raise ValueError("%s: softness rows name ids the trajectory does not have" % d)
            out = np.full((len(steps), len(ids)), np.nan)
            out[frame, col] = s
            self._soft[t] = out
        return self._soft[t]

    def particles(self, temperature):
        """One row per particle and frame: frame, timestep, time, id, type, S, p_hop (a long DataFrame)."""
        t = self._temperature(temperature)
        p, s = self.phop(t), self.softness(t)
        nf, n = p.shape
        return pd.DataFrame({
            "frame": np.repeat(np.arange(nf, dtype=np.int64), n),
            "timestep": np.repeat(self.timesteps(t), n),
            "time": np.repeat(self.times(t), n),
            "id": np.tile(self.ids(t), nf),
            "type": np.tile(self.types(t), nf),
            "S": s.reshape(-1),
            "p_hop": p.reshape(-1),
        })

    # --- run-wide ----------------------------------------------------------------------------------------
    @property
    def parameters(self):
        """The model parameter file (schema softglass.model-parameters/1): correlations' completed one, else barriers'."""
        for stage in ("correlations", "barriers"):
            f = os.path.join(self.path, stage, "model-parameters.json")
            if os.path.isfile(f):
                doc = _json(f)
                _schema(doc, "softglass.model-parameters/1", f)
                return doc
        raise FileNotFoundError("%s: no model-parameters.json (the barriers stage has not run)" % self.path)

    @property
    def summary(self):
        """report/summary.json (schema softglass.pipeline-summary/1)."""
        f = os.path.join(self.path, "report", "summary.json")
        doc = _json(f)
        _schema(doc, "softglass.pipeline-summary/1", f)
        return doc

    @property
    def manifests(self):
        """Every stage item's manifest (stages/*.json), by item name, plus 'pipeline' (pipeline.json)."""
        d = os.path.join(self.path, "stages")
        out = {"pipeline": self.pipeline}
        if os.path.isdir(d):
            for name in sorted(os.listdir(d)):
                if name.endswith(".json"):
                    out[name[:-5]] = _json(os.path.join(d, name))
        return out

    def mean_softness(self):
        """⟨S⟩(T) as the report computes it: mean and standard deviation (ddof 1) of S over the A particle-frames
        of the P(R|S,T) sample, i.e. the frames where p_hop is defined (DataFrame T, mean_S, std_S; the summary's
        ``comparison[].mean_s_md`` and ``std_s_md``)."""
        rows = []
        for t in self.temperatures:
            a = self.types(t) == 1
            s, p = self.softness(t)[:, a], self.phop(t)[:, a]
            v = s[~np.isnan(s) & ~np.isnan(p)]
            rows.append((t, float(v.mean()), float(v.std(ddof=1))))
        return pd.DataFrame(rows, columns=["T", "mean_S", "std_S"])


def load(run_dir):
    """Open a pipeline run directory (``bin/softglass pipeline --out RUN_DIR``)."""
    return Run(run_dir)
