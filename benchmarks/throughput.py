"""Whole-process throughput and memory of ``storyline ingest``, next to spaCy alone.

What a data engineer sizes a run with: articles per second of the real command (start-up,
reading, cleaning, every stage, the DuckDB writes), CPU seconds per article, and peak memory,
at ``--workers 1`` and ``--workers 2``. The baseline, measured in the same run on the same
articles, is a process that only loads the same spaCy model and runs ``nlp.pipe`` over the texts
with the same batch size, in as many processes (``n_process``) as the run it is set against has
workers: the ratios say what storyline costs on top of the parse it cannot do
without. Every command also runs on one article, which gives its start-up time (imports, model,
knowledge base, worker processes) and so the steady rate a long run approaches.

Each command runs in a fresh subprocess under a small wrapper process, so
``resource.getrusage(RUSAGE_CHILDREN)`` of the wrapper sees that command alone: its CPU time and
``ru_maxrss``, the peak resident memory of its largest process (with workers, the main process or
one worker, whichever peaked higher). On Linux the wrapper also samples the summed RSS of the
whole process tree every 0.2 s: what the run needs from the machine with every worker counted
(shared library pages count once per process, so it errs high).

The first N articles of the corpus are copied to a temporary JSON Lines file (never into the
repository: the BBC and Reuters files are for research use only), ingested into a temporary
database and deleted afterwards. Given several corpus files, the sample takes one article of each
in turn (a mixed sample: dated and undated, long and short articles).

For a robustness run at scale, ``--story`` also measures, on the database of the last ingest,
the story layer rebuilt from scratch (``storyline story --rebuild``: the update ``ingest`` ran
at its end, alone), then ``storyline timeline --format json`` and ``storyline network --format
json``; ``--slowest K`` times every article alone (one process, one article per batch) and lists
the K slowest, to find pathological documents.

``--commit-every`` takes several values (each a run of its own; without it, storyline's
default), and ``--src NAME=DIR`` runs the same commands on another checkout's ``src`` folder too
(``git worktree add`` or ``git archive`` an older commit): two versions of the code compared in one
session, on the same machine load, next to the same baseline.

    python benchmarks/throughput.py [--corpus FILE ...] [--limit 200] [--workers 1 2] [--rounds 1]
                                    [--commit-every N ...] [--src NAME=DIR ...]
                                    [--no-baseline] [--story] [--slowest K]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from storyline.options import Options
from storyline.store import Store

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "news-corpus" / "news-bbc.jsonl.gz"
SAMPLE_SECONDS = 0.2
BASELINE = "spaCy nlp.pipe alone"


# ---------------------------------------------------------------- inside the wrapper process


def _tree_rss_kib(root: int) -> int:
    """Summed VmRSS of ``root`` and its descendants, read from /proc (0 where /proc is absent)."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.scandir("/proc") if os.path.isdir("/proc") else ():
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/status", encoding="ascii", errors="replace") as fh:
                fields = dict(line.split(":", 1) for line in fh if ":" in line)
        except OSError:  # the process ended while we looked
            continue
        pid = int(entry.name)
        parents[pid] = int(fields.get("PPid", "0").strip() or 0)
        rss[pid] = int(fields.get("VmRSS", "0 kB").split()[0]) if "VmRSS" in fields else 0
    tree, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        children = [p for p, pp in parents.items() if pp == parent and p not in tree]
        tree.update(children)
        frontier.extend(children)
    return sum(rss.get(p, 0) for p in tree)


def _adopt_orphans() -> bool:
    """Make this process the reaper of its orphaned descendants (Linux): storyline's workers are
    children of multiprocessing's fork server, which outlives the command by a moment, and only
    descendants this process waits for count in its ``RUSAGE_CHILDREN``."""
    try:
        import ctypes

        return ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0) == 0  # PR_SET_CHILD_SUBREAPER
    except (OSError, AttributeError):
        return False


def _reap_orphans() -> None:
    """Wait for every descendant left (reparented to this process by ``_adopt_orphans``)."""
    while True:
        try:
            os.waitpid(-1, 0)
        except ChildProcessError:
            return


