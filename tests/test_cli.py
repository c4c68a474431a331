"""The CLI end to end on real files and a real SQLite store: ingest, extract, list, show, export, demo,
bad input, re-runs and interrupted runs."""

import csv
import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from ctwatch.cli import main

from .ingest.pdfmaker import make_pdf

pytestmark = pytest.mark.slow

ARTICLE = (
    "Bomb kills four policemen in Bannu\n\n"
    "BANNU, July 3, 2023 (Wire) - A roadside bomb struck a police van in Bannu on Monday, killing four "
    "policemen and wounding three others, officials said. The Tehreek-e-Taliban Pakistan claimed responsibility."
)


def run(*args, input=None):
    result = CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)
    return result


@pytest.fixture
def article(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "bannu.txt").write_text(ARTICLE, encoding="utf-8")
    return folder


def test_help_lists_commands():
    out = run("--help").output
    for cmd in ("ingest", "extract", "incidents", "show", "export", "demo", "bench"):
        assert cmd in out


@pytest.mark.parametrize("command", ["ingest", "extract"])
def test_workers_run_the_pipeline_in_processes(tmp_path, article, command):
    db = str(tmp_path / "w.db")
    r = run(command, str(article), "--workers", "2", *(["--db", db, "-q"] if command == "ingest" else []))
    assert r.exit_code == 0, r.output
    if command == "ingest":
        assert "1 documents (1 new" in r.output and "1 incidents found" in r.output
    else:
        assert json.loads(r.output)["documents"][0]["incidents"][0]["attack_types"] == ["Bombing/Explosion"]
    r = run(command, str(article), "--workers", "0")
    assert r.exit_code == 2 and "--workers" in r.output


def test_ingest_list_show_export(tmp_path, article):
    db = str(tmp_path / "x.db")
    r = run("ingest", str(article), "--db", db, "-q")
    assert r.exit_code == 0, r.output
    assert "1 documents (1 new" in r.output and "1 incidents found" in r.output

    r = run(
        "incidents",
        "--db",
        db,
        "--group",
        "Pakistani Taliban",
        "--country",
        "PAK",
        "--type",
        "bomb",
        "--since",
        "2023-07-01",
        "--until",
        "2023-07-31",
        "--text",
        "roadside",
    )
    assert r.exit_code == 0 and "Bannu" in r.output and "Tehrik-i-Taliban Pakistan (claimed)" in r.output
    assert run("incidents", "--db", db, "--country", "AFG").output.strip() == "no incidents"

    rows = json.loads(run("incidents", "--db", db, "--format", "json").output)
    inc_id = rows[0]["id"]
    r = run("show", inc_id[:10], "--db", db)
    assert r.exit_code == 0
    assert "evidence:" in r.output and "A roadside bomb struck a police van" in r.output
    assert "killed:  4" in r.output

    r = run("export", "--db", db, "--format", "csv")
    (row,) = list(csv.DictReader(io.StringIO(r.output)))
    assert row["id"] == inc_id and row["killed_best"] == "4" and row["country"] == "PAK"
    geo = json.loads(run("export", "--db", db, "--format", "geojson").output)
    assert geo["type"] == "FeatureCollection" and geo["features"][0]["geometry"]["type"] == "Point"
    lon, lat = geo["features"][0]["geometry"]["coordinates"]
    assert 32 < lat < 34 and 70 < lon < 71.5
    out = tmp_path / "all.json"
    run("export", "--db", db, "--format", "json", "--out", str(out))
    assert json.loads(out.read_text())["incidents"][0]["id"] == inc_id


def test_show_unknown_id_and_missing_db(tmp_path, article):
    db = str(tmp_path / "x.db")
    r = run("incidents", "--db", db)
    assert r.exit_code == 1 and "ctwatch demo" in r.output
    run("ingest", str(article), "--db", db, "-q")
    r = run("show", "inc_nope", "--db", db)
    assert r.exit_code == 1 and "ctwatch incidents" in r.output


