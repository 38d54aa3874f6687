"""Beskrivelse: per heading the writer's prompt, the consultant's text and the evidence beside it;
observations added in place; texts saved per citizen and template, undoable, and used by the dossier."""

from __future__ import annotations

import json

from pytestqt.qtbot import QtBot

from placement_desk.db.engine import Database
from placement_desk.services import description, documents, views
from tests.ui.citizen_tabs import check_undo_redo, open_tab


def test_every_heading_shows_its_prompt_text_and_evidence(qtbot: QtBot, demo_db: Database) -> None:
    tab = open_tab(qtbot, demo_db, "SA", "description")
    assert list(tab.blocks) == ["work_resources", "personal_resources", "challenges", "wishes", "health",
                                "health_and_work", "benefit_history", "efforts"]  # fmt: skip
    work = tab.blocks["work_resources"]
    assert work.prompt.text().startswith("Hvad har borgeren lavet og lært?")
    assert work.editor.toPlainText().startswith("SA er fysisk stærk og mødestabil")  # the demo's saved text
    assert "Kompetence-CV udarbejdet" in work.evidence.text()
    assert "Pedelmedhjælper i praktik" in work.evidence.text()
    tab.template.setCurrentIndex(tab.template.findData("prerequisites"))
    assert list(tab.blocks)[-1] == "health_coordinator"
    assert "Tandbehandling" not in tab.blocks["health"].evidence.text()  # SA has no treatment


def test_texts_are_saved_undone_and_go_into_the_dossier(qtbot: QtBot, demo_db: Database) -> None:
    tab = open_tab(qtbot, demo_db, "DC", "description")
    tab.blocks["health"].editor.setPlainText("Migræne og angst; egen læge har sat en anfaldsdagbog i gang.")
    tab.blocks["efforts"].editor.setPlainText("Tre praktikker; afbrudt til fordel for angstbehandling.")
    stack = tab.ctx.undo_stack
    assert tab.save_texts()
    assert description.dossier_texts(demo_db, "DC") == {
        "health": "Migræne og angst; egen læge har sat en anfaldsdagbog i gang.",
        "efforts": "Tre praktikker; afbrudt til fordel for angstbehandling.",
    }
    doc = documents.render_document(demo_db, "DC", formats=("json",))
    sections = {s["key"]: s for s in json.loads(doc.files["json"].content)["sections"]}
    assert sections["health"]["text"] == "Migræne og angst; egen læge har sat en anfaldsdagbog i gang."
    assert not tab.save_texts()  # nothing edited since
    stack.undo()
    assert description.dossier_texts(demo_db, "DC") == {}
    assert tab.blocks["health"].editor.toPlainText() == ""
    stack.redo()
    assert len(description.dossier_texts(demo_db, "DC")) == 2
    tab.check()
    assert tab.status.text() and "nothing under the heading" not in tab.status.text()  # every heading of DC has something


def test_an_observation_is_added_in_place_and_undone(qtbot: QtBot, demo_db: Database) -> None:
    tab = open_tab(qtbot, demo_db, "Poul", "description")
    before = len(views.citizen_detail(demo_db, "Poul").observations)
    tab.obs_heading.setCurrentIndex(tab.obs_heading.findData("wishes"))
    tab.obs_by.setCurrentIndex(tab.obs_by.findData("citizen"))
    tab.obs_placement.setCurrentIndex(tab.obs_placement.findData("Poul-1"))
    tab.obs_date.setText("02-12-2024")
    tab.obs_text.setText("Vil gerne blive i butikken i fleksjob")
    check_undo_redo(tab, tab.add_observation)
    rows = views.citizen_detail(demo_db, "Poul").observations
    assert len(rows) == before + 1
    added = next(r.value for r in rows if r.value.text == "Vil gerne blive i butikken i fleksjob")
    assert (added.heading, added.by, added.placement, added.day.isoformat()) == ("wishes", "citizen", "Poul-1",
                                                                                "2024-12-02")  # fmt: skip
    assert "Vil gerne blive i butikken i fleksjob" in tab.blocks["wishes"].evidence.text()
    tab.obs_text.clear()
    assert tab.add_observation() is None
    assert tab.form.error_text("text")  # the text is required, shown next to its field


def test_the_previous_citizens_texts_never_show_on_another(qtbot: QtBot, demo_db: Database) -> None:
    tab = open_tab(qtbot, demo_db, "DC", "description")
    tab.blocks["wishes"].editor.setPlainText("Halvskrevet tekst om DC")
    page = tab.parent()
    while page is not None and not hasattr(page, "show_citizen"):
        page = page.parent()
    assert page is not None
    page.show_citizen("Thomas", "description")
    assert tab.blocks["wishes"].editor.toPlainText() == ""
    assert "Halvskrevet" not in "".join(b.editor.toPlainText() for b in tab.blocks.values())


def test_a_follow_up_note_is_tagged_with_headings_and_shows_under_them(qtbot: QtBot, demo_db: Database) -> None:
    followup = open_tab(qtbot, demo_db, "Malthe", "followup")
    followup.start_new("Malthe-1")
    followup.form.note.setPlainText("Vil gerne tilbage på tømreruddannelsen")
    followup.form.headings["wishes"].setChecked(True)
    followup.form.headings["efforts"].setChecked(True)
    check_undo_redo(followup, followup.save)
    saved = views.citizen_detail(demo_db, "Malthe").followups[-1].value
    assert saved.headings == ("wishes", "efforts")
    described = open_tab(qtbot, demo_db, "Malthe", "description")
    assert "Vil gerne tilbage på tømreruddannelsen" in described.blocks["wishes"].evidence.text()
    assert "Vil gerne tilbage på tømreruddannelsen" not in described.blocks["health"].evidence.text()
