"""Fill the zh_CN .ts from i18n/zh_CN.tsv (English source <TAB> Chinese), then lrelease compiles it.

The table is the reviewable source of the Chinese interface; `make translations` extracts new
strings with pylupdate5, this script fills every string the table knows, lists the rest, and
removes the rows of strings the code no longer has.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

I18N = Path(__file__).resolve().parent.parent / "i18n"


def load_table(path: Path) -> dict[str, str]:
    table = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            source, chinese = line.split("\t", 1)
            table[source.replace("\\n", "\n")] = chinese.replace("\\n", "\n")
    return table


def fill(ts_path: Path, table: dict[str, str]) -> list[str]:
    """Write translations into the .ts; return the sources still untranslated."""
    tree = ET.parse(ts_path)
    root = tree.getroot()
    root.set("language", "zh_CN")
    missing = []
    for message in root.iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        if source in table:
            translation.text = table[source]
            translation.attrib.pop("type", None)
        elif not (translation.text or "").strip():
            missing.append(source)
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    return missing


def drop_unused(tsv_path: Path, ts_path: Path) -> list[str]:
    """Remove the rows whose English source the code no longer has (not in the .ts); return them."""
    sources = {message.findtext("source") for message in ET.parse(ts_path).getroot().iter("message")}
    kept, dropped = [], []
    for line in tsv_path.read_text(encoding="utf-8").splitlines():
        source = line.split("\t", 1)[0].replace("\\n", "\n")
        if line.strip() and not line.startswith("#") and source not in sources:
            dropped.append(source)
        else:
            kept.append(line)
    if dropped:
        tsv_path.write_text("\n".join(kept) + "\n", encoding="utf-8")
    return dropped


if __name__ == "__main__":
    ts, tsv = I18N / "carbon_plugin_zh_CN.ts", I18N / "zh_CN.tsv"
    for source in drop_unused(tsv, ts):
        print("unused row removed:", source.replace("\n", "\\n")[:100])
    for source in fill(ts, load_table(tsv)):
        print("untranslated:", source.replace("\n", "\\n"))
    sys.exit(0)
