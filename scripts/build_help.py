"""Build the help the plugin ships from its one source, the Markdown docs.

- docs/html/<name>.html: a self-contained HTML page (inline CSS, UTF-8) for every algorithm page
  (docs/algorithms/*.md), docs/METHODS.md and every docs page they link to; relative links between
  pages are rewritten from .md to .html (the pages sit side by side in docs/html/), links to other
  files point at the shipped file, and docs/html/index.html lists the algorithm pages.
- algorithms/help_text.py: the dialog's short help of every algorithm and bundled model (SUMMARY:
  the first paragraph of its page, as plain text) and the tooltip of every input parameter
  (PARAM_HELP: one line per row of the "## Inputs" table of the algorithm's page,
  `| `PARAM` | meaning |`), marked with QT_TRANSLATE_NOOP so that `make translations` extracts them.

Build-time only (Python-Markdown, requirements-dev.txt); the plugin never imports markdown.
Usage: python scripts/build_help.py [--out DIR]   (DIR defaults to the checkout: docs/html and
algorithms/help_text.py are written under it). scripts/package.py runs it before zipping and
tests/test_help_pages.py checks that the committed files are what it generates.
"""

from __future__ import annotations

import argparse
import html
import posixpath
import re
import sys
import unicodedata
from pathlib import Path
from urllib.parse import urlsplit

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

REPO = Path(__file__).resolve().parent.parent
DOCS = "docs"
HTML_DIR = "docs/html"
HELP_TEXT = "algorithms/help_text.py"
ROOTS = ("docs/METHODS.md",)  # with every docs/algorithms/*.md
INDEX = "index.html"

CSS = """
body { font-family: -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK SC", "Microsoft YaHei", Arial, sans-serif;
       font-size: 15px; line-height: 1.5; color: #222; max-width: 60em; margin: 0 auto; padding: 1em 1.5em; }
nav { font-size: 13px; border-bottom: 1px solid #ddd; padding-bottom: .4em; margin-bottom: 1em; }
nav a { margin-right: 1em; }
h1 { font-size: 1.6em; } h2 { font-size: 1.3em; border-bottom: 1px solid #eee; } h3 { font-size: 1.1em; }
a { color: #1a5fb4; }
code { font-family: Consolas, "DejaVu Sans Mono", monospace; font-size: 0.92em; background: #f4f4f4;
       padding: 0 .2em; border-radius: 3px; }
pre { background: #f4f4f4; padding: .6em .8em; overflow-x: auto; border-radius: 4px; }
pre code { padding: 0; background: none; }
table { border-collapse: collapse; margin: .6em 0; }
th, td { border: 1px solid #ccc; padding: .25em .5em; vertical-align: top; text-align: left; }
th { background: #f0f0f0; }
img { max-width: 100%; }
""".strip()


# ------------------------------------------------------------------------------------ pages

def slugify(value: str, separator: str = "-") -> str:
    """Heading ids as GitHub makes them, so '#outputs-and-files' works on GitHub and in the HTML."""
    value = unicodedata.normalize("NFKC", value).strip().lower()
    value = re.sub(r"[^\w\- ]", "", value)
    return value.replace(" ", separator)


def page_sources(repo: Path = REPO) -> list[str]:
    """The Markdown pages to convert (paths relative to the checkout): the algorithm pages, the
    methods page and every page under docs/ they link to, transitively."""
    todo = sorted(p.relative_to(repo).as_posix() for p in (repo / DOCS / "algorithms").glob("*.md"))
    todo += [r for r in ROOTS if (repo / r).exists()]
    found: set[str] = set()
    while todo:
        page = todo.pop()
        if page in found:
            continue
        found.add(page)
        for target in linked_files(repo, page):
            if target.endswith(".md") and target.startswith(DOCS + "/") and (repo / target).is_file():
                todo.append(target)
    return sorted(found)


LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")


def linked_files(repo: Path, page: str) -> list[str]:
    """Checkout-relative targets of the relative links and images of a Markdown page."""
    text = (repo / page).read_text(encoding="utf-8")
    text = re.sub(r"```.*?```", "", text, flags=re.S)
    targets = []
    for href in LINK.findall(text):
        target = resolve(page, href)
        if target is not None:
            targets.append(target)
    return targets