def measure(cmd: list[str], watch: Callable[[int], None] | None = None) -> dict[str, Any]:
    """Run ``cmd`` to its end; its wall time, CPU time and memory, with its exit code and stderr.
    ``watch`` is called with the command's pid at every sample (what another benchmark samples).
    Processes the command left behind (a fork server ending) count: they are waited for."""
    adopted = _adopt_orphans()
    peak_tree = 0
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    done = threading.Event()

    def sample() -> None:
        nonlocal peak_tree
        while not done.wait(SAMPLE_SECONDS):
            peak_tree = max(peak_tree, _tree_rss_kib(proc.pid))
            if watch is not None:
                watch(proc.pid)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    wall = time.perf_counter() - start
    done.set()
    sampler.join()
    if adopted:
        _reap_orphans()
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"code": proc.returncode, "wall": wall, "cpu": usage.ru_utime + usage.ru_stime,
            "maxrss_kib": usage.ru_maxrss, "tree_kib": peak_tree, "stderr": err}


def baseline(texts_file: str, model: str, batch_size: int, n_process: int = 1) -> None:
    """spaCy alone: load the model, parse every text (in ``n_process`` processes), nothing else."""
    import spacy

    with open(texts_file, encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh]
    nlp = spacy.load(model)
    for _ in nlp.pipe(texts, batch_size=batch_size, n_process=n_process):
        pass


def _baseline_of(label: str) -> str:
    """The spaCy baseline a run is set against: the one with as many processes as it has workers."""
    m = re.search(r"--workers (\d+)", label)
    return baseline_label(int(m[1]) if m else 1)


def baseline_label(n_process: int) -> str:
    return BASELINE if n_process == 1 else f"{BASELINE}, {n_process} processes"


# ---------------------------------------------------------------- the benchmark


