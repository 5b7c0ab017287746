"""Files in and out: text tables in UTF-8 or GB18030, and outputs that appear only when complete.

Reading: ``read_text`` / ``read_csv`` are the one way the engine reads a text table. They try
UTF-8 (with or without a BOM) and then GB18030 (a superset of GBK, what Chinese Excel and WPS
write as "CSV"), and log the encoding used.

Writing: an output is written to a hidden temporary file in the target folder (so the final
rename stays on one file system and is atomic) and renamed at the end; on any failure the
temporary file is removed and an existing file at the target is left untouched. ``OSError`` and
GDAL write errors become a ``CarbonInputError`` that names the output and the cause (missing
folder, no permission, name too long, disk full).
"""

from __future__ import annotations

import csv
import errno
import io
import math
import os
import re
import tempfile
import threading
import unicodedata
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

from .errors import QT_TRANSLATE_NOOP, CarbonInputError
from .progress import Progress

ENCODINGS = ("utf-8-sig", "gb18030")
ENCODING_NAMES = {"utf-8-sig": "UTF-8", "gb18030": "GB18030"}
TEMP_PREFIX = ".partial_"
# the random part tempfile.mkstemp adds, plus some room: the temporary name must fit the folder too
TEMP_EXTRA = len(TEMP_PREFIX) + 12

CAUSES = {
    "missing": QT_TRANSLATE_NOOP("@default", "the folder does not exist"),
    "permission": QT_TRANSLATE_NOOP("@default", "no permission to write there (or the folder is read-only)"),
    "too_long": QT_TRANSLATE_NOOP("@default", "the file name is too long for the file system"),
    "disk_full": QT_TRANSLATE_NOOP("@default", "the disk is full (or the file is larger than the file system "
                                               "or a size limit allows)"),
    "is_folder": QT_TRANSLATE_NOOP("@default", "a folder of that name exists"),
    "incomplete": QT_TRANSLATE_NOOP("@default", "the file could not be completed; the disk is probably full or a "
                                                "file size limit was reached"),
}
ERRNO_CAUSES = {
    errno.ENOENT: "missing", errno.ENOTDIR: "missing",
    errno.EACCES: "permission", errno.EPERM: "permission", errno.EROFS: "permission",
    errno.ENAMETOOLONG: "too_long",
    errno.ENOSPC: "disk_full", errno.EFBIG: "disk_full", errno.EDQUOT: "disk_full",
    errno.EISDIR: "is_folder",
}
# strerror texts as GDAL passes them on in its messages
TEXT_CAUSES = (
    ("no space left", "disk_full"), ("file too large", "disk_full"), ("disk quota", "disk_full"),
    ("free disk space", "disk_full"),
    # libtiff's own write errors (GDAL 3.10 passes them on without the system's reason): a local
    # write fails for want of space or over a size limit
    ("write error at scanline", "disk_full"), ("write error at row", "disk_full"),
    ("permission denied", "permission"), ("read-only file system", "permission"),
    ("operation not permitted", "permission"),
    ("file name too long", "too_long"), ("no such file or directory", "missing"),
)


# ---------------------------------------------------------------------------------------------- reading

def read_text(path: Path | str, what: str, progress: Progress | None = None) -> tuple[str, str]:
    """The text of a file and the encoding it was read with (UTF-8, else GB18030), logged."""
    try:
        data = Path(path).read_bytes()
    except OSError as err:
        raise CarbonInputError(QT_TRANSLATE_NOOP("@default", "Cannot read the {what} '{path}': {error}"),
                               what=what, path=str(path), error=err.strerror or str(err)) from None
    for encoding in ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if progress is not None and encoding != ENCODINGS[0]:
            progress.log(QT_TRANSLATE_NOOP("@default", "The {what} '{path}' is not UTF-8; read it as {encoding} "
                                                       "(the encoding of Chinese Excel and WPS)."),
                         what=what, path=str(path), encoding=ENCODING_NAMES[encoding])
        elif progress is not None:
            progress.log(QT_TRANSLATE_NOOP("@default", "Read the {what} '{path}' as {encoding}."),
                         what=what, path=str(path), encoding=ENCODING_NAMES[encoding])
        return text, ENCODING_NAMES[encoding]
    raise CarbonInputError(QT_TRANSLATE_NOOP(
        "@default", "The {what} '{path}' is neither UTF-8 nor GB18030 (GBK) text; save it as CSV UTF-8."),
        what=what, path=str(path))


