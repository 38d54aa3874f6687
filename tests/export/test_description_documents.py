"""The description in the dossier PDF and workbook, read back from the files: every heading of the
template with the consultant's text or ``Ikke beskrevet``, its dated evidence, the workplace's own
statement, the template's recipient and purpose, and on a version issued incomplete, why and what was missing."""

from __future__ import annotations

import io
from datetime import date, datetime

import pytest
from openpyxl import load_workbook

from placement_desk.db.engine import Database
from placement_desk.services import description, documents
from placement_desk.services.casefile_io import import_case_file
from placement_desk.services.templates import find_template
from tests.casefiles import case_file
from tests.export.conftest import DEMO_REFS, Rendered, pdf_pages
from tests.services.test_profile_observations import described_citizen


def flat(content: bytes) -> str:
    return " ".join(" ".join(pdf_pages(content)).split())


@pytest.fixture
def dc(db: Database, monkeypatch: pytest.MonkeyPatch) -> Database:
    monkeypatch.setenv("PLACEMENT_DESK_TODAY", "2023-04-10")
    import_case_file(db, case_file(described_citizen()))
    description.save_dossier_text(db, "DC", None, "health", "Migræne 2-3 gange om ugen; behandles af egen læge.")
    return db


def test_the_pdf_shows_every_heading_with_its_text_evidence_and_the_workplaces_statement(dc: Database) -> None:
    doc = documents.issue_document(dc, "DC", recipient="Jobcenter København, rehabiliteringsteamet",
                                   formats=("pdf", "json"), allow_incomplete="Vurderingen eftersendes")  # fmt: skip
    text = flat(doc.files["pdf"].content)
    template = find_template("preparatory_part")
    assert "Rehabiliteringsplanens forberedende del · til Jobcenter København, rehabiliteringsteamet" in text  # cover
    assert template.purpose.split(". ")[0] in text
    assert "Indhold A1. " + template.headings[0].title in text  # the description part is in the contents
    full, text = text, text[text.index("Formål"):]  # the description part itself, after the contents
    positions = [text.index(f"A{i}. {h.title}") for i, h in enumerate(template.headings, 1)]
    assert positions == sorted(positions)  # in the template's order
    assert "Migræne 2-3 gange om ugen; behandles af egen læge." in text
    chunks = [text[a:b] for a, b in zip(positions, [*positions[1:], text.index("Virksomhedens egen udtalelse")],
                                         strict=True)]  # fmt: skip
    for heading, chunk in zip(template.headings, chunks, strict=True):
        if heading.key != "health":
            assert "Ikke beskrevet" in chunk, heading.key  # no text from the consultant: said honestly
    work, _network, challenges, _wishes, health, *_rest, efforts = chunks
    assert "02-03-2023 Observation (DC-1) Virksomhedsmentor Tager selv initiativ til opgaver" in work
    assert "2015-03" not in work and "03-2015 – 08-2016" in work and "Ophør: Opsagt ved nedskæring" in work
    assert "13-03-2023 Opfølgningssamtale (DC-1)" in challenges and "Meget fravær. Trappes ned." in challenges
    assert "Fremmøde 60,4 %" in challenges and "Skånehensyn: Klare og enkle instruktioner; Dæmpet lys og ro" in challenges
    assert "01-08-2023 – 15-09-2023 Borgerens historik: Behandling oplyst af borgeren Tandbehandling" in health
    assert "Resultat: Stoppet efter 3 uger" in efforts
    statement = text[text.index("Virksomhedens egen udtalelse"):]
    assert "Går hjem, når lyset er skarpt" in statement and "Migræne 2-3 gange om ugen" not in statement
    assert "Udstedt, selv om dokumentationen ikke er komplet" in full
    assert "Begrundelse: Vurderingen eftersendes" in full and "Konsulentens vurdering mangler" in full


def test_the_prerequisites_template_goes_to_the_municipality_with_questions_for_the_health_coordinator(
    dc: Database,
) -> None:
    doc = documents.render_document(dc, "DC", formats=("pdf",), template="prerequisites", assessment="Vurdering")
    text = flat(doc.files["pdf"].content)
    assert "Beskrivelse af borgerens forudsætninger · til Kommunen (sagsbehandler)" in text
    assert "8. Spørgsmål til regionens sundhedskoordinator" in text
    assert "1. Hvilken betydning har borgerens helbredsforhold" in text
    assert "Udstedt, selv om" not in text  # a draft: nothing was issued


def test_the_workbook_has_the_headings_the_evidence_and_the_statement_as_cells(dc: Database) -> None:
    doc = documents.issue_document(dc, "DC", recipient="Jobcentret", formats=("xlsx",), assessment="Vurdering")
    wb = load_workbook(io.BytesIO(doc.files["xlsx"].content))
    assert wb.sheetnames[1:4] == ["Beskrivelse", "Dokumentation", "Virksomhedens udtalelse"]
    ws = wb["Beskrivelse"]
    template = find_template()
    rows = list(ws.iter_rows(min_row=5, max_row=12, values_only=True))
    assert [r[1] for r in rows] == [h.title for h in template.headings]
    assert [r[0] for r in rows] == list(range(1, 9))
    by_title = {r[1]: r for r in rows}
    assert by_title[template.headings[4].title][2] == "Migræne 2-3 gange om ugen; behandles af egen læge."
    assert by_title[template.headings[0].title][2] == "Ikke beskrevet"
    assert by_title[template.headings[0].title][4] == 4 and isinstance(by_title[template.headings[0].title][4], int)
    evidence = wb["Dokumentation"]
    observed = [r for r in evidence.iter_rows(min_row=5, values_only=True) if r[4] and r[4].startswith("Observation")]
    assert observed and all(isinstance(r[2], datetime) for r in observed)
    assert evidence.cell(row=5, column=3).number_format == "dd-mm-yyyy" or evidence.cell(row=5, column=3).value is None
    cv = next(r for r in evidence.iter_rows(min_row=5, values_only=True) if r[6] == "Avisbud")
    assert cv[2] is None and cv[3] == "2008 – 2009"  # a year is no date: its period as written
    statement = list(wb["Virksomhedens udtalelse"].iter_rows(min_row=5, values_only=True))
    assert [(r[0].date(), r[1], r[3]) for r in statement] == [
        (date(2023, 3, 2), "DC-1", "Tager selv initiativ til opgaver, når dagen er planlagt"),
        (date(2023, 3, 20), "DC-1", "Går hjem, når lyset er skarpt"),
    ]


@pytest.mark.parametrize("ref", DEMO_REFS)
def test_every_demo_dossier_shows_every_heading_with_evidence_or_ikke_beskrevet(
    demo_docs: dict[str, Rendered], ref: str
) -> None:
    rendered = demo_docs[ref]
    text = rendered.text
    sections = rendered.summary["sections"]
    assert rendered.summary["template"]["key"] == "preparatory_part" and len(sections) == 8
    text = text[text.index("Formål"):]  # after the cover's contents
    for i, s in enumerate(sections, 1):
        start = text.index(f"A{i}. {s['title']}")
        end = text.index(f"A{i + 1}. ", start + 3)
        chunk = text[start:end]
        assert (s["text"] or "Ikke beskrevet") in chunk, (ref, s["key"])
        if s["entries"]:
            first = s["entries"][0]["text"].split(" · ")[0][:40]
            assert first in chunk, (ref, s["key"], first)
        else:
            assert "Ingen registrerede oplysninger" in chunk, (ref, s["key"])
