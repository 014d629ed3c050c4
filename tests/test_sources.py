"""Article texts: verbatim search across whitespace, paragraphs, hints and safe paths."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.sources import Article, check_source_path, collapse_whitespace

TEXT = "Title line\n\nFirst paragraph says  the U.S.\nand Mexico agree.\n\nSecond paragraph, with “quotes”.\n"


def test_find_is_whitespace_insensitive_and_maps_back_to_the_original():
    article = Article(TEXT)
    span = article.find("the U.S. and Mexico agree")
    assert TEXT[span.start : span.end] == "the U.S.\nand Mexico agree"
    assert article.find("the U.S. and Canada") is None


def test_find_does_not_fold_quotes_or_case():
    article = Article(TEXT)
    assert article.find("with “quotes”") is not None
    assert article.find('with "quotes"') is None
    assert article.find("first paragraph") is None


def test_find_all_returns_every_occurrence():
    article = Article("a b a  b a")
    assert [(s.start, s.end) for s in article.find_all("a b")] == [(0, 3), (4, 8)]


def test_paragraph_of_a_span():
    article = Article(TEXT)
    para = article.paragraph_of(article.find("Mexico agree"))
    assert TEXT[para.start : para.end] == "First paragraph says  the U.S.\nand Mexico agree."


def test_closest_passage_for_a_near_miss():
    article = Article(TEXT)
    assert article.closest("Second paragraph, with quotes") == "Second paragraph, with “quotes”."
    assert article.closest("entirely unrelated words here") is None


def test_collapse_whitespace_offsets():
    flat, offsets = collapse_whitespace("a \n b")
    assert flat == "a b"
    assert offsets == [0, 1, 4]


def test_check_source_path(tmp_path: Path):
    (tmp_path / "seeds").mkdir()
    seeds = tmp_path / "seeds"
    assert check_source_path(seeds, "a.txt") is None
    assert "absolute" in check_source_path(seeds, "/etc/passwd")
    assert "absolute" in check_source_path(seeds, "C:\\x.txt")
    assert '".."' in check_source_path(seeds, "../a.txt")
    (tmp_path / "x.txt").write_text("x")
    (seeds / "link.txt").symlink_to(tmp_path / "x.txt")
    assert "outside the seeds folder" in check_source_path(seeds, "link.txt")


# Boundary test for issue 14: the ".." rule refuses the parts themselves, even where the real
# path would stay inside the seeds folder (so the later real-path check cannot be what stops it).
@pytest.mark.parametrize("file", ["sub/../wire.txt", "./x/../wire.txt", "sub\\..\\wire.txt", "wire.txt/.."])
def test_dot_dot_is_refused_even_when_it_stays_inside(tmp_path: Path, file: str):
    seeds = tmp_path / "seeds"
    (seeds / "sub").mkdir(parents=True)
    (seeds / "x").mkdir()
    (seeds / "wire.txt").write_text("x")
    assert check_source_path(seeds, file) == f'"{file}" contains ".."; give a path inside the seeds folder'


def test_a_plain_subfolder_path_passes_the_dot_dot_rule(tmp_path: Path):
    seeds = tmp_path / "seeds"
    (seeds / "sub").mkdir(parents=True)
    (seeds / "sub" / "wire.txt").write_text("x")
    assert check_source_path(seeds, "sub/wire.txt") is None
    assert check_source_path(seeds, "sub/..wire.txt") is None  # ".." inside a name is not a part