def detect_encoding(path: Path | str) -> str | None:
    """'UTF-8' or 'GB18030' for a text file, None when it is neither (or cannot be read)."""
    try:
        data = Path(path).read_bytes()
    except OSError:
        return None
    for encoding in ENCODINGS:
        try:
            data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return ENCODING_NAMES[encoding]
    return None


def read_csv(path: Path | str, what: str, progress: Progress | None = None) -> tuple[list[str], list[tuple[int, dict]]]:
    """(header, [(line number, row dict)]) of a CSV file in UTF-8 or GB18030; keys as in the header."""
    text, _ = read_text(path, what, progress)
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""))
        header = list(reader.fieldnames or [])
        rows = [(reader.line_num, row) for row in reader]
    except csv.Error as err:
        raise CarbonInputError(QT_TRANSLATE_NOOP("@default", "The {what} '{path}' is not a valid CSV file: {error}"),
                               what=what, path=str(path), error=str(err)) from None
    return header, rows


# ---------------------------------------------------------------------------------------------- writing

def cause_of(err: BaseException | str) -> str | None:
    """The key in ``CAUSES`` of an OSError (by errno) or of a GDAL message (by its text)."""
    if isinstance(err, OSError) and err.errno in ERRNO_CAUSES:
        return ERRNO_CAUSES[err.errno]
    text = str(err).lower()
    for needle, cause in TEXT_CAUSES:
        if needle in text:
            return cause
    return None


def write_error(path: Path | str, err: BaseException | str, what: str = "output") -> CarbonInputError:
    """A clear error naming the output and the cause of a failed write."""
    cause = cause_of(err)
    detail = err.strerror if isinstance(err, OSError) and err.strerror else str(err)
    if cause is None:
        return CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "Cannot write the {what} '{path}': {detail}. Nothing was written."),
            what=what, path=str(path), detail=detail)
    return CarbonInputError(
        QT_TRANSLATE_NOOP("@default", "Cannot write the {what} '{path}': {cause} ({detail}). Nothing was "
                                      "written; choose another file or folder."),
        what=what, path=str(path), cause=CAUSES[cause], detail=detail, translatable=("cause",))


def name_max(folder: str) -> int:
    try:
        return int(os.pathconf(folder, "PC_NAME_MAX"))
    except (OSError, ValueError, AttributeError):
        return 255


def check_output_path(path: Path | str, what: str = "output", extra: int = TEMP_EXTRA) -> None:
    """Refuse an output whose folder is missing or not writable, or whose name is too long
    (``extra``: the characters a temporary name adds)."""
    path = os.path.abspath(str(path))
    folder = os.path.dirname(path)
    if not os.path.isdir(folder):
        raise write_error(path, OSError(errno.ENOENT, os.strerror(errno.ENOENT)), what)
    if not os.access(folder, os.W_OK | os.X_OK):
        raise write_error(path, OSError(errno.EACCES, os.strerror(errno.EACCES)), what)
    if len(os.path.basename(path).encode("utf-8")) + extra > name_max(folder):
        raise write_error(path, OSError(errno.ENAMETOOLONG, os.strerror(errno.ENAMETOOLONG)), what)
    if os.path.isdir(path):
        raise write_error(path, OSError(errno.EISDIR, os.strerror(errno.EISDIR)), what)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def temp_path(path: Path | str, what: str = "output") -> str:
    """A new empty hidden file beside ``path`` (same folder, same extension) to write into."""
    path = os.path.abspath(str(path))
    check_output_path(path, what)
    suffix = os.path.splitext(path)[1]
    try:
        fd, tmp = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=suffix, dir=os.path.dirname(path))
    except OSError as err:
        raise write_error(path, err, what) from None
    os.close(fd)
    return tmp


_RUN = threading.local()


