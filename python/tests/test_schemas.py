"""The JSON Schemas of schemas/ (draft 2020-12) checked against real softglass outputs.

Documents: every *.json of the run directory of test_load (SOFTGLASS_TEST_RUN if set, else a smoke pipeline run made
with bin/softglass) whose "schema" is "softglass.NAME/1" is validated against schemas/NAME.schema.json (a missing schema
file fails), and every manifest (*.manifest.json, manifest.json, pipeline.json: org.softglass.core.io.Manifest) against
schemas/manifest.schema.json. The pipeline does not write softglass.fluidity/1, softglass.md-aging/1 or
softglass.validation/1, so they are made here with bin/softglass on small inputs (a few seconds each on an idle machine):
fluidity on the run's own model, training set, descriptors and p_hop (2 temperatures, 10 bootstrap replicates); md-aging
with the committed test model and parameters (cli/src/test/resources/aging), N = 256, 1 replica, 10 melt and 10
equilibration steps, waits up to 0.1 tau, trap and TRSP curves on; validate --only lammps.thermal-energy (skipped when
../shared/fixtures is absent). About 30 s in all on two busy cores.
SOFTGLASS_TEST_CLI, if set, is the command line used instead of bin/softglass (e.g. "java ... -jar softglass.jar", so that a
check of a built jar does not rebuild the CLI). Negative checks show each kind of constraint can fail. Needs jsonschema (Debian
python3-jsonschema) and numpy. Run: python3 -m unittest discover -s python/tests -p test_schemas.py -v
"""
import copy
import glob
import json
import os
import re
import shlex
import subprocess
import tempfile
import unittest

import numpy as np
from jsonschema import Draft202012Validator, RefResolver

from test_load import ROOT, run_dir

SCHEMAS = os.path.join(ROOT, "schemas")
SOFTGLASS = shlex.split(os.environ.get("SOFTGLASS_TEST_CLI") or shlex.quote(os.path.join(ROOT, "bin", "softglass")))
MANIFEST_NAMES = ("manifest.json", "pipeline.json")
# what one pipeline run writes (fluidity, md-aging and validation come from other commands, made below)
PIPELINE_SCHEMAS = {"barriers", "correlations", "features", "model-parameters", "overlap", "persistence", "phop", "pipeline-summary",
                    "published", "softness-model", "softness"}
# schema names of inputs softglass reads, not of documents it writes: their schema files are checked against the shipped
# examples (StudyConfigSchemaTest), not against run outputs
INPUT_ONLY = {"study": "the configuration file of softglass study (StudyConfig), YAML or JSON"}


def _load_store():
    store = {}
    for f in sorted(glob.glob(os.path.join(SCHEMAS, "*.schema.json"))):
        with open(f, encoding="utf-8") as fh:
            s = json.load(fh)
        store[s["$id"]] = s
    return store


STORE = _load_store()
_VALIDATORS = {}


def validator(name):
    """The validator of schemas/NAME.schema.json; the schemas refer to each other by $id (common.schema.json, ...)."""
    if name not in _VALIDATORS:
        path = os.path.join(SCHEMAS, name + ".schema.json")
        if not os.path.isfile(path):
            raise FileNotFoundError("no schema file " + path)
        with open(path, encoding="utf-8") as fh:
            s = json.load(fh)
        _VALIDATORS[name] = Draft202012Validator(s, resolver=RefResolver.from_schema(s, store=STORE))
    return _VALIDATORS[name]


def schema_name(doc):
    """NAME of a document whose "schema" is "softglass.NAME/1", else None."""
    s = doc.get("schema") if isinstance(doc, dict) else None
    m = re.fullmatch(r"softglass\.([a-z0-9-]+)/1", s) if isinstance(s, str) else None
    return m.group(1) if m else None


def is_manifest(path):
    b = os.path.basename(path)
    return b.endswith(".manifest.json") or b in MANIFEST_NAMES


def errors(name, doc):
    return ["%s: %s" % ("/".join(map(str, e.absolute_path)) or "(root)", e.message[:300]) for e in validator(name).iter_errors(doc)]


