"""Relative links of the shipped docs (Markdown and the generated HTML), checked against a set of files.

Used on the checkout (tests/test_help_pages.py) and on the built zip (tests/test_e2e_package.py).
"""

from __future__ import annotations

import posixpath
import re
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

MD_LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
MD_FENCE = re.compile(r"```.*?```", re.S)
MD_CODE = re.compile(r"`[^`\n]*`")


class _Anchors(HTMLParser):
    """hrefs/srcs and element ids of an HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"])
        for key in ("href", "src"):
            if tag in ("a", "img", "link", "script") and values.get(key):
                self.links.append(values[key])


def parse_html(text: str) -> _Anchors:
    parser = _Anchors()
    parser.feed(text)
    return parser


def md_links(text: str) -> list[str]:
    """Link targets of a Markdown text, outside code blocks and code spans."""
    return MD_LINK.findall(MD_CODE.sub("", MD_FENCE.sub("", text)))


def broken_links(files: dict[str, str], present: set[str]) -> list[str]:
    """'page -> link' for every relative link of the given pages (path -> text; .md and .html)
    whose target is not among ``present`` (paths, '/'-separated, folders end without '/'), and
    for every '#fragment' into an HTML page that has no element with that id."""
    folders = {posixpath.dirname(p) for p in present}
    while "" in folders:
        folders.discard("")
    for folder in list(folders):
        while folder:
            folders.add(folder)
            folder = posixpath.dirname(folder)
    html_ids = {p: parse_html(t).ids for p, t in files.items() if p.endswith(".html")}
    broken = []
    for page, text in files.items():
        links = parse_html(text).links if page.endswith(".html") else md_links(text)
        for link in links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc:
                continue
            target = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(parts.path))) \
                if parts.path else page
            if target not in present and target.rstrip("/") not in folders:
                broken.append(f"{page} -> {link}")
            elif parts.fragment and target in html_ids and parts.fragment not in html_ids[target]:
                broken.append(f"{page} -> {link} (no such anchor)")
    return broken
