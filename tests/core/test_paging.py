import pytest

from bot.core.paging import split_pages, split_sentences

LONG = "\n\n".join(
    [
        "大模型是指参数规模巨大的深度学习模型。它们通过大规模数据训练。" * 3,
        "GPT-3.5 is a model. It was trained by OpenAI! 第二段结束。",
        "- 列表第一项：内容。\n- 列表第二项：内容。",
    ]
)


def test_short_text_is_one_page() -> None:
    assert split_pages("一句话。", 300) == ["一句话。"]


@pytest.mark.parametrize("size", [20, 40, 80, 120, 300])
def test_pages_rebuild_the_text_and_respect_the_size(size: int) -> None:
    pages = split_pages(LONG, size)
    squeezed = "".join("".join(p.split()) for p in pages)
    assert squeezed == "".join(LONG.split())
    sentences = {s.strip() for p in LONG.split("\n\n") for s in split_sentences(p)}
    for page in pages:
        # A page over the size is a single sentence that could not be split.
        assert len(page) <= size or page.strip() in sentences


def test_never_cuts_inside_a_sentence_or_word() -> None:
    for size in (10, 25, 50):
        for page in split_pages(LONG, size):
            assert page.rstrip()[-1] in "。！？!?.：" or page.endswith("内容。")
            assert not page.startswith(("3.5", "5 is", "AI"))


def test_english_abbreviations_and_versions_stay_whole() -> None:
    assert split_sentences("GPT-3.5 is good. Yes!") == ["GPT-3.5 is good.", " Yes!"]


def test_bad_size_is_refused() -> None:
    with pytest.raises(ValueError):
        split_pages("x", 0)