def test_extract_prints_the_schema_object(article):
    r = run("extract", str(article / "bannu.txt"))
    data = json.loads(r.output)
    (doc,) = data["documents"]
    assert set(doc) >= {
        "id",
        "source",
        "title",
        "published",
        "language",
        "genre",
        "incidents",
        "interactions",
    }
    inc = doc["incidents"][0]
    assert set(inc) >= {
        "id",
        "status",
        "date",
        "location",
        "attack_types",
        "target_types",
        "weapon_types",
        "perpetrators",
        "victims",
        "killed",
        "wounded",
        "confidence",
        "evidence",
    }
    assert {"ttp"} <= {a["id"] for a in data["actors"]}
    table = run("extract", str(article / "bannu.txt"), "--format", "table").output
    assert "Bannu" in table and "Bombing/Explosion" in table


def test_stdin(tmp_path):
    db = str(tmp_path / "x.db")
    r = run("ingest", "-", "--db", db, "-q", input=ARTICLE)
    assert r.exit_code == 0 and "1 new" in r.output


def test_bad_input_folder(tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "random.bin.txt").write_bytes(os.urandom(4096))
    with open(folder / "huge.txt", "wb") as fh:  # 300 MB, sparse: refused on its size before any read
        fh.truncate(300 * 1024 * 1024)
    (folder / "invalid-utf8.txt").write_bytes(
        bytes([0xC3, 0x28, 0xA0, 0xA1, 0xE2, 0x28, 0xA1, 0xF0, 0x28, 0x8C]) * 60
    )
    (folder / "truncated.pdf").write_bytes(make_pdf(["A report on attacks."])[:150])
    (folder / "malformed.rss").write_text("<rss><channel><item><title>cut", encoding="utf-8")
    (folder / "valid.txt").write_text(ARTICLE, encoding="utf-8")
    db = str(tmp_path / "x.db")

    r = CliRunner().invoke(main, ["ingest", str(folder), "--db", db, "-q"])
    assert r.exit_code == 2
    lines = [line for line in r.output.splitlines() if line.startswith("skipped ")]
    assert len(lines) == 6
    for name in (
        "empty.txt",
        "random.bin.txt",
        "huge.txt",
        "invalid-utf8.txt",
        "truncated.pdf",
        "malformed.rss",
    ):
        (line,) = [line for line in lines if name in line]
        assert ": " in line.split(name, 1)[1]  # path, then the cause
    assert "300 MB" in next(line for line in lines if "huge.txt" in line)
    assert "1 documents (1 new" in r.output

    before = sqlite3.connect(db).execute("SELECT count(*), group_concat(id) FROM documents").fetchone()
    r2 = CliRunner().invoke(main, ["ingest", str(folder), "--db", db, "-q"])
    assert r2.exit_code == 2 and "0 new" in r2.output and "1 unchanged" in r2.output
    after = sqlite3.connect(db).execute("SELECT count(*), group_concat(id) FROM documents").fetchone()
    assert before == after == (1, before[1])


def test_demo(tmp_path):
    db = str(tmp_path / "demo.db")
    r = run("demo", "--db", db, "-q")
    assert r.exit_code == 0, r.output
    assert "9 documents (9 new" in r.output
    assert "Quetta" in r.output and "historical" in r.output
    again = run("demo", "--db", db, "-q")
    assert "0 new" in again.output and "9 unchanged" in again.output
    # interactions: an actor known only by what it is shows its sector; a dateline is nobody
    table = run("interactions", "--db", db).output
    assert "officials [GOV PAK]" in table and "Tehrik-i-Taliban Pakistan" in table
    assert "ASSAULT    China" not in table


def _corpus(folder, n):
    folder.mkdir()
    places = ["Quetta", "Peshawar", "Bannu", "Karachi", "Lahore", "Kabul"]
    for i in range(n):
        (folder / f"r{i:03d}.txt").write_text(
            f"Report {i}\n\nA bomb exploded near a police station in {places[i % len(places)]} on "
            f"{1 + i % 27} March 2023, killing {i % 9 + 1} people and wounding {i % 7 + 2} others, police said.",
            encoding="utf-8",
        )


