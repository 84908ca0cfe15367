#!/usr/bin/python3
"""Writes the GSD test fixtures of GsdReaderTest with Debian's python3-gsd (and one file packed by hand).

Usage: make_fixtures.py OUTDIR [SEED]     (the committed files were made with SEED 1)

Files:
  hoomd.gsd        three frames written by gsd.hoomd (file layer 2.x). Frame 1 repeats frame 0's box and
                   velocities, so the writer leaves those chunks out and a reader must take them from frame 0;
                   frame 2 changes the box and the velocities. Positions, images and type ids differ in every frame.
  static_momentum.gsd  two frames as HOOMD's default writer (dynamic=['property']) makes them: images and
                   velocities in frame 0 only, so frame 1's are unknown (not frame 0's).
  hoomd_v1.gsd     frame 0 of hoomd.gsd, packed by hand in the file-layer 1.0 layout (fixed 64-byte names).
  triclinic.gsd    one frame with tilt xy = 0.5 (a reader must refuse it, naming the box).
  not_hoomd.gsd    a GSD file of schema 'other' (a reader must refuse it).
  expected.json    what a reader must return for every frame of hoomd.gsd: step, box [Lx Ly Lz xy xz yz],
                   typeid, position (the float32 values, as doubles), image, velocity.
"""
import json
import struct
import sys

import numpy as np
import gsd.fl
import gsd.hoomd

out = sys.argv[1]
rng = np.random.default_rng(int(sys.argv[2]) if len(sys.argv) > 2 else 1)
N = 7
Snapshot = getattr(gsd.hoomd, "Frame", None) or gsd.hoomd.Snapshot


def snapshot(step, box, velocity):
    s = Snapshot()
    s.configuration.step = step
    s.configuration.box = box
    s.particles.N = N
    s.particles.types = ["A", "B"]
    s.particles.typeid = rng.integers(0, 2, N).astype(np.uint32)
    lo = -np.array(box[:3]) / 2
    s.particles.position = (lo + rng.random((N, 3)) * np.array(box[:3])).astype(np.float32)
    s.particles.image = rng.integers(-3, 4, (N, 3)).astype(np.int32)
    s.particles.velocity = velocity
    return s


vel = rng.normal(size=(N, 3)).astype(np.float32)
vel2 = rng.normal(size=(N, 3)).astype(np.float32)
frames = [snapshot(100, [4.0, 5.0, 6.0, 0, 0, 0], vel),
          snapshot(200, [4.0, 5.0, 6.0, 0, 0, 0], vel),
          snapshot(300, [4.5, 5.0, 6.0, 0, 0, 0], vel2)]
frames[1].particles.image = np.zeros((N, 3), dtype=np.int32)
with gsd.hoomd.open(f"{out}/hoomd.gsd", "wb") as t:
    for s in frames:
        t.append(s)

with gsd.fl.open(f"{out}/hoomd.gsd", "rb") as f:
    assert not f.chunk_exists(frame=1, name="configuration/box"), "the writer kept a repeated box"
    assert not f.chunk_exists(frame=1, name="particles/velocity"), "the writer kept repeated velocities"
    assert f.chunk_exists(frame=2, name="configuration/box")
    assert f.chunk_exists(frame=2, name="particles/velocity")

# HOOMD's default GSD writer stores particles/image and particles/velocity in frame 0 only
with gsd.fl.open(f"{out}/static_momentum.gsd", "wb", application="softglass test", schema="hoomd", schema_version=[1, 4]) as f:
    for k in range(2):
        s = frames[k]
        f.write_chunk("configuration/step", np.array([s.configuration.step], dtype=np.uint64))
        if k == 0:
            f.write_chunk("configuration/box", np.array(s.configuration.box, dtype=np.float32))
            f.write_chunk("particles/N", np.array([N], dtype=np.uint32))
            f.write_chunk("particles/types", np.array([[ord("A"), 0], [ord("B"), 0]], dtype=np.int8))
            f.write_chunk("particles/typeid", s.particles.typeid)
            f.write_chunk("particles/image", s.particles.image)
            f.write_chunk("particles/velocity", s.particles.velocity)
        f.write_chunk("particles/position", s.particles.position)
        f.end_frame()

expected = [{"step": int(s.configuration.step), "box": [float(v) for v in np.float32(s.configuration.box)],
             "typeid": s.particles.typeid.tolist(), "position": s.particles.position.astype(float).tolist(),
             "image": s.particles.image.tolist(), "velocity": s.particles.velocity.astype(float).tolist()} for s in frames]
with open(f"{out}/expected.json", "w") as f:
    json.dump(expected, f, indent=1)

tri = snapshot(0, [4.0, 5.0, 6.0, 0.5, 0, 0], vel)
with gsd.hoomd.open(f"{out}/triclinic.gsd", "wb") as t:
    t.append(tri)

with gsd.fl.open(f"{out}/not_hoomd.gsd", "wb", application="softglass test", schema="other", schema_version=[1, 0]) as f:
    f.write_chunk("particles/N", np.array([1], dtype=np.uint32))
    f.end_frame()


def pack_v1(path, chunks):
    """File layer 1.0: header, chunks, a namelist of fixed 64-byte names, then the index (32-byte entries)."""
    types = {np.dtype("uint8"): 1, np.dtype("uint32"): 3, np.dtype("uint64"): 4, np.dtype("int32"): 7, np.dtype("float32"): 9}
    body, index, names = b"", [], []
    for name, arr in chunks:
        arr = np.ascontiguousarray(arr)
        n, m = (arr.shape[0], 1) if arr.ndim == 1 else arr.shape
        names.append(name)
        index.append(struct.pack("<QQqIHBB", 0, n, 256 + len(body), m, len(names) - 1, types[arr.dtype], 0))
        body += arr.tobytes()
    namelist = b"".join(n.encode().ljust(64, b"\0") for n in names)
    name_loc = 256 + len(body)
    index_loc = name_loc + len(namelist)
    header = struct.pack("<QQQQQII64s64s80s", 0x65DF65DF65DF65DF, index_loc, len(index), name_loc, len(names),
                         (1 << 16) | 4, (1 << 16) | 0, b"softglass test", b"hoomd", b"")
    with open(path, "wb") as f:
        f.write(header + body + namelist + b"".join(index))


s = frames[0]
pack_v1(f"{out}/hoomd_v1.gsd", [
    ("configuration/step", np.array([s.configuration.step], dtype=np.uint64)),
    ("configuration/box", np.array(s.configuration.box, dtype=np.float32)),
    ("particles/N", np.array([N], dtype=np.uint32)),
    ("particles/types", np.array([[ord("A"), 0], [ord("B"), 0]], dtype=np.uint8)),
    ("particles/typeid", s.particles.typeid),
    ("particles/position", s.particles.position),
    ("particles/image", s.particles.image),
    ("particles/velocity", s.particles.velocity)])