def softglass(*args):
    """Runs bin/softglass (or SOFTGLASS_TEST_CLI); returns (exit code, stderr)."""
    p = subprocess.run([*SOFTGLASS, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    return p.returncode, p.stderr


class SchemaFilesTest(unittest.TestCase):
    def test_every_schema_is_valid_draft_2020_12_and_named_after_its_file(self):
        files = sorted(glob.glob(os.path.join(SCHEMAS, "*.schema.json")))
        self.assertGreaterEqual(len(files), 16)
        for f in files:
            name = os.path.basename(f)[: -len(".schema.json")]
            with self.subTest(schema=name):
                with open(f, encoding="utf-8") as fh:
                    s = json.load(fh)
                Draft202012Validator.check_schema(s)
                self.assertEqual(s["$schema"], "https://json-schema.org/draft/2020-12/schema")
                self.assertTrue(s["$id"].endswith("/" + os.path.basename(f)), s["$id"])
                if name not in ("common", "manifest"):
                    self.assertEqual(s["title"], "softglass.%s/1" % name)
                    self.assertEqual(s["properties"]["schema"]["const"], "softglass.%s/1" % name)

    def test_every_schema_name_in_the_java_writers_has_a_schema_file(self):
        names = set()
        for module in ("core", "study", "cli", "validation"):
            for f in glob.glob(os.path.join(ROOT, module, "src", "main", "java", "**", "*.java"), recursive=True):
                with open(f, encoding="utf-8") as fh:
                    names.update(re.findall(r'"softglass\.([a-z0-9-]+)/1"', fh.read()))
        self.assertTrue(PIPELINE_SCHEMAS | {"fluidity", "md-aging", "validation"} <= names, sorted(names))
        for n in sorted(names - set(INPUT_ONLY)):
            self.assertTrue(os.path.isfile(os.path.join(SCHEMAS, n + ".schema.json")),
                            "softglass.%s/1 appears in the Java sources but there is no schemas/%s.schema.json" % (n, n))


    def test_the_filed_paper_004_fits_validate(self):
        """validation/published/paper-004/*/mesoelastic_fit.json: the filed mesoelastic-study runs follow their schema."""
        files = sorted(glob.glob(os.path.join(ROOT, "validation", "published", "paper-004", "*", "mesoelastic_fit.json")))
        self.assertGreaterEqual(len(files), 2)
        for f in files:
            with self.subTest(file=os.path.relpath(f, ROOT)):
                with open(f, encoding="utf-8") as fh:
                    self.assertEqual(errors("mesoelastic-study", json.load(fh)), [])


class StudyConfigSchemaTest(unittest.TestCase):
    """schemas/study.schema.json accepts the shipped example configuration and refuses what StudyConfig refuses."""

    def example(self):
        try:
            import yaml
        except ImportError:
            self.skipTest("needs python3-yaml")
        with open(os.path.join(ROOT, "examples", "study-ka-small.yaml"), encoding="utf-8") as fh:
            return yaml.safe_load(fh)

    def test_the_example_validates(self):
        self.assertEqual(errors("study", self.example()), [])

    def test_the_presets_validate(self):
        import yaml
        for f in sorted(glob.glob(os.path.join(ROOT, "studies", "*.yaml"))):
            with self.subTest(preset=os.path.basename(f)), open(f, encoding="utf-8") as fh:
                self.assertEqual(errors("study", yaml.safe_load(fh)), [])

    def test_unknown_and_missing_keys_are_rejected(self):
        doc = self.example()
        doc["tr"] = 10
        self.assertNotEqual(errors("study", doc), [], "unknown key")
        doc = self.example()
        del doc["inherent_structures"]
        self.assertNotEqual(errors("study", doc), [], "missing inherent_structures")
        doc = self.example()
        doc["trajectories"] = doc["trajectories"][:1]
        self.assertNotEqual(errors("study", doc), [], "one temperature")
        doc = self.example()
        doc["trajectories"][0]["thermo"] = "x.dump"
        self.assertNotEqual(errors("study", doc), [], "unknown key in an entry")


class RunOutputsTest(unittest.TestCase):
    """Every schema-tagged document and every manifest of the run directory."""

    @classmethod
    def setUpClass(cls):
        cls.rundir = run_dir()
        cls.docs = []   # (path, NAME or "manifest", document)
        for path in sorted(glob.glob(os.path.join(cls.rundir, "**", "*.json"), recursive=True)):
            with open(path, encoding="utf-8") as fh:
                doc = json.load(fh)
            name = schema_name(doc)
            if name is None and is_manifest(path):
                name = "manifest"
            if name is not None:
                cls.docs.append((path, name, doc))

    def test_documents_validate(self):
        seen = set()
        for path, name, doc in self.docs:
            with self.subTest(file=os.path.relpath(path, self.rundir)):
                self.assertTrue(os.path.isfile(os.path.join(SCHEMAS, name + ".schema.json")),
                                "%s has schema softglass.%s/1 but there is no schemas/%s.schema.json" % (path, name, name))
                self.assertEqual(errors(name, doc), [])
            seen.add(name)
        missing = PIPELINE_SCHEMAS - seen
        self.assertFalse(missing, "the run has no document of " + ", ".join(sorted(missing)))
        self.assertIn("manifest", seen)

    def test_companion_arrays_have_the_shapes_the_sidecars_state(self):
        for path, name, doc in self.docs:
            d = os.path.dirname(path)
            with self.subTest(file=os.path.relpath(path, self.rundir)):
                if name == "phop":
                    self.assertEqual(len(doc["times"]), doc["frames"])
                    self.assertEqual(len(doc["timesteps"]), doc["frames"])
                    self.assertEqual(len(doc["types"]), len(doc["ids"]))
                    self.assertTrue(all(b > a for a, b in zip(doc["ids"], doc["ids"][1:])), "ids strictly ascending")
                    self.assertEqual(np.load(os.path.join(d, "phop.npy"), mmap_mode="r").shape, (doc["frames"], len(doc["ids"])))
                elif name == "softness":
                    self.assertEqual(np.load(os.path.join(d, "softness.npy"), mmap_mode="r").shape, (doc["rows"],))
                    self.assertEqual(np.load(os.path.join(d, "rows.npy"), mmap_mode="r").shape, (doc["rows"], 3))
                elif name == "features":
                    m = len(doc["columns"])
                    self.assertEqual((len(doc["mean"]), len(doc["std"])), (m, m))
                    table = "features.npy" if os.path.isfile(os.path.join(d, "features.npy")) else "samples_features.npy"
                    a = np.load(os.path.join(d, table), mmap_mode="r")
                    self.assertEqual(a.shape, (doc["rows"], m))
                    self.assertEqual(a.dtype, np.dtype("<f4" if doc["dtype"] == "f4" else "<f8"))
                elif name == "softness-model":
                    m = len(doc["weights"])
                    self.assertEqual((len(doc["mean"]), len(doc["std"]), len(doc["columns"])), (m, m, m))


class NegativeTest(unittest.TestCase):
    """The schemas reject broken documents: each mutation breaks one kind of constraint of a real document."""

    @classmethod
    def setUpClass(cls):
        cls.rundir = run_dir()
        cls.first = {}
        for path in sorted(glob.glob(os.path.join(cls.rundir, "**", "*.json"), recursive=True)):
            with open(path, encoding="utf-8") as fh:
                doc = json.load(fh)
            name = schema_name(doc) or ("manifest" if is_manifest(path) else None)
            if name is not None and name not in cls.first and not errors(name, doc):
                cls.first[name] = doc

    def doc(self, name):
        if name not in self.first:
            self.skipTest("the run has no valid softglass.%s/1 document" % name)
        return copy.deepcopy(self.first[name])

    def rejected(self, name, doc, what):
        self.assertNotEqual(errors(name, doc), [], "schemas/%s.schema.json accepts %s" % (name, what))

    def test_phop_required_fields_types_and_shapes(self):
        self.assertEqual(errors("phop", self.doc("phop")), [])
        for field in ("ids", "times", "trajectory", "half_window_frames"):
            d = self.doc("phop")
            del d[field]
            self.rejected("phop", d, "a phop.json without " + field)
        d = self.doc("phop")
        d["frames"] = str(d["frames"])
        self.rejected("phop", d, "frames as a string")
        d = self.doc("phop")
        d["types"][0] = 0
        self.rejected("phop", d, "LAMMPS type 0")
        d = self.doc("phop")
        d["timesteps"][1] = 0.5
        self.rejected("phop", d, "a non-integer timestep")
        d = self.doc("phop")
        d["trajectory"]["sha256"] = "ABC"
        self.rejected("phop", d, "a malformed SHA-256")
        d = self.doc("phop")
        d["schema"] = "softglass.phop/2"
        self.rejected("phop", d, "another schema version")

    def test_model_parameters_is_closed_and_checks_ranges(self):
        d = self.doc("model-parameters")
        d["meanSS"] = {"a": 1, "b": 2}
        self.rejected("model-parameters", d, "an unknown top-level key (the reader refuses it)")
        d = self.doc("model-parameters")
        d["tauR"] = 0
        self.rejected("model-parameters", d, "tauR = 0")
        d = self.doc("model-parameters")
        del d["barriers"]["t0"]
        self.rejected("model-parameters", d, "barriers without t0")

    def test_features_column_kinds(self):
        d = self.doc("features")
        col = next(c for c in d["columns"] if c["kind"] == "radial")
        del col["mu"]
        self.rejected("features", d, "a radial column without mu")
        d = self.doc("features")
        d["columns"][0]["kind"] = "spherical"
        self.rejected("features", d, "an unknown column kind")
        d = self.doc("features")
        d["dtype"] = "f2"
        self.rejected("features", d, "dtype f2")

    def test_non_finite_numbers_only_where_the_writer_can_write_them(self):
        d = self.doc("overlap")
        d["tau_Q"] = "NaN"   # OverlapCommand maps non-finite values to null
        self.rejected("overlap", d, "tau_Q = \"NaN\"")
        d = self.doc("overlap")
        d["tau_Q"] = None
        self.assertEqual(errors("overlap", d), [])
        d = self.doc("barriers")
        d["moments"][0]["std"] = "NaN"   # a raw double through Csv.json: Jackson writes "NaN"
        self.assertEqual(errors("barriers", d), [])
        d["moments"][0]["std"] = "nan"
        self.rejected("barriers", d, "the string nan")

    def test_published_verdicts_are_consistent(self):
        d = self.doc("published")
        d["rows"][0]["status"], d["rows"][0]["agrees"] = "agrees", "no"
        self.rejected("published", d, "status agrees with agrees = no")
        d = self.doc("published")
        d["rows"][0]["status"], d["rows"][0]["agrees"], d["rows"][0]["ours"] = "not_measured", "n.a.", 1.0
        self.rejected("published", d, "a value for a row not measured")

    def test_summary_and_manifest(self):
        d = self.doc("pipeline-summary")
        del d["comparison"][0]["tau_Q_md"]
        self.rejected("pipeline-summary", d, "a comparison row without tau_Q_md")
        d = self.doc("pipeline-summary")
        d["onset_fit"]["source"] = "ka-002 preset"
        d["onset_fit"].pop("reason", None)
        self.rejected("pipeline-summary", d, "a preset onset without the reason")
        d = self.doc("manifest")
        d["inputs"]["x.dump"] = {"sha256": "0" * 64}
        self.rejected("manifest", d, "an input without its size")
        d = self.doc("manifest")
        d["created"] = "yesterday"
        self.rejected("manifest", d, "created = yesterday")


class OtherCommandsTest(unittest.TestCase):
    """fluidity/1, md-aging/1 and validation/1, made here with bin/softglass (see the module docstring)."""

    @classmethod
    def setUpClass(cls):
        cls.rundir = run_dir()
        cls.tmp = tempfile.TemporaryDirectory()

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def check(self, path, name):
        with open(path, encoding="utf-8") as fh:
            doc = json.load(fh)
        self.assertEqual(doc["schema"], "softglass.%s/1" % name)
        self.assertEqual(errors(name, doc), [])
        return doc

    def manifest(self, path):
        with open(path, encoding="utf-8") as fh:
            self.assertEqual(errors("manifest", json.load(fh)), [])

    def test_fluidity(self):
        r = self.rundir
        temps = sorted(os.path.basename(p) for p in glob.glob(os.path.join(r, "softness", "T*")))
        test_set = sorted(glob.glob(os.path.join(r, "train", "set-T*")))[0]
        out = os.path.join(self.tmp.name, "fluidity")
        sets = []
        for t in (temps[0], temps[-1]):
            sets += ["--set", "T=%s:%s:%s" % (t[1:], os.path.join(r, "softness", t, "descriptors"), os.path.join(r, "phop", t))]
        model = os.path.join(r, "train", "model", "model.json")
        code, err = softglass("fluidity", model, "--test", test_set, "--sigma-from", os.path.join(r, "softness", temps[-1], "descriptors"),
                              "--reference", model, *sets, "--bootstrap", "10", "--threads", "1", "--quiet", "--out", out)
        doc_path = os.path.join(out, "fluidity.json")
        self.assertTrue(os.path.isfile(doc_path), err)
        doc = self.check(doc_path, "fluidity")
        self.assertIn("barriers", doc)
        # exit 1 is the refused onset fit, which still writes fluidity.json and says why
        self.assertEqual(code, 1 if "onset_error" in doc else 0, err)
        self.manifest(os.path.join(out, "fluidity.manifest.json"))

    def test_md_aging(self):
        res = os.path.join(ROOT, "cli", "src", "test", "resources", "aging")
        out = os.path.join(self.tmp.name, "aging")
        args = ["md-aging", "--model", os.path.join(res, "ka-demo-model.json"), "--params", os.path.join(res, "ka-demo-parameters.json"),
                "--trsp-trajectories", "2", "--trap-bins", "64", "--ti", "1.0", "--tf", "0.5", "--n", "256", "--replicas", "1",
                "--equilibrate", "10", "--melt-steps", "10", "--tw-min", "0.05", "--tw-max", "0.1", "--per-decade", "1",
                "--positions", "thermal", "--threads", "1", "--quiet", "--out", out]
        summary = os.path.join(self.rundir, "report", "summary.json")
        if os.path.isfile(summary):
            args += ["--summary", summary]
        code, err = softglass(*args)
        self.assertEqual(code, 0, err)
        doc = self.check(os.path.join(out, "aging.json"), "md-aging")
        self.assertIn("models", doc)
        self.assertIn("trap_at_late", doc["temperatures"][0])
        self.manifest(os.path.join(out, "manifest.json"))
        bad = copy.deepcopy(doc)
        bad["temperatures"][0]["md_replicas_mean_s"][0][0] = "NaN"   # the writer maps non-finite values to null
        self.assertNotEqual(errors("md-aging", bad), [], "the string NaN in md_replicas_mean_s")
        del doc["temperatures"][0]["trap_at_late"]
        self.assertNotEqual(errors("md-aging", doc), [], "with models every T_F has trap_at_late")

    def test_validation(self):
        fixtures = os.path.normpath(os.path.join(ROOT, "..", "shared", "fixtures"))
        if not os.path.isdir(os.path.join(fixtures, "lammps")):
            self.skipTest("no fixtures at " + fixtures + " (softglass validate needs them)")
        path = os.path.join(self.tmp.name, "validation.json")
        code, err = softglass("validate", "--only", "lammps.thermal-energy", "--fixtures", fixtures, "--threads", "1", "--quiet", "--json", path)
        self.assertTrue(os.path.isfile(path), err)
        doc = self.check(path, "validation")
        self.assertEqual(code, 0 if doc["all_pass"] else 1, err)
        self.manifest(path + ".manifest.json")
        doc["all_pass"] = not doc["all_pass"]
        self.assertNotEqual(errors("validation", doc), [], "all_pass must agree with the checks")


if __name__ == "__main__":
    unittest.main()
