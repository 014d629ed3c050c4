"""Article texts: verbatim search across whitespace, paragraphs, hints and safe paths."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline import sources
from timeline.errors import DataError
from timeline.sources import Article, Span, _likeliest_windows, check_source_path, collapse_whitespace, read_article

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


def test_locate_gives_the_collapsed_offset_and_length():
    article = Article("a  b\n\nc d")
    assert article.flat == "a b c d"
    assert article.locate(" b \n c ") == (2, 3)
    assert article.locate("   ") is None and article.locate("") is None
    assert article.locate("x") is None
    assert article.locate("a") == (0, 1)  # found at offset 0, not "not found"
    assert Article("ab ab").locate("ab") == (0, 2)  # a quote written twice: the first


def test_a_span_ends_after_its_last_character_in_the_original():
    article = Article("a  b\n\nc d")
    assert article.span_at(2, 3) == Span(3, 7)  # "b\n\nc"
    assert article.span_at(0, 1) == Span(0, 1)
    assert article.find("d") == Span(8, 9)


def test_find_all_of_nothing_is_nothing():
    article = Article("a b a")
    assert article.find_all("  ") == []
    assert article.find_all("c") == []
    assert article.find_all("a") == [Span(0, 1), Span(4, 5)]
    assert Article("aaa").find_all("aa") == [Span(0, 2), Span(1, 3)]  # overlapping ones too


def test_a_paragraph_is_bounded_by_blank_lines_or_the_text():
    text = "one\n\ntwo\nlines\n \n\nthree"
    article = Article(text)
    first = article.paragraph_of(article.find("one"))
    middle = article.paragraph_of(article.find("lines"))
    last = article.paragraph_of(article.find("three"))
    assert (first, text[middle.start : middle.end], last) == (Span(0, 3), "two\nlines", Span(len(text) - 5, len(text)))


@pytest.mark.parametrize(("offset", "line"), [(0, 1), (3, 1), (4, 2), (5, 2), (6, 3), (7, 4)])
def test_line_of_counts_the_newlines_before(offset, line):
    assert Article("abc\nd\n\nx").line_of(offset) == line


@pytest.mark.parametrize(
    ("word", "hint"),
    [
        ("abzz", "abzz"),  # 2 of 4 letters in common: a ratio of exactly 0.5 is a hint
        ("azzz", None),  # 0.25
    ],
)
def test_a_hint_needs_half_the_passage_in_common(word, hint):
    assert Article(f"qqqq {word} wwww").closest("abcd") == hint


def test_the_best_hint_wins_and_ties_go_to_the_first():
    article = Article("abzz abcz abyy abcx")
    assert article.closest("abcd") == "abcz"  # 0.75 beats 0.5, and the later 0.75 does not replace it


def test_a_quote_longer_than_2000_characters_gets_no_hint():
    words = [f"w{i:04d}" for i in range(400)]  # 400 words of 5 letters: 2399 characters
    article = Article(" ".join(words))
    at_2000 = " ".join(words[:333]) + " w03"  # 333 * 6 + 3 = 2001 characters
    assert len(at_2000[:-1]) == 2000 and article.closest(at_2000[:-1]) is not None
    assert len(at_2000) == 2001 and article.closest(at_2000) is None


def test_a_long_quote_in_a_long_article_compares_only_the_likeliest_windows():
    # 300 words of filler around a 600-character passage: past the comparison budget, only the
    # two windows sharing the most words are compared, and the near miss is still found.
    filler = [f"f{i:03d}" for i in range(300)]
    passage = [f"p{i:04d}" for i in range(120)]
    article = Article(" ".join(filler[:150] + passage + filler[150:]))
    quote = " ".join([*passage[:60], "CHANGED", *passage[61:]])
    assert article.closest(quote) == " ".join(passage)


def test_likeliest_windows_share_the_most_words_ties_to_the_earliest():
    words = ["a", "b", "c", "d", "a", "b"]
    assert _likeliest_windows(words, ["a", "b"], 2, 2) == [0, 4]  # scores 2 1 0 1 2
    assert _likeliest_windows(words, ["a", "b"], 2, 3) == [0, 1, 4]
    assert _likeliest_windows(words, ["a", "b"], 3, 1) == [0]  # scores 2 1 1 2
    # a word counts as often as the needle has it, no more
    assert _likeliest_windows(["a", "a", "b", "b"], ["a", "b"], 2, 1) == [1]
    assert _likeliest_windows(["x", "a", "a", "a", "a", "b"], ["a", "a", "b"], 3, 1) == [3]


def test_collapse_whitespace_of_edges_and_empty_text():
    assert collapse_whitespace("") == ("", [])
    assert collapse_whitespace("\t a\n") == (" a ", [0, 2, 3])


def test_a_nul_byte_names_its_line(tmp_path: Path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"one\ntwo\nth\x00ree\n")
    with pytest.raises(DataError) as info:
        read_article(path)
    (problem,) = info.value.problems
    assert (problem.line, problem.message, problem.hint) == (
        3,
        "is a binary file, not text (it holds NUL bytes)",
        "give the article as UTF-8 text",
    )
    path.write_bytes(b"\x00")
    with pytest.raises(DataError) as info:
        read_article(path)
    assert info.value.problems[0].line == 1
    path.write_bytes(b"a\x00\nb\x00")  # the first NUL is the one named
    with pytest.raises(DataError) as info:
        read_article(path)
    assert info.value.problems[0].line == 1
    path.write_bytes(b"\n\x00")  # a first line that is empty still counts
    with pytest.raises(DataError) as info:
        read_article(path)
    assert info.value.problems[0].line == 2
    path.write_text("fine\n", encoding="utf-8")
    assert read_article(path).text == "fine\n"


def test_check_source_path_messages(tmp_path: Path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    assert (
        check_source_path(seeds, "/etc/passwd")
        == '"/etc/passwd" is an absolute path; give a path inside the seeds folder'
    )
    assert check_source_path(seeds, "\\x.txt") == '"\\x.txt" is an absolute path; give a path inside the seeds folder'
    assert (
        check_source_path(seeds, "C:\\x.txt") == '"C:\\x.txt" is an absolute path; give a path inside the seeds folder'
    )
    (tmp_path / "x.txt").write_text("x")
    (seeds / "link.txt").symlink_to(tmp_path / "x.txt")
    assert check_source_path(seeds, "link.txt") == '"link.txt" leads outside the seeds folder (through a link)'
    (seeds / "in.txt").write_text("x")
    (seeds / "inner.txt").symlink_to(seeds / "in.txt")
    assert check_source_path(seeds, "inner.txt") is None  # a link that stays inside is fine


def test_edges_of_the_text_itself():
    article = Article("\n\nHello world")
    assert article.paragraph_of(article.find("world")) == Span(2, 13)  # a break at offset 0 counts
    assert Article("\nabc").line_of(2) == 2  # a newline at offset 0 counts
    assert Article("a b a b a").find_all("a") == [Span(0, 1), Span(4, 5), Span(8, 9)]  # each in turn


def test_a_hint_window_is_as_many_words_as_the_quote_even_at_the_end():
    # "abc" alone would match better, but a hint is a window of the quote's length in words
    assert Article("q abc").closest("abc def") == "q abc"


def test_a_hint_never_starts_with_the_space_an_article_opens_with():
    # the only window of two words is the article's one word, and it reads as written
    assert Article("  ab").closest("ab cd") == "ab"
    assert Article("\nab cd ").closest("ab cx") == "ab cd"


def test_a_window_exactly_half_like_the_quote_is_a_hint_even_by_length_alone():
    # "a" against "abc": a third of the length gives a ratio of 2 * 1 / 4 = 0.5 at best, and
    # 0.5 is enough, so the window must not be skipped by the quick length test
    assert Article("a").closest("abc") == "a"


def test_a_long_quote_is_compared_without_dropping_common_letters():
    # SequenceMatcher's autojunk would treat letters frequent in a 200+ character quote as
    # junk and find next to nothing in common; the near miss must still be the hint
    passage = "the two governments agreed to share crossing data every month " * 4
    quote = passage.replace("every month", "each month", 1)
    assert len(quote.strip()) > 200
    assert Article(f"Before. {passage}After.").closest(quote) == passage.strip()


@pytest.mark.parametrize(
    ("budget", "text", "quote", "hint"),
    [
        # a 1-letter quote with a budget of 16 compares 16 windows: all five here, so the
        # only like word, the last, is found
        (16, "ab cd ef gh xy", "x", "xy"),
        # a 2-letter quote: 16 // 2**2 = 4 windows may be compared, and there are three
        (16, "ab cd xz", "xq", "xz"),
        # with no budget at all, still the two likeliest windows are compared: here the
        # first two share "cat" and are unlike the quote, so there is no hint
        (0, "cat qqqqqqqqqq cat dogs", "cat dog", None),
    ],
)
def test_the_comparison_budget_decides_how_many_windows_are_compared(monkeypatch, budget, text, quote, hint):
    monkeypatch.setattr(sources, "_HINT_BUDGET", budget)
    assert Article(text).closest(quote) == hint
