"""The README is checked against the code, so it cannot drift from what storyline does.

As datasette checks its documentation: every ``storyline`` command line in the README's code
blocks must name commands and options the app has (and choices it accepts); every command and
option of the app must be documented there; the README's test command must be the one CI runs;
the dependency table must name every dependency of ``pyproject.toml``, and every third-party
package imported under ``src/`` must be declared; the library calls the README names must exist.
No model, no database: the whole module runs in about a second.
"""

from __future__ import annotations

import ast
import importlib
import re
import shlex
import sys
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
import typer.main

from conftest import REPO
from storyline.cli import app

README = (REPO / "README.md").read_text(encoding="utf-8")
COMMAND = typer.main.get_command(app)

#: Import names that differ from the distribution names declared in pyproject.toml.
IMPORT_NAMES = {"yaml": "pyyaml", "charset_normalizer": "charset-normalizer", "lxml_html_clean": "lxml_html_clean"}


def code_blocks(text: str) -> list[tuple[str, str]]:
    """(language, body) of every fenced block."""
    return [(m.group(1), m.group(2)) for m in re.finditer(r"^```(\w*)\n(.*?)^```", text, re.M | re.S)]


@dataclass
class Invocation:
    line: str
    words: list[str]  # the words after "storyline"


def invocations(text: str) -> Iterator[Invocation]:
    """Every ``storyline ...`` command in the shell blocks, cut at pipes, redirections, ``&&``."""
    for lang, body in code_blocks(text):
        if lang not in ("bash", "sh", "shell", "console", ""):
            continue
        for raw in body.splitlines():
            line = raw.split(" # ", 1)[0].strip()
            if line.startswith("#"):
                continue
            for part in re.split(r"&&|\|\||[|;]", line):
                part = re.split(r"\s[0-9]?>", f" {part}", maxsplit=1)[0]
                try:
                    words = shlex.split(part)
                except ValueError:
                    words = part.split()
                for i, w in enumerate(words):
                    if w == "storyline" or w.endswith("/storyline"):
                        yield Invocation(line, words[i + 1:])
                        break


# Typer builds on its own copy of click, so commands are told apart by what they have, not by class.
Command = Any


def _is_option(param: Any) -> bool:
    return getattr(param, "param_type_name", "") == "option"


def _subcommands(command: Command) -> dict[str, Command]:
    return getattr(command, "commands", None) or {}


def _option(command: Command, word: str) -> Any:
    name = word.split("=", 1)[0]
    for p in command.params:
        if _is_option(p) and name in (*p.opts, *p.secondary_opts):
            return p
    return None


def _choices(opt: Any) -> list[str]:
    """The values an enum option accepts (where typer keeps them varies between its versions)."""
    for holder in (getattr(opt, "type_descriptor", None), getattr(opt, "type", None)):
        choices = getattr(holder, "choices", None)
        if choices:
            return [str(getattr(c, "value", c)) for c in choices]
    return []


def resolve(words: list[str]) -> tuple[list[str], list[str]]:
    """Walk the words through the app: (the command path, problems found)."""
    command: Command = COMMAND
    path: list[str] = []
    problems: list[str] = []
    i = 0
    while i < len(words):
        word = words[i].strip("[]")  # a synopsis writes optional parts in brackets
        i += 1
        if not word or word in ("...", "-"):
            continue
        if word.startswith("-") and len(word) > 1:
            if word == "--help":
                continue
            opt = _option(command, word)
            if opt is None:
                problems.append(f"'storyline {' '.join(path)}' has no option {word}")
                continue
            if opt.is_flag or opt.count or "=" in word or i >= len(words):
                continue
            value = words[i].strip("[]")
            i += 1
            choices = _choices(opt)
            if choices and re.fullmatch(r"[a-z0-9|]+", value):
                for choice in value.split("|"):
                    if choice not in choices:
                        problems.append(f"'storyline {' '.join(path)} {word}' takes no value {choice!r} "
                                        f"(choices: {', '.join(choices)})")
            continue
        if _subcommands(command):
            sub = _subcommands(command).get(word)
            if sub is not None:
                command = sub
                path.append(word)
                continue
            if not path or all(_is_option(p) for p in command.params):
                problems.append(f"'storyline {' '.join(path)}' has no command {word!r}")
        # anything else is an argument or a placeholder
    return path, problems


def all_commands(command: Command = COMMAND, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Command]]:
    if path:
        yield path, command
    for name, sub in _subcommands(command).items():
        yield from all_commands(sub, (*path, name))


# ---------------------------------------------------------------- the tests


def test_the_readme_shows_storyline_command_lines() -> None:
    found = list(invocations(README))
    assert len(found) >= 20, "the README's code blocks should show how every command is used"


def test_every_command_line_in_the_readme_is_valid() -> None:
    problems = [f"{p}   [in: {inv.line}]" for inv in invocations(README) for p in resolve(inv.words)[1]]
    assert not problems, "\n".join(problems)