@contextmanager
def output_run():
    """All outputs of one algorithm run, or none: inside, ``commit`` keeps any file it replaces
    as a hidden backup; if the run fails later (another output cannot be written, cancel), the
    outputs already in place are removed and the backups restored. Nested runs join the outer one.
    What ``after_run`` set aside is done once the run has succeeded, never after a failure."""
    if getattr(_RUN, "journal", None) is not None:
        yield
        return
    _RUN.journal, _RUN.after = [], []
    try:
        yield
    except BaseException:
        for path, backup in reversed(_RUN.journal):
            remove_quietly(path)
            if backup:
                try:
                    os.replace(backup, path)
                except OSError:
                    pass
        raise
    else:
        remove_quietly(*(backup for _, backup in _RUN.journal))
        after = _RUN.after
    finally:
        _RUN.journal = _RUN.after = None
    for action in after:
        action()


def after_run(action: Callable[[], object]) -> None:
    """Do ``action`` once every output of the run is in place: inside ``output_run`` when the run has
    succeeded (in order; nothing is done if it fails), outside one at once. For what is written beside
    the outputs in place and outside the rollback, such as their styles (``<output>.qml``, GDAL's
    ``<output>.aux.xml``): a failed run then leaves none of it next to the older files it restores."""
    pending = getattr(_RUN, "after", None)
    if pending is None:
        action()
    else:
        pending.append(action)


def commit(tmp: str, path: Path | str, what: str = "output") -> None:
    """Rename the finished temporary file onto ``path`` (an ordinary file, umask permissions)."""
    path = str(path)
    journal = getattr(_RUN, "journal", None)
    backup = None
    try:
        if journal is not None and os.path.lexists(path):
            backup = tempfile.mktemp(prefix=TEMP_PREFIX + "old_", dir=os.path.dirname(os.path.abspath(path)))
            os.replace(path, backup)
        os.replace(tmp, path)
        os.chmod(path, 0o666 & ~_umask())  # mkstemp makes files private; outputs are ordinary files
    except OSError as err:
        remove_quietly(tmp)
        if backup and not os.path.lexists(path):
            os.replace(backup, path)
        raise write_error(path, err, what) from None
    if journal is not None:
        journal.append((path, backup))


def retire(path: Path | str, what: str = "output") -> None:
    """Remove an old file that a new output makes stale without replacing it (a side file of an old
    shapefile of the same name): inside ``output_run`` it is kept as a hidden backup, like a file
    ``commit`` replaces, so a run that fails later puts it back."""
    path = str(path)
    if not os.path.lexists(path):
        return
    journal = getattr(_RUN, "journal", None)
    if journal is None:
        remove_quietly(path)
        return
    backup = tempfile.mktemp(prefix=TEMP_PREFIX + "old_", dir=os.path.dirname(os.path.abspath(path)))
    try:
        os.replace(path, backup)
    except OSError as err:
        raise write_error(path, err, what) from None
    journal.append((path, backup))


def remove_quietly(*paths: str | None) -> None:
    """Remove files if they exist; a failure to remove is not an error of its own."""
    for p in paths:
        if p and os.path.lexists(p):
            try:
                os.remove(p)
            except OSError:
                pass


def write_text_atomic(path: Path | str, text: str, what: str = "output", encoding: str = "utf-8") -> str:
    """Write ``text`` to ``path`` through a temporary file in its folder; nothing is left on failure."""
    tmp = temp_path(path, what)
    try:
        with open(tmp, "w", encoding=encoding, newline="") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
    except OSError as err:
        remove_quietly(tmp)
        raise write_error(path, err, what) from None
    except BaseException:
        remove_quietly(tmp)
        raise
    commit(tmp, path, what)
    return str(path)


# ---------------------------------------------------------------------------------------------- numbers in text

_GROUPED = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$")


def parse_number(value) -> float:
    """A number from a table cell: numbers as they are, text such as '1,234.5', ' 1234 ' or
    full-width digits ('１２３４') parsed; None and empty text are NaN (missing). Text that is not
    a number (or is ambiguous, e.g. '1.234,5') raises ValueError."""
    if value is None:
        return math.nan
    if isinstance(value, bool):
        raise ValueError(str(value))
    if isinstance(value, (int, float)):
        return float(value)
    text = unicodedata.normalize("NFKC", str(value)).strip().replace(" ", "").replace("\u00a0", "")
    if text == "" or text.upper() == "NULL":
        return math.nan
    if _GROUPED.match(text):
        text = text.replace(",", "")
    number = float(text)  # ValueError for anything else
    if math.isnan(number) or math.isinf(number):
        raise ValueError(str(value))
    return number
