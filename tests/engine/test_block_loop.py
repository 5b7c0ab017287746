"""blockio.for_each_block with a read-ahead thread: same calls in the same order, progress after
every step, and on an error or a cancel no window is read beyond the one in flight."""

from __future__ import annotations

import threading

import pytest

from carbon_budget.carbon_plugin import blockio
from carbon_budget.carbon_plugin.errors import Cancelled
from carbon_budget.carbon_plugin.progress import Progress

WINDOWS = [blockio.Window(row0=256 * k, nrows=256, col0=0, ncols=512) for k in range(6)]


def test_read_ahead_gives_each_window_its_own_data_in_order():
    readers, seen, fractions = set(), [], []

    def read(window):
        readers.add(threading.current_thread().name)
        return window.row0 * 10

    def per_block(window, data):
        seen.append((window.row0, data))
        yield
        yield

    blockio.for_each_block(WINDOWS, per_block, Progress(on_fraction=fractions.append), steps_per_block=2, read=read)
    assert seen == [(w.row0, w.row0 * 10) for w in WINDOWS]
    assert readers and threading.current_thread().name not in readers  # read on the background thread
    assert fractions == [0.0, *[k / 12 for k in range(1, 13)], 1.0]


@pytest.mark.parametrize("stop", ["error", "cancel"])
def test_an_error_or_cancel_stops_the_reads(stop):
    read_rows = []
    cancelled = threading.Event()

    def read(window):
        read_rows.append(window.row0)
        return window

    def per_block(window, _data):
        if window.row0 == 256:
            if stop == "error":
                raise ValueError("bad block")
            cancelled.set()
        yield

    progress = Progress(is_cancelled=cancelled.is_set)
    with pytest.raises(ValueError if stop == "error" else Cancelled):
        blockio.for_each_block(WINDOWS, per_block, progress, read=read)
    assert read_rows == [0, 256, 512]  # the current window and the one read ahead, no more


def test_read_ahead_keeps_no_reference_to_the_window_being_worked_on():
    """The stage can free a window's inputs before its last step (rastertrend deletes its year
    stack before writing): the loop and the read-ahead must not keep the array alive."""
    import gc
    import weakref

    import numpy as np

    alive = []

    def per_block(window, data):
        ref = weakref.ref(data)
        del data
        gc.collect()
        alive.append(ref() is not None)
        yield

    blockio.for_each_block(WINDOWS, per_block, read=lambda window: np.zeros(8))
    assert alive == [False] * len(WINDOWS)
