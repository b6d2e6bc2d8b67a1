"""Lexicons and patterns are data: YAML files in ``storyline/data/lexicons`` that users extend.

A lexicon is named by its file (``cue_verbs`` is ``data/lexicons/cue_verbs.yaml``). A user's file
passed with ``--lexicon FILE`` holds top-level keys naming the lexicons it extends; lists are
appended to and mappings updated, so a user adds without copying ours.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from .errors import StorylineError

DATA = resources.files("storyline") / "data"


def data_path(*parts: str) -> Path:
    """A path inside the package's data folder."""
    return Path(str(DATA.joinpath(*parts)))


def available() -> list[str]:
    return sorted(p.stem for p in data_path("lexicons").glob("*.yaml"))


@cache
def _read_yaml(path: Path) -> Any:
    try:
        with open(path, encoding="utf-8") as fh:
            return yaml.safe_load(fh)
    except yaml.YAMLError as e:
        raise StorylineError("E010", path=path, error=e) from e


def _merge(base: Any, extra: Any) -> Any:
    if isinstance(base, dict) and isinstance(extra, dict):
        out = dict(base)
        for k, v in extra.items():
            out[k] = _merge(out[k], v) if k in out else v
        return out
    if isinstance(base, list) and isinstance(extra, list):
        return base + [v for v in extra if v not in base]
    return extra


def load_lexicon(name: str, extra_files: tuple[Path, ...] | list[Path] = ()) -> Any:
    """The named lexicon, extended by every user file that has a key of that name."""
    path = data_path("lexicons", f"{name}.yaml")
    if not path.exists():
        raise StorylineError("E011", name=name, available=', '.join(available()))
    data = _read_yaml(path)
    for f in extra_files:
        user = _read_yaml(Path(f))
        if not isinstance(user, dict):
            raise StorylineError("E012", path=f)
        if name in user:
            data = _merge(data, user[name])
    return data