def _state(db):
    con = sqlite3.connect(db)
    docs = sorted(r[0] for r in con.execute("SELECT id FROM documents"))
    incs = sorted(r[0] for r in con.execute("SELECT id FROM incidents"))
    ev = con.execute("SELECT count(*) FROM evidence").fetchone()[0]
    return docs, incs, ev


@pytest.mark.parametrize("workers", ["1", "2"])
def test_interrupted_run_resumes_to_the_same_result(tmp_path, workers):
    folder = tmp_path / "corpus"
    _corpus(folder, 60)
    cmd = [sys.executable, "-m", "ctwatch.cli", "ingest", str(folder), "-q", "--db"]
    full = str(tmp_path / "full.db")
    subprocess.run([*cmd, full], check=True, capture_output=True)

    cut = str(tmp_path / "cut.db")
    cmd = [*cmd[:-1], "--workers", workers, "--db"]  # killed and resumed in worker processes, same result
    proc = subprocess.Popen([*cmd, cut], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    stored = 0
    while time.time() < deadline and proc.poll() is None:
        try:
            stored = sqlite3.connect(cut, timeout=1).execute("SELECT count(*) FROM documents").fetchone()[0]
        except sqlite3.Error:
            stored = 0
        if stored >= 3:
            break
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    partial = _state(cut)
    assert 0 < len(partial[0]) < 60, "the run was not cut in the middle"

    subprocess.run([*cmd, cut], check=True, capture_output=True)
    assert _state(cut) == _state(full)
    assert len(_state(full)[0]) == 60


FUSION = __import__("pathlib").Path(__file__).parent / "fixtures" / "fusion"


def test_curation_commands(tmp_path):
    db = str(tmp_path / "f.db")
    r = run("ingest", str(FUSION / "reports.jsonl"), "--db", db, "-q")
    assert "8 incidents from 32 reports" in r.output
    rows = json.loads(run("incidents", "--db", db, "--format", "json", "--limit", "50").output)
    peshawar = [i for i in rows if i["location"]["name"] == "Police Lines Peshawar"][0]
    market = [
        i for i in rows if i["attack_types"] == ["Bombing/Explosion"] and i["location"]["name"] == "Peshawar"
    ][0]

    shown = run("show", peshawar["id"], "--db", db).output
    assert "claims (oldest first):" in shown and "[opinion]" in shown and "84 (28-101)" in shown

    assert run("merge", peshawar["id"], market["id"], "--db", db, "--why", "test").exit_code == 0
    assert len(json.loads(run("incidents", "--db", db, "--format", "json").output)) == 7
    assert run("undo", "--db", db).exit_code == 0
    assert len(json.loads(run("incidents", "--db", db, "--format", "json").output)) == 8

    op_claim = [c["id"] for c in peshawar["claims"] if c["genre"] == "opinion"][0]
    r = run(
        "split",
        peshawar["id"],
        "--claims",
        op_claim[:14],
        "--db",
        db,
        "--why",
        "vague mention",
        "--who",
        "ana",
    )
    assert r.exit_code == 0 and "split:" in r.output
    log = run("fuse", "--log", "--db", db).output
    assert "merge (undone)" in log and "ana: split" in log
    assert "9 incidents" in run("fuse", "--rebuild", "--db", db).output
    claims = json.loads(run("incidents", "--claims", "--db", db, "--format", "json", "--limit", "100").output)
    assert len(claims) == 32 and all(c["fused_id"] for c in claims)
    r = run("merge", "inc_nothing", peshawar["id"], "--db", db, "--why", "x")
    assert r.exit_code == 3 and "no single incident" in r.output


def test_bench_fusion_command():
    out = json.loads(run("bench", "fusion", str(FUSION), "--json").output)
    assert set(out) >= {
        "incidents",
        "gold_incidents",
        "pair_precision",
        "pair_recall",
        "best_count_accuracy",
        "seconds_per_10k",
    }
    assert out["gold_incidents"] == 8
    curve = json.loads(run("bench", "fusion-scale", "--sizes", "200,400", "--json").output)["curve"]
    assert [row["claims"] for row in curve] == [200, 400]
