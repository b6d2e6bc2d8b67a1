"""Saved web pages: the article's main text and what the page says about it, through trafilatura.

Why trafilatura: it separates an article from navigation, related links and comments far better
than stripping tags, and reads the page's metadata (title, date, site name, author, canonical URL)
from the usual places (Open Graph, JSON-LD, meta tags). Its output text keeps one paragraph a line,
which cleaning turns into blank-line separated paragraphs.
"""

from __future__ import annotations

import re
from typing import Any

from ..errors import InputError
from ..model import RawDocument
from .decode import bytes_to_text

#: Fewer words than this is not an article but page furniture (a login form, a menu): trafilatura
#: falls back to whatever text a page has, so "no article" must be judged here.
MIN_ARTICLE_WORDS = 12

_LOOKS_HTML = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
                         re.IGNORECASE | re.DOTALL)


def looks_like_html(text: str) -> bool:
    """True for text that opens like an HTML page (for .txt files that are saved pages)."""
    return bool(_LOOKS_HTML.match(text[:4096]))


def extract_article(html: str, origin: str, name: str, encoding: str = "utf-8") -> RawDocument:
    """The article in an HTML page, with its metadata; InputError where the page holds none."""
    import trafilatura
    from trafilatura.settings import set_date_params

    try:
        # no extensive date search: it guesses a day from a copyright line ("© 2020" -> 2020-01-01),
        # and a wrong day is worse than none (the dates stage can still infer one)
        found = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                            include_tables=False, include_images=False,
                                            date_extraction_params=set_date_params(False))
    except Exception as e:  # noqa: BLE001 - lxml and trafilatura raise many kinds on broken markup
        raise InputError(origin, "E119", kind=type(e).__name__, error=e) from e
    text = (found.text or "") if found is not None else ""
    if len(text.split()) < MIN_ARTICLE_WORDS:
        raise InputError(origin, "E106")
    meta: dict[str, Any] = {"encoding": encoding}
    for key in ("title", "date", "sitename", "author", "url", "hostname", "description"):
        value = getattr(found, key, None)
        if value:
            meta[key] = value
    return RawDocument(origin=origin, name=name, text=text, kind="html", metadata=meta)


def read_html(data: bytes, origin: str, name: str) -> RawDocument:
    html, encoding = bytes_to_text(data, origin)
    return extract_article(html, origin, name, encoding)
