"""Tests of the Python loader on a real run: SOFTGLASS_TEST_RUN if set, else a smoke pipeline run made here
with bin/softglass (about a minute). Run: python3 -m unittest discover -s python/tests -v"""
import io
import os
import subprocess
import sys
import tempfile
import unittest
from contextlib import redirect_stdout

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "python"))
sys.path.insert(0, os.path.join(ROOT, "python", "examples"))
import softglass  # noqa: E402

_RUN = None
_TMP = None


def run_dir():
    global _RUN, _TMP
    if _RUN is None:
        _RUN = os.environ.get("SOFTGLASS_TEST_RUN")
        if not _RUN:
            _TMP = tempfile.TemporaryDirectory()
            _RUN = os.path.join(_TMP.name, "smoke")
            subprocess.run([os.path.join(ROOT, "bin", "softglass"), "pipeline", "--preset", "smoke", "--threads", "2",
                            "--quiet", "--out", _RUN], check=True)
    return _RUN


class LoadTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.rd = softglass.load(run_dir())

    def test_temperatures_and_array_shapes(self):
        r = self.rd
        self.assertEqual(r.temperatures, [float(t) for t in r.settings["temperatures"]])
        n = r.settings["n"]
        for t in r.temperatures:
            frames = r.settings["production_steps"][r.temperatures.index(t)] // r.settings["dump_every"] + 1
            self.assertEqual(r.phop(t).shape, (frames, n))
            self.assertEqual(r.softness(t).shape, (frames, n))
            self.assertTrue(np.all(np.diff(r.ids(t)) > 0))
            self.assertEqual(len(r.timesteps(t)), frames)

    def test_softness_is_defined_exactly_for_the_a_particles(self):
        r = self.rd
        for t in r.temperatures:
            s, a = r.softness(t), r.types(t) == 1
            self.assertTrue(np.all(np.isfinite(s[:, a])), "every A particle has S in every frame")
            self.assertTrue(np.all(np.isnan(s[:, ~a])), "B particles have no S")

    def test_particles_frame_matches_the_arrays(self):
        r = self.rd
        t = r.temperatures[-1]
        df = r.particles(t)
        self.assertEqual(list(df.columns), ["frame", "timestep", "time", "id", "type", "S", "p_hop"])
        p, s = r.phop(t), r.softness(t)
        self.assertEqual(len(df), p.size)
        k = 3 * p.shape[1] + 7      # frame 3, column 7
        self.assertEqual(df["frame"][k], 3)
        self.assertEqual(df["id"][k], r.ids(t)[7])
        self.assertEqual(df["timestep"][k], r.timesteps(t)[3])
        np.testing.assert_array_equal(df["p_hop"].to_numpy(), p.reshape(-1))
        np.testing.assert_array_equal(df["S"].to_numpy(), s.reshape(-1))

    def test_mean_softness_is_the_reports(self):
        r = self.rd
        m = r.mean_softness()
        rows = {c["T"]: c for c in r.summary["comparison"]}
        for t, mean, std in zip(m["T"], m["mean_S"], m["std_S"]):
            self.assertAlmostEqual(mean, rows[t]["mean_s_md"], delta=1e-12)
            self.assertAlmostEqual(std, rows[t]["std_s_md"], delta=1e-12)

    def test_parameters_summary_and_manifests(self):
        r = self.rd
        self.assertEqual(r.parameters["schema"], "softglass.model-parameters/1")
        self.assertEqual(r.summary["schema"], "softglass.pipeline-summary/1")
        m = r.manifests
        self.assertIn("pipeline", m)
        self.assertTrue(any(k.startswith("simulate-") for k in m))

    def test_example_prints_the_table(self):
        import mean_softness
        out = io.StringIO()
        with redirect_stdout(out):
            self.assertEqual(mean_softness.main(["mean_softness.py", self.rd.path]), 0)
        self.assertIn("mean_S_report", out.getvalue())

    def test_errors_name_the_problem(self):
        with tempfile.TemporaryDirectory() as d:
            with self.assertRaisesRegex(FileNotFoundError, "pipeline.json"):
                softglass.load(d)
        with self.assertRaisesRegex(KeyError, "not one of the run's"):
            self.rd.phop(3.5)


if __name__ == "__main__":
    unittest.main()
