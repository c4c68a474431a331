"""Running the reference MUC-4 scorer of ../shared/eval/scoring on a predictions dict."""

import json
import re
import subprocess
import sys

from ..conftest import SHARED

REFERENCE = SHARED / "eval" / "scoring" / "muc4_score.py"


def reference_scores(mode, gold, pred, tmp_path):
    """{row name: [P, R, F1]} as the reference scorer prints them (mode: "template" or "ree")."""
    path = tmp_path / "pred.json"
    path.write_text(json.dumps(pred), encoding="utf-8")
    out = subprocess.run(
        [sys.executable, str(REFERENCE), mode, str(gold), str(path)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rows = re.findall(r"^(\S+)\s+P\s+([\d.]+)\s+R\s+([\d.]+)\s+F1\s+([\d.]+)", out, re.M)
    assert rows, out
    return {name: [float(p), float(r), float(f)] for name, p, r, f in rows}
