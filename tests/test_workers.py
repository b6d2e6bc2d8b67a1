"""Worker processes forked from a server that preloaded the run (storyline.preload): they must give
exactly the records of the serial path, report a failing stage as the serial path does, and load
for themselves when the server was made for other options. Each case runs in a fresh Python
process: multiprocessing keeps one fork server per process, started by its first pool."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import storyline

PROBE = '''
import os
from storyline.pipeline import stage

@stage("test_probe", needs=("sentences",))
def probe(doc, ctx):
    """Where the context came from, and a failure for the document that asks for one."""
    doc.metadata["preloaded"] = ctx.loaded_in != os.getpid()
    if "BREAK-THIS-STAGE" in doc.text:
        raise RuntimeError("a stage bug")
    return doc
'''

RUN = '''
import json, sys
from storyline.model import RawDocument
from storyline.options import Options
from storyline.pipeline import extract
import probe_stages  # noqa: F401 - registers test_probe

STAGES = ("parse", "dates", "actors", "quotes", "events", "test_probe")

def run(texts, **kw):
    items = [RawDocument(f"doc{i}", f"doc{i}", t) for i, t in enumerate(texts)]
    out = []
    for o in extract(items, Options(batch_size=1, **kw)):
        d = o.document.to_dict() if o.document else None
        preloaded = d["metadata"].pop("preloaded", None) if d else None
        out.append({"doc": d, "error": o.error, "warning": o.warning, "preloaded": preloaded})
    return out

if __name__ == "__main__":
    texts = json.loads(sys.stdin.read())
    result = {"forked": run(texts, workers=2, stages=STAGES),
              "serial": run(texts, workers=1, stages=STAGES),
              "other": run(texts, workers=2, stages=STAGES, max_chars=10**7 + 1)}
    print(json.dumps(result))
'''

TEXTS = [
    "MOSCOW, May 4 - Russia and Turkey held talks in Sochi on Monday about a ceasefire, officials said.\n\n"
    '"We agreed to meet again next week," the Turkish foreign minister told reporters.',
    "Rebels attacked an army post near the border on Friday, killing three soldiers, the ministry said.",
    "The United Nations envoy will visit the capital in June to press both sides to resume negotiations.",
    "BREAK-THIS-STAGE The government denied on Sunday that its forces had shelled the town.",
]


def _run(tmp_path: Path) -> dict[str, list[dict[str, object]]]:
    (tmp_path / "probe_stages.py").write_text(PROBE, encoding="utf-8")
    (tmp_path / "run_workers.py").write_text(RUN, encoding="utf-8")
    src = str(Path(storyline.__file__).resolve().parents[1])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([src, os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run([sys.executable, str(tmp_path / "run_workers.py")], input=json.dumps(TEXTS),
                          capture_output=True, text=True, env=env, cwd=tmp_path, timeout=900, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def test_forked_workers_preload_and_match_the_serial_path(tmp_path: Path) -> None:
    result = _run(tmp_path)
    forked, serial, other = result["forked"], result["serial"], result["other"]
    # the first pool's workers were forked from the server with this run loaded
    assert all(r["preloaded"] for r in forked), [r["preloaded"] for r in forked]
    assert [r["preloaded"] for r in serial] == [False] * len(TEXTS)
    # the same records, document for document, as one process gives
    assert [r["doc"] for r in forked] == [r["doc"] for r in serial]
    assert any(r["doc"]["events"] for r in serial)  # the texts do reach the coder
    # a stage failing for one document in a worker costs that stage of that document, as serially
    assert [r["warning"] for r in forked] == [r["warning"] for r in serial]
    broken = forked[3]
    assert broken["error"] is None and "test_probe: failed (RuntimeError: a stage bug" in broken["warning"]
    assert broken["doc"]["events"] == serial[3]["doc"]["events"]
    assert all(r["warning"] is None for r in forked[:3])
    # a later pool of the same process with other options: its workers load for themselves
    assert [r["preloaded"] for r in other[:3]] == [False] * 3
    assert [r["doc"] for r in other] == [r["doc"] for r in serial]
