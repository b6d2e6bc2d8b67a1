"""The ``serve`` command: the web app and JSON API over one store (see the package docstring)."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from ..cli_options import DbOption
from ..errors import StorylineError
from ..options import DEFAULT_DB


def register(app: typer.Typer) -> None:
    @app.command()
    def serve(db: DbOption = DEFAULT_DB,
              host: Annotated[str, typer.Option("--host", help="Address to listen on. The default serves this "
                                                "machine only; anything else lets others read and correct the store.")] = "127.0.0.1",
              port: Annotated[int, typer.Option("--port", min=0, max=65535, help="Port to listen on.")] = 8000,
              max_body_mb: Annotated[float, typer.Option("--max-body-mb", min=0.01,
                                                         help="Largest request body (an upload) in MB.")] = 10.0) -> None:
        """Serve the store as a web app and a JSON API (pages, review, adding articles); the server
        owns the database file while it runs."""
        import uvicorn

        from .app import create_app
        from .data import check_free

        url = f"http://{'[' + host + ']' if ':' in host else host}:{port}"
        try:
            if not db.exists():
                print(f"serve: {db} does not exist yet: starting with an empty store (add articles at {url}/add)",
                      file=sys.stderr)
            check_free(db)
        except StorylineError as e:
            print(f"storyline: {e}", file=sys.stderr)
            raise typer.Exit(2) from e
        print(f"serve: {db} at {url}  (Ctrl-C stops)", file=sys.stderr, flush=True)
        uvicorn.run(create_app(db, url=url, max_body=int(max_body_mb * 2**20)), host=host, port=port,
                    log_level="warning", access_log=False)
