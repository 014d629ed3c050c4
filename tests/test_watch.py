"""The change fingerprint: any edit, addition or deletion under a folder changes it."""

from __future__ import annotations

import os

from timeline.watch import stat_tree


def test_fingerprint_changes_with_the_files(tmp_path):
    (tmp_path / "a.txt").write_text("one")
    first = stat_tree(tmp_path)
    assert stat_tree(tmp_path) == first
    (tmp_path / "a.txt").write_text("one, longer")
    second = stat_tree(tmp_path)
    assert second != first
    os.utime(tmp_path / "a.txt", ns=(1, 1))
    assert stat_tree(tmp_path) != second
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("two")
    third = stat_tree(tmp_path)
    assert len(third) == 2
    (tmp_path / "sub" / "b.txt").unlink()
    assert len(stat_tree(tmp_path)) == 1


def test_missing_folder(tmp_path):
    assert stat_tree(tmp_path / "nope")[0] == "missing"
