"""Noticing that data changed: a cheap fingerprint of the files under a folder."""

from __future__ import annotations

import os
from pathlib import Path


def stat_tree(folder: Path) -> tuple:
    """Every file under ``folder`` with its modification time and size (sorted), or a marker
    when the folder is missing. Any edit, addition or deletion changes the result."""
    if not Path(folder).is_dir():
        return ("missing", str(folder))
    entries = []
    for root, _dirs, files in os.walk(folder):
        for name in files:
            try:
                info = os.stat(os.path.join(root, name))
            except OSError:  # deleted between listing and stat: the next look sees it gone
                continue
            entries.append((root, name, info.st_mtime_ns, info.st_size))
    return tuple(sorted(entries))