def test_every_command_of_the_app_is_shown_in_the_readme() -> None:
    shown = {tuple(resolve(inv.words)[0]) for inv in invocations(README)}
    missing = [" ".join(path) for path, _ in all_commands() if path not in shown]
    assert not missing, f"commands no README code block shows: {', '.join(missing)}"


def test_every_option_of_the_app_is_documented_in_the_readme() -> None:
    missing = []
    for path, command in all_commands():
        for p in command.params:
            if not _is_option(p) or p.name == "help":
                continue
            names = [o for o in (*p.opts, *p.secondary_opts) if o.startswith("--")]
            if not any(re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", README) for n in names):
                missing.append(f"storyline {' '.join(path)} {names[0] if names else p.opts[0]}")
    assert not missing, "options the README never mentions:\n" + "\n".join(missing)


def test_the_checker_finds_what_is_wrong() -> None:
    # the tests above are only worth something if these fail
    assert resolve(["ingest", "x.txt", "--no-such-option"])[1]
    assert resolve(["no-such-command"])[1]
    assert resolve(["export", "--format", "xml", "--out", "o/"])[1]
    assert resolve(["actors", "add", "mine.yaml", "--db", "s.duckdb"]) == (["actors", "add"], [])
    assert resolve(["network", "--no-background", "-o", "n.graphml", "--level", "country|actor"]) == (["network"], [])
    assert [i.words for i in invocations("```bash\ncat a | .venv/bin/storyline extract - > x  # y\n```\n")] == [
        ["extract", "-"]]


def _setup_commands() -> list[str]:
    """The shell lines of the README's blocks that install storyline (``pip install``)."""
    return [line.strip() for lang, body in code_blocks(README) if lang == "bash"
            for line in body.splitlines() if "pip install" in line]


def test_the_readme_test_command_is_what_ci_runs() -> None:
    setup = _setup_commands()
    assert len(setup) == 2, f"the README should open with two set-up commands, found: {setup}"
    demo, tests = setup
    assert demo.endswith("storyline demo") and "-m pytest" in tests
    ci_lines = [line.strip() for line in (REPO / ".ci" / "run").read_text().splitlines()]
    assert any(line == tests or line.startswith(tests + " ||") for line in ci_lines), (
        f".ci/run does not run the README's test command exactly: {tests}")
    # the demo installs the package the same way, without the development extras
    assert demo.split(" && ")[:2] == [tests.split(" && ")[0], tests.split(" && ")[1].replace("'.[dev]'", ".")]


def _pyproject() -> dict:
    return tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))


def _dist(requirement: str) -> str:
    return re.split(r"[<>=!~ \[;]", requirement, maxsplit=1)[0].strip().lower().replace("_", "-")


def test_the_dependency_table_names_every_dependency() -> None:
    project = _pyproject()["project"]
    declared = [*project["dependencies"], *project["optional-dependencies"]["dev"]]
    section = README.split("## Why each dependency", 1)[1].split("\n## ", 1)[0]
    listed = {_dist(name) for row in re.findall(r"^\| (.+?) \|", section, re.M) for name in re.findall(r"`([^`]+)`", row)}
    missing = [d for d in declared if _dist(d) not in listed]
    assert not missing, f"dependencies the README's table does not explain: {', '.join(missing)}"


def test_every_third_party_import_in_src_is_declared() -> None:
    project = _pyproject()["project"]
    extras = [d for name, ds in project["optional-dependencies"].items() if name != "dev" for d in ds]
    declared = {_dist(d) for d in [*project["dependencies"], *extras]}  # an extra is declared too
    undeclared = set()
    for path in (REPO / "src").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                tops = [a.name.split(".")[0] for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                tops = [node.module.split(".")[0]]
            else:
                continue
            for top in tops:
                if top in sys.stdlib_module_names or top == "storyline":
                    continue
                if _dist(IMPORT_NAMES.get(top, top)) not in declared:
                    undeclared.add(f"{top} ({path.relative_to(REPO)})")
    assert not undeclared, f"imported but not in pyproject.toml's dependencies: {', '.join(sorted(undeclared))}"


@pytest.mark.parametrize("block", [b for lang, b in code_blocks(README) if lang == "python"])
def test_the_readmes_python_imports_what_exists(block: str) -> None:
    for node in ast.walk(ast.parse(block)):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("storyline"):
            module = importlib.import_module(node.module)
            for alias in node.names:
                assert hasattr(module, alias.name), f"{node.module} has no {alias.name}"


def test_every_library_call_the_readme_names_exists() -> None:
    named = {d for d in re.findall(r"`(storyline(?:\.\w+)+)", README) if not d.endswith(".duckdb")}
    assert len(named) >= 3
    missing = []
    for dotted in sorted(named):
        parts = dotted.split(".")
        obj, cut = None, len(parts)
        while obj is None:  # the longest importable prefix is the module, the rest its attributes
            try:
                obj = importlib.import_module(".".join(parts[:cut]))
            except ModuleNotFoundError:
                cut -= 1
        for attr in parts[cut:]:
            if not hasattr(obj, attr):
                missing.append(dotted)
                break
            obj = getattr(obj, attr)
    assert not missing, f"the README names what does not exist: {', '.join(missing)}"
