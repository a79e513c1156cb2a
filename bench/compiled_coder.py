"""The production build of the coder (mypyc-compiled wheel) from this tree, for the tests and benchmarks.

    .venv/bin/python -m bench.compiled_coder        # build (or reuse) it and print the PYTHONPATH entry

The wheel is what ``deploy/Dockerfile`` builds: ``pip wheel`` with the mypyc build hook of
``pyproject.toml`` (``HATCH_BUILD_HOOK_ENABLE_MYPYC=true``), run on a copy of the tree (the hook compiles
in place, and ``.so`` files beside the sources would shadow them in the editable install). It is unpacked
under ``.cache/compiled-coder/<hash of the sources>/``, so a rerun with unchanged sources costs nothing;
put that directory first on ``PYTHONPATH`` to import the compiled ``worker`` (its dependencies come from
the venv). Needs a C compiler and the dev extras (hatchling, hatch-mypyc, mypy); no network.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".cache" / "compiled-coder"
ENABLE_HOOK = {"HATCH_BUILD_HOOK_ENABLE_MYPYC": "true"}
#: what the wheel is built from (as in deploy/Dockerfile)
_SOURCES = ("pyproject.toml", "README.md", "schemas", "worker")


def _files(root: Path) -> list[Path]:
    out: list[Path] = []
    for name in _SOURCES:
        path = root / name
        if path.is_dir():
            out.extend(
                p
                for p in sorted(path.rglob("*"))
                if p.is_file() and "__pycache__" not in p.parts and p.suffix not in (".pyc", ".so")
            )
        else:
            out.append(path)
    return out


def sources_digest(root: Path = ROOT) -> str:
    """A hash of every file the wheel is built from, and of the interpreter that builds it."""
    digest = hashlib.sha256(sys.version.encode())
    for path in _files(root):
        digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def build_wheel(root: Path, out_dir: Path) -> Path:
    """Build the compiled wheel of ``root`` into ``out_dir`` (from a temporary copy); its path."""
    with tempfile.TemporaryDirectory(prefix="news-events-wheel-") as tmp:
        src = Path(tmp) / "src"
        for path in _files(root):
            target = src / path.relative_to(root)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)
        built = subprocess.run(
            [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
             "--wheel-dir", str(out_dir), str(src)],
            env={**os.environ, **ENABLE_HOOK, "PIP_DISABLE_PIP_VERSION_CHECK": "1"},
            capture_output=True,
            text=True,
            check=False,
        )  # fmt: skip
        if built.returncode != 0:
            output = (built.stdout + built.stderr)[-3000:]
            raise RuntimeError(f"building the compiled wheel failed:\n{output}")
    wheels = sorted(out_dir.glob("news_events-*.whl"))
    if not wheels:
        raise RuntimeError(f"no wheel in {out_dir}")
    return wheels[-1]


def compiled_site(root: Path = ROOT, cache: Path = CACHE) -> Path:
    """A directory holding the compiled ``worker`` package of ``root`` (built once per source hash)."""
    site = cache / sources_digest(root) / "site"
    if (site / "worker").is_dir():
        return site
    work = site.parent
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    wheel = build_wheel(root, work / "wheel")
    partial = work / "site.partial"
    with zipfile.ZipFile(wheel) as zf:
        zf.extractall(partial)
    partial.rename(site)
    for old in cache.iterdir():  # keep the cache to the current build
        if old != work:
            shutil.rmtree(old, ignore_errors=True)
    return site


if __name__ == "__main__":
    print(compiled_site())
