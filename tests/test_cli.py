"""The `parlgraph` command as a user runs it: output, exit codes, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import SEEDS


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "graph", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=120)


def test_parse_prints_json_lines() -> None:
    result = run("parse", str(SEEDS / "7-1874.fr.txt"), str(SEEDS / "7-639.nl.txt"))
    assert result.returncode == 0
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["number"] for r in records] == ["7-1874", "7-639"]


def test_parse_bad_file_is_one_line_and_exit_1(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("hello\n", encoding="utf-8")
    result = run("parse", str(bad), str(SEEDS / "7-75.fr.txt"))
    assert result.returncode == 1
    assert json.loads(result.stdout)["number"] == "7-75"
    assert result.stderr.strip().startswith(f"error: {bad}:1: not a Senate written-question page")
    assert "Traceback" not in result.stderr


def test_build_reports_rejected_and_exits_1(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "7-75.fr.txt").write_bytes((SEEDS / "7-75.fr.txt").read_bytes())
    (pages / "broken.txt").write_bytes(b"\x00\x00")
    result = run("build", str(pages), "--store", str(tmp_path / "store"), "--no-extract")
    assert result.returncode == 1
    assert "rejected: 1" in result.stderr and "broken.txt: binary file" in result.stderr
    query = run("query", "SELECT ?n { ?q a <https://w3id.org/parlgraph/ontology#WrittenQuestion> ; "
                "<http://purl.org/dc/terms/identifier> ?n }", "--store", str(tmp_path / "store"), "--format", "csv")
    assert query.returncode == 0 and query.stdout.split() == ["n", "7-75"]


def test_query_usage_errors(tmp_path: Path) -> None:
    assert run("query").returncode == 2
    missing = run("query", "ASK {}", "--store", str(tmp_path / "nothing"))
    assert missing.returncode == 1 and "run 'parlgraph build' first" in missing.stderr
    assert run("build", str(tmp_path / "no-such-dir"), "--store", str(tmp_path / "s")).returncode == 2


def test_malformed_query_is_one_line(seed_store_path: Path) -> None:
    result = run("query", "SELEC nothing", "--store", str(seed_store_path))
    assert result.returncode == 1 and result.stderr.startswith("error: malformed query")
    assert "Traceback" not in result.stderr


def test_validate_on_seed_store(seed_store_path: Path) -> None:
    result = run("validate", "--store", str(seed_store_path))
    assert result.returncode == 0 and "conforms" in result.stdout