def resolve(page: str, href: str) -> str | None:
    """The checkout-relative path a relative link of ``page`` points at (None for URLs, anchors)."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), parts.path))


def html_name(page: str) -> str:
    return Path(page).stem + ".html"


class _Links(Treeprocessor):
    def __init__(self, md, page: str, pages: set[str]) -> None:
        super().__init__(md)
        self.page, self.pages = page, pages

    def run(self, root):
        for element in root.iter():
            attribute = {"a": "href", "img": "src"}.get(element.tag)
            if attribute and element.get(attribute):
                element.set(attribute, self.rewrite(element.get(attribute)))

    def rewrite(self, href: str) -> str:
        target = resolve(self.page, href)
        if target is None:
            return href
        fragment = urlsplit(href).fragment
        if target in self.pages:
            new = html_name(target)
        elif target == DOCS + "/algorithms":
            new = INDEX
        else:  # another shipped file (an image, a data table): relative to docs/html
            new = posixpath.relpath(target, HTML_DIR)
        return new + ("#" + fragment if fragment else "")


class _LinkExtension(Extension):
    def __init__(self, page: str, pages: set[str]) -> None:
        super().__init__()
        self.page, self.pages = page, pages

    def extendMarkdown(self, md):
        md.treeprocessors.register(_Links(md, self.page, self.pages), "carbon_links", 1)


def render_page(repo: Path, page: str, pages: set[str]) -> str:
    text = (repo / page).read_text(encoding="utf-8")
    converter = markdown.Markdown(extensions=[
        "tables", "fenced_code", "sane_lists", "toc", _LinkExtension(page, pages)],
        extension_configs={"toc": {"slugify": slugify, "permalink": False}}, output_format="html")
    body = converter.convert(text)
    first = re.search(r"^#\s+(.+)$", text, flags=re.M)
    title = re.sub(r"[`*]", "", first.group(1)).strip() if first else Path(page).stem
    return document(title, body)


def document(title: str, body: str) -> str:
    nav = (f'<nav><a href="{INDEX}">Carbon Budget &amp; Imbalance Risk: all tools</a>'
           f'<a href="METHODS.html">Methods</a></nav>')
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<title>{html.escape(title)}</title>\n<style>\n{CSS}\n</style>\n</head>\n<body>\n"
            f"{nav}\n{body}\n</body>\n</html>\n")


def index_page(repo: Path, pages: list[str]) -> str:
    rows = []
    for page in pages:
        if not page.startswith(DOCS + "/algorithms/"):
            continue
        first = re.search(r"^#\s+(.+)$", (repo / page).read_text(encoding="utf-8"), flags=re.M)
        title = first.group(1) if first else Path(page).stem
        title_html = markdown.markdown(title.strip()).removeprefix("<p>").removesuffix("</p>")
        rows.append(f'<li><a href="{html_name(page)}">{title_html}</a></li>')
    others = [f'<li><a href="{html_name(p)}">{html.escape(Path(p).stem)}</a></li>'
              for p in pages if not p.startswith(DOCS + "/algorithms/")]
    body = ("<h1>Carbon Budget &amp; Imbalance Risk: help</h1>\n<h2>Tools and bundled models</h2>\n<ul>\n"
            + "\n".join(rows) + "\n</ul>\n<h2>Background</h2>\n<ul>\n" + "\n".join(others) + "\n</ul>")
    return document("Carbon Budget & Imbalance Risk: help", body)


# ------------------------------------------------------------------------- parameter help

ROW = re.compile(r"^\|(.*?[^\\])\|(.*)\|\s*$")


def plain(cell: str) -> str:
    """A Markdown table cell as one line of plain text (links -> their text, no code marks)."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", cell)
    text = text.replace("\\|", "|").replace("**", "").replace("`", "")
    text = re.sub(r"\s+", " ", text).strip()
    return text if re.match(r"t\b", text) else text[:1].upper() + text[1:]  # 't CO2' stays


