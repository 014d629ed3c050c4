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
    assert stat_tree(tmp_path / "nope") == ("missing", str(tmp_path / "nope"))


def test_a_file_gone_before_it_is_looked_at_is_left_out_and_the_rest_still_counted(tmp_path, monkeypatch):
    # a link to nothing is listed but cannot be looked at, as a file deleted between listing and
    # stat; it is listed first here, so the files after it must still be counted
    (tmp_path / "b.txt").write_text("two")
    (tmp_path / "c.txt").write_text("three")
    (tmp_path / "a-gone.txt").symlink_to(tmp_path / "nowhere")
    walk = os.walk

    def sorted_walk(folder):
        for root, dirs, files in walk(folder):
            yield root, dirs, sorted(files)

    monkeypatch.setattr(os, "walk", sorted_walk)
    assert [(name, size) for _root, name, _mtime, size in stat_tree(tmp_path)] == [("b.txt", 3), ("c.txt", 5)]
