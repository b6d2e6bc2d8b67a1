#!/usr/bin/env python3
"""Convert the PETRARCH2 CAMEO verb dictionary into storyline's event pattern lexicon (JSON).

usage: python scripts/build_event_lexicon.py [CAMEO.2.0.txt] [OUT.json]

Defaults: ``<repo>/../shared/data/petrarch2-dictionaries/CAMEO.2.0.txt`` and
``src/storyline/data/events/cameo_verbs.json``.

Why a conversion rather than reading the .txt at run time: the source is a line format with its
own mini-language (synonym sets ``&X``, phrases ``{A B}``, prepositional phrases ``(TO X)``, code
pairs ``[042:043]``), written for PETRARCH's own parser. Converting it once into plain JSON with
named fields keeps the run-time loader small, lets the curated extension file
(``data/lexicons/event_patterns.yaml``) use the same structure, and makes every pattern readable.

The output keeps the dictionary's MIT licence and attribution in its ``about`` field.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SRC = REPO.parent / "shared" / "data" / "petrarch2-dictionaries" / "CAMEO.2.0.txt"
DEFAULT_OUT = REPO / "src" / "storyline" / "data" / "events" / "cameo_verbs.json"

ABOUT = {
    "source": "CAMEO.2.0.txt, the CAMEO verb pattern dictionary of PETRARCH2 "
              "(github.com/openeventdata/petrarch2, commit 676801cd9cb2924bbbad09f86d15c9323e7097bf, "
              "petrarch2/data/dictionaries/), converted by scripts/build_event_lexicon.py",
    "licence": "MIT",
    "copyright": "Copyright (c) 2015 Open Event Data Alliance; dictionary development funded by the "
                 "U.S. National Science Foundation (see the source file's header)",
    "licence_text": (
        "Permission is hereby granted, free of charge, to any person obtaining a copy of this software "
        "and associated documentation files (the \"Software\"), to deal in the Software without "
        "restriction, including without limitation the rights to use, copy, modify, merge, publish, "
        "distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the "
        "Software is furnished to do so, subject to the following conditions: The above copyright notice "
        "and this permission notice shall be included in all copies or substantial portions of the "
        "Software. THE SOFTWARE IS PROVIDED \"AS IS\", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, "
        "INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE "
        "AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, "
        "DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, "
        "OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE."),
    "format": "see src/storyline/data/events/README.md",
}

CODE_RE = re.compile(r"\[([0-9]*|---)(?::([0-9]*|---))?!?\]")
MARKERS = {"$": "source", "+": "target", "^": "skip", "%": "compound"}


def parse_code(text: str) -> tuple[str | None, bool] | None:
    """``[057]`` -> ("057", False); ``[:020]`` -> ("020", True: the roles are reversed);
    ``[---]`` -> (None, False): explicitly not an event. None where the text holds no code."""
    m = CODE_RE.search(text)
    if not m:
        return None
    first, second = m.group(1), m.group(2)
    if first and first != "---":
        return first, False
    if first == "---":
        return None, False
    if second and second != "---":
        return second, True
    return None, False


def word(tok: str) -> dict:
    """One dictionary word: a synonym set, or a word (a trailing ``_`` asks for the exact form)."""
    if tok.startswith("&"):
        return {"set": tok[1:].rstrip("_")}
    exact = tok.endswith("_") and not tok.startswith("_")
    w = tok.strip("_").replace("_", " ").lower()
    item: dict = {"word": w}
    if exact:
        item["exact"] = True
    return item


def parse_side(text: str) -> list[dict]:
    """The words on one side of the ``*``: words, {phrases}, (prep phrases) and role markers."""
    items: list[dict] = []
    toks = re.findall(r"\{[^}]*\}|\([^)]*\)|\S+", text)
    for tok in toks:
        if tok.startswith("{"):
            inner = tok[1:-1].split()
            if inner:
                items.append({"phrase": [word(t) for t in inner if t not in MARKERS]})
        elif tok.startswith("("):
            inner = [t for t in tok[1:-1].replace("{", " ").replace("}", " ").split() if t not in MARKERS]
            if inner:
                prep = inner[0].lower()
                items.append({"prep": prep, "words": [word(t) for t in inner[1:]]})
        elif tok in MARKERS:
            items.append({"slot": MARKERS[tok]})
        else:
            items.append(word(tok))
    return items


def parse_verb_line(line: str) -> dict | None:
    body = line.split("#", 1)[0]
    code = parse_code(body)
    body = CODE_RE.sub("", body)
    forms = re.findall(r"\{([^}]*)\}", body)
    head = re.sub(r"\{[^}]*\}", "", body).split()
    if not head:
        return None
    name = head[0]
    multi = name.startswith("+")
    lemma = name.lstrip("+").strip("_")
    lemma = lemma.replace("_", " ").lower() if multi else lemma.replace("_", "-").lower()
    verb: dict = {"lemma": lemma}
    extra = [f.lstrip("+").strip("_").replace("_", " ").lower() for f in " ".join(forms).split()]
    if extra:
        verb["forms"] = extra
    if code is not None:
        verb["code"] = code[0]
        if code[1]:
            verb["reverse"] = True
    return verb


def convert(src: Path) -> dict:
    lines = src.read_text(encoding="latin-1").splitlines()
    synsets: dict[str, list[str]] = {}
    blocks: list[dict] = []
    section = None
    current_set: str | None = None
    block: dict | None = None
    for raw in lines:
        line = raw.rstrip()
        if line.startswith("####### SYNONYM SETS"):
            section = "sets"
            continue
        if line.startswith("####### VERB PATTERNS"):
            section = "verbs"
            continue
        if line.startswith("######## TRANSFORMATIONS"):
            section = "transformations"
            continue
        if section == "sets":
            if line.startswith("&"):
                current_set = line[1:].split()[0].rstrip("_")
                synsets[current_set] = []
            elif line.startswith("+") and current_set:
                synsets[current_set].append(line[1:].split("#")[0].strip().strip("_").replace("_", " ").lower())
            continue
        if section != "verbs":
            continue
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line.startswith("---"):
            name = line.strip("- ").split()[0]
            code = parse_code(line)
            block = {"name": name, "code": code[0] if code else None, "verbs": [], "patterns": []}
            if code and code[1]:
                block["reverse"] = True
            blocks.append(block)
            continue
        if block is None:
            continue
        if line.startswith("- "):
            body, _, note = line[2:].partition("#")
            code = parse_code(body)
            body = CODE_RE.sub("", body)
            if "*" not in body or code is None:
                continue
            before, _, after = body.partition("*")
            pat: dict = {"code": code[0]}
            if code[1]:
                pat["reverse"] = True
            b, a = parse_side(before), parse_side(after)
            if b:
                pat["before"] = b
            if a:
                pat["after"] = a
            if note.strip():
                pat["note"] = note.strip()
            block["patterns"].append(pat)
        else:
            verb = parse_verb_line(line)
            if verb:
                block["verbs"].append(verb)
    return {"about": ABOUT, "synsets": synsets, "blocks": blocks}


def main() -> None:
    src = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SRC
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else DEFAULT_OUT
    data = convert(src)
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, indent=0, separators=(",", ":"))
        fh.write("\n")
    n_pat = sum(len(b["patterns"]) for b in data["blocks"])
    n_verb = sum(len(b["verbs"]) for b in data["blocks"])
    print(f"{out}: {len(data['blocks'])} verb blocks, {n_verb} verbs, {n_pat} patterns, "
          f"{len(data['synsets'])} synonym sets")


if __name__ == "__main__":
    main()