def input_rows(text: str) -> list[tuple[list[str], str]]:
    """(parameter names, meaning) for each row of the '## Inputs' table of a page."""
    section = re.search(r"^## Inputs\s*\n(.*?)(?=^## |\Z)", text, flags=re.S | re.M)
    rows = []
    for line in (section.group(1) if section else "").splitlines():
        match = ROW.match(line.strip())
        if not match or set(match.group(1).strip()) <= set("-: "):
            continue
        names = re.findall(r"`([A-Z][A-Z0-9_]*)`", match.group(1))
        if names:
            rows.append((names, plain(match.group(2))))
    return rows


def param_help(repo: Path = REPO) -> dict[str, dict[str, str]]:
    """{algorithm id: {parameter name: help}} from the pages of the algorithms (not the models,
    whose inputs are lower-case model parameter names)."""
    helps: dict[str, dict[str, str]] = {}
    for path in sorted((repo / DOCS / "algorithms").glob("*.md")):
        rows = input_rows(path.read_text(encoding="utf-8"))
        if rows:
            helps[path.stem] = {name: meaning for names, meaning in rows for name in names}
    return helps


def summary(text: str) -> str:
    """The first paragraph after a page's title as one line of plain text, without the pointer to
    the methods page (the dialog links to the whole page, which has it)."""
    paragraph = text.split("\n\n")[1]
    return plain(re.sub(r"\s*\(\[METHODS section \d+\]\([^)]*\)\)", "", paragraph))


def summaries(repo: Path = REPO) -> dict[str, str]:
    """{algorithm or model id: summary} from every page of docs/algorithms."""
    return {path.stem: summary(path.read_text(encoding="utf-8"))
            for path in sorted((repo / DOCS / "algorithms").glob("*.md"))}


def help_text_module(summary_of: dict[str, str], helps: dict[str, dict[str, str]]) -> str:
    lines = ["# ruff: noqa: E501",
             '"""The dialog\'s short help per algorithm or model id (SUMMARY) and the tooltip of every input',
             "parameter (PARAM_HELP). GENERATED by scripts/build_help.py from docs/algorithms/*.md (first",
             'paragraph, "## Inputs" table): edit the docs page and run the script, not this file."""',
             "",
             "from .i18n import QT_TRANSLATE_NOOP",
             "",
             "SUMMARY = {"]
    lines += [f'    "{name}": QT_TRANSLATE_NOOP("@default", {_quoted(text)}),' for name, text in summary_of.items()]
    lines += ["}", "", "PARAM_HELP = {"]
    for alg, rows in helps.items():
        lines.append(f'    "{alg}": {{')
        for name, text in rows.items():
            lines.append(f'        "{name}": QT_TRANSLATE_NOOP("@default", {_quoted(text)}),')
        lines.append("    },")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _quoted(text: str) -> str:
    """A double-quoted Python literal (pylupdate5 reads only plain double-quoted strings)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


# ------------------------------------------------------------------------------------ build

def outputs(repo: Path = REPO) -> dict[str, str]:
    """Checkout-relative path -> content of every generated file."""
    pages = page_sources(repo)
    generated = {f"{HTML_DIR}/{html_name(p)}": render_page(repo, p, set(pages)) for p in pages}
    generated[f"{HTML_DIR}/{INDEX}"] = index_page(repo, pages)
    generated[HELP_TEXT] = help_text_module(summaries(repo), param_help(repo))
    return generated


def build(out: Path = REPO, repo: Path = REPO) -> list[Path]:
    """Write the generated files under ``out``; stale pages in its docs/html are removed."""
    generated = outputs(repo)
    html_dir = out / HTML_DIR
    html_dir.mkdir(parents=True, exist_ok=True)
    for stale in html_dir.glob("*.html"):
        if f"{HTML_DIR}/{stale.name}" not in generated:
            stale.unlink()
    written = []
    for name, content in generated.items():
        target = out / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists() or target.read_text(encoding="utf-8") != content:
            target.write_text(content, encoding="utf-8", newline="\n")
        written.append(target)
    return written


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO, help="folder to write docs/html and algorithms/ under")
    args = parser.parse_args()
    files = build(args.out.resolve())
    print(f"build_help: {len(files)} files under {args.out.resolve()}", file=sys.stderr)
