"""kill -9 during a build, then build again: the store equals a clean build (quads and SHACL report)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from graph.ingest import build
from graph.settings import Settings
from graph.store import Store
from graph.synthetic import SyntheticCorpus
from graph.validate import validate_store


def test_killed_build_then_rebuild_equals_a_clean_build(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    SyntheticCorpus(Settings().reference).write(pages, 600)
    crashed = tmp_path / "crashed"
    env = dict(os.environ, PARLGRAPH_BATCH_SIZE="40", PARLGRAPH_WORKERS="1")
    process = subprocess.Popen([sys.executable, "-m", "graph", "build", str(pages), "--store", str(crashed),
                                "--no-extract"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not (crashed / "CURRENT").exists():
        time.sleep(0.05)
    time.sleep(2.5)  # well into loading
    assert process.poll() is None, "the build finished before it could be killed; make the corpus bigger"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()

    store = Store(crashed)  # reopens after the crash (RocksDB recovers its write-ahead log)
    settings = Settings(store=str(crashed), workers=1)
    report = build([pages], store, settings, extract=False)
    assert report.questions == 600 and not report.rejected

    clean_path = tmp_path / "clean"
    clean = Store(clean_path)
    build([pages], clean, Settings(store=str(clean_path), workers=1), extract=False)
    assert store.count_quads() == clean.count_quads()
    assert sorted(store.dump().splitlines()) == sorted(clean.dump().splitlines())
    crashed_report, clean_report = validate_store(store, settings), validate_store(clean, settings)
    assert crashed_report.conforms == clean_report.conforms and crashed_report.violations == clean_report.violations
