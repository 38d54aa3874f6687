"""Every vocabulary value has a Danish and an English label (issue 13): documents keep the Danish, the UI
shows the label in its own language."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from placement_desk.domain import vocab
from placement_desk.ui.kit import vocab_labels
from placement_desk.ui.kit.messages import set_language


@pytest.fixture
def english_ui() -> Iterator[None]:
    set_language("en")
    yield
    set_language("da")


@pytest.mark.parametrize("enum", list(vocab.VOCABULARY_LABELS), ids=lambda e: e.__name__)
def test_every_value_of_a_vocabulary_has_a_danish_and_an_english_label(enum: type) -> None:
    table = vocab.VOCABULARY_LABELS[enum]
    assert {v.value for v in enum} <= set(table), enum  # type: ignore[attr-defined]
    for code, (danish, english) in table.items():
        assert danish.strip() and english.strip(), code
        assert vocab.label(code) == danish and vocab.english_label(code) == english


def test_every_outcome_kind_has_a_danish_and_an_english_label() -> None:
    assert set(vocab.OUTCOME_KIND_LABELS) == {k.value for k in vocab.OutcomeKind}
    for code, (danish, english) in vocab.OUTCOME_KIND_LABELS.items():
        assert vocab.outcome_label(code) == danish and vocab.english_outcome_label(code) == english
    assert vocab.outcome_label("education") != vocab.label("education")  # outcomes keep their own labels


def test_a_code_in_several_vocabularies_has_one_label_in_each_language() -> None:
    seen: dict[str, tuple[str, str]] = {}
    for table in vocab.VOCABULARY_LABELS.values():
        for code, labels in table.items():
            assert seen.setdefault(code, labels) == labels, code


def test_the_ui_picks_the_label_of_its_language(english_ui: None) -> None:
    assert vocab_labels.label("three_party") == "Three-party meeting"
    assert vocab_labels.outcome_label("wage_subsidy") == "Wage subsidy"
    assert vocab_labels.label("no_such_code") == "no_such_code" and vocab_labels.label(None) == ""
    assert vocab.label("three_party") == "Trepartsmøde"  # documents stay Danish
    set_language("da")
    assert vocab_labels.label("three_party") == "Trepartsmøde"
    assert vocab_labels.outcome_label("wage_subsidy") == "Løntilskud"


def test_hours_and_weeks_are_written_in_the_uis_language(english_ui: None) -> None:
    from placement_desk.ui.kit.charts import week_labels
    from placement_desk.ui.kit.formatting import fmt_hours, fmt_number, fmt_week, fmt_week_span

    assert (fmt_hours(1200), fmt_number(1234.5), fmt_week("2022-W36")) == ("20.00 h", "1,234.50", "week 36 2022")
    assert fmt_week_span("2024-W05", "2024-W08") == "week 5–8 2024"
    assert week_labels(["2024-W36"]) == ["week 36"]
    set_language("da")
    assert (fmt_hours(1200), fmt_number(1234.5), fmt_week("2022-W36")) == ("20,00 t", "1.234,50", "uge 36 2022")
    assert fmt_week_span("2024-W05", "2024-W08") == "uge 5–8 2024"
    assert week_labels(["2024-W36"]) == ["uge 36"]