def _wrapped(cmd: list[str]) -> dict[str, Any]:
    """``cmd`` measured from a wrapper process of its own, so no earlier run's children count."""
    out = subprocess.run([sys.executable, __file__, "--measure", json.dumps(cmd)],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def _sample(corpora: list[Path], limit: int, dest: Path) -> int:
    """The first ``limit`` articles with text, one of each corpus file in turn."""
    sources = [(gzip.open if c.suffix == ".gz" else open)(c, "rt", encoding="utf-8") for c in corpora]
    n = 0
    try:
        with dest.open("w", encoding="utf-8") as out:
            while sources and n < limit:
                for src in list(sources):
                    line = next((ln for ln in src if ln.strip() and json.loads(ln).get("text", "").strip()), None)
                    if line is None:
                        sources.remove(src)
                        continue
                    out.write(line if line.endswith("\n") else line + "\n")
                    n += 1
                    if n >= limit:
                        break
    finally:
        for src in sources:
            src.close()
    return n


def _per_document(sample: Path, slowest: int) -> None:
    """Every article through the stages alone, timed: the distribution and the slowest."""
    from storyline.pipeline import Context, process_batch
    from storyline.read import read_paths

    ctx = Context(Options())
    ctx.nlp  # noqa: B018 - loaded before the clock starts
    times: list[tuple[float, str, int, str]] = []
    items = list(read_paths([str(sample)]))
    process_batch(items[:1], ctx)  # untimed: what loads on first use (lexicons, knowledge base) loads here
    for item in items:
        start = time.perf_counter()
        (outcome,) = process_batch([item], ctx)
        chars = len(getattr(item, "text", "") or "")
        name = getattr(item, "name", None) or item.origin
        times.append((time.perf_counter() - start, name, chars, f"failed: {outcome.error}" if outcome.error else ""))
    ms = sorted(t[0] * 1000 for t in times)
    per_k = sorted(1e6 * t[0] / max(1, t[2]) for t in times)

    def q(xs: list[float], f: float) -> float:
        return xs[min(len(xs) - 1, int(f * len(xs)))]

    print(f"per article, alone (--workers 1, one article per batch, {len(ms)} articles): ms median {q(ms, .5):.0f}, "
          f"p90 {q(ms, .9):.0f}, p99 {q(ms, .99):.0f}, max {ms[-1]:.0f}; ms per 1,000 characters median "
          f"{q(per_k, .5):.1f}, p99 {q(per_k, .99):.1f}, max {per_k[-1]:.1f}")
    for dt, origin, chars, failed in sorted(times, reverse=True)[:slowest]:
        print(f"  {dt * 1000:7.0f} ms {chars:8,} chars {1e6 * dt / max(1, chars):6.1f} ms/1k  {origin} {failed}")


def _summary(stderr: str) -> str:
    lines = [ln for ln in stderr.splitlines() if ln.startswith("ingest: ")]
    return lines[-1].removeprefix("ingest: ").split(";")[0] if lines else ""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, nargs="+", default=[CORPUS],
                    help="JSON Lines corpora (.jsonl or .jsonl.gz); several are sampled in turn")
    ap.add_argument("--limit", type=int, default=200, help="articles to use (the first N with text)")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="--workers values to measure")
    ap.add_argument("--batch-size", type=int, default=Options().batch_size)
    ap.add_argument("--command", nargs="+", choices=["ingest", "extract"], default=["ingest"],
                    help="storyline commands to measure: ingest (into a new database) and/or extract "
                         "(the stages alone, its JSON Lines thrown away)")
    ap.add_argument("--commit-every", type=int, nargs="+", default=[None],
                    help="as storyline ingest's option; several values are several runs (default: storyline's)")
    ap.add_argument("--src", nargs="+", default=[], metavar="NAME=DIR",
                    help="also run every ingest with DIR (another checkout's src folder) first on PYTHONPATH")
    ap.add_argument("--rounds", type=int, default=1, help="repeat every run, keep the fastest of each")
    ap.add_argument("--no-baseline", action="store_true", help="skip the spaCy-alone run")
    ap.add_argument("--story", action="store_true",
                    help="also measure the story rebuild, timeline and network on the last database")
    ap.add_argument("--slowest", type=int, default=0, metavar="K",
                    help="also time every article alone and list the K slowest")
    ap.add_argument("--measure", help=argparse.SUPPRESS)
    ap.add_argument("--baseline", nargs=4, metavar=("TEXTS", "MODEL", "BATCH", "PROCESSES"), help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.measure:
        print(json.dumps(measure(json.loads(a.measure))))
        return
    if a.baseline:
        baseline(a.baseline[0], a.baseline[1], int(a.baseline[2]), int(a.baseline[3]))
        return

    model = Options().model
    with tempfile.TemporaryDirectory(prefix="storyline-throughput-") as tmp:
        sample, one = Path(tmp) / "sample.jsonl", Path(tmp) / "one.jsonl"
        n = _sample(a.corpus, a.limit, sample)
        _sample(a.corpus[:1], 1, one)
        chars = sum(len(json.loads(line)["text"]) for line in sample.open(encoding="utf-8"))

        runs: dict[str, tuple[str, int, int | None, str | None]] = {}  # label: command, workers, commit every, src
        for name, src in [(None, None), *(x.split("=", 1) for x in a.src)]:
            for cmd in a.command:
                for w in a.workers:
                    for every in a.commit_every if cmd == "ingest" else [None]:
                        label = (f"storyline {cmd} --workers {w}" + (f" --commit-every {every}" if every else "")
                                 + (f" [{name}]" if name else ""))
                        runs[label] = (cmd, w, every, str(Path(src).resolve()) if src else None)

        def command(label: str, texts: Path, db: Path) -> list[str]:
            if label.startswith(BASELINE):
                procs = next(w for w in a.workers if baseline_label(w) == label)
                return [sys.executable, __file__, "--baseline", str(texts), model, str(a.batch_size), str(procs)]
            cmd, workers, every, src = runs[label]
            env = ["env", f"PYTHONPATH={os.pathsep.join([src, os.environ.get('PYTHONPATH', '')])}"] if src else []
            into = ["--db", str(db)] if cmd == "ingest" else []
            return [*env, sys.executable, "-m", "storyline", cmd, str(texts), *into,
                    "--workers", str(workers), "--batch-size", str(a.batch_size),
                    *(["--commit-every", str(every)] if every else [])]

        labels = [*([] if a.no_baseline else [baseline_label(w) for w in a.workers]), *runs]
        last_db = Path()
        best: dict[str, dict[str, Any]] = {}
        start_up: dict[str, float] = {}
        for r in range(a.rounds):
            for i, label in enumerate(labels):
                for texts, into in ((one, start_up), (sample, None)):
                    db = Path(tmp) / f"r{r}-{i}-{texts.stem}.duckdb"
                    result = _wrapped(command(label, texts, db))
                    last_db = db if db.exists() else last_db
                    if result["code"] not in (0, 1):  # 1: some articles failed, the others were stored
                        sys.exit(f"{label} exited with {result['code']}:\n{result['stderr'][-2000:]}")
                    if into is not None:
                        into[label] = min(result["wall"], into.get(label, result["wall"]))
                    elif label not in best or result["wall"] < best[label]["wall"]:
                        best[label] = result

        story: dict[str, dict[str, Any]] = {}
        if a.story:
            for args in (["story", "--rebuild"], ["timeline", "--format", "json"], ["network", "--format", "json"]):
                label = "storyline " + " ".join(args)
                story[label] = _wrapped([sys.executable, "-m", "storyline", *args, "--db", str(last_db)])
                if story[label]["code"] != 0:
                    sys.exit(f"{label} exited with {story[label]['code']}:\n{story[label]['stderr'][-2000:]}")
            with Store(last_db, read_only=True) as store:
                counts = {t: store.count(t) for t in ("documents", "events", "story_events", "story_links")}
        if a.slowest:
            _per_document(sample, a.slowest)

    names = ", ".join(c.name for c in a.corpus)
    print(f"{n} articles ({chars / n:,.0f} characters on average) from {names}, model {model}, "
          f"batch size {a.batch_size}, best of {a.rounds} round(s), "
          f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}")

    def steady(label: str) -> float:
        """Articles per second once started: the N-article run less the one-article run."""
        return (n - 1) / max(1e-9, best[label]["wall"] - start_up[label])

    width = max(30, *(len(label) for label in best))
    head = (f"{'run':{width}} {'wall s':>6} {'docs/s':>6} {'start s':>7} {'steady docs/s':>13} {'CPU ms/doc':>10} "
            f"{'peak RSS MB':>11} {'tree MB':>7} {'speed/spaCy':>11} {'RSS/spaCy':>9}")
    print(head)
    print("-" * len(head))
    for label, r in best.items():
        base = best.get(_baseline_of(label))
        tree = f"{r['tree_kib'] / 1024:7.0f}" if r["tree_kib"] else f"{'n/a':>7}"
        versus = (f"{steady(label) / steady(_baseline_of(label)):11.2f} {r['maxrss_kib'] / base['maxrss_kib']:9.2f}"
                  if base else f"{'':11} {'':9}")
        print(f"{label:{width}} {r['wall']:6.1f} {n / r['wall']:6.1f} {start_up[label]:7.1f} {steady(label):13.1f} "
              f"{1000 * r['cpu'] / n:10.1f} {r['maxrss_kib'] / 1024:11.0f} {tree} {versus}")
    if story:
        print(f"on the last database ({', '.join(f'{v:,} {k}' for k, v in counts.items())}):")
        for label, r in story.items():
            print(f"{label:40} {r['wall']:6.1f} s wall {1000 * r['cpu'] / n:6.1f} CPU ms/doc "
                  f"{r['maxrss_kib'] / 1024:6.0f} MB peak RSS")
    for label, r in best.items():
        if not label.startswith(BASELINE):
            print(f"{label}: {_summary(r['stderr'])}")
    for name, src in (x.split("=", 1) for x in a.src):
        print(f"[{name}]: the code in {Path(src).resolve()}")
    print("wall and docs/s: the whole process, start-up and model loading included; start s: the same command "
          "on one article; steady docs/s: (N-1) / (wall - start); speed/spaCy compares steady rates. Peak RSS: "
          "the largest single process (getrusage of children); tree MB: every process of the run summed (sampled).")

if __name__ == "__main__":
    main()
