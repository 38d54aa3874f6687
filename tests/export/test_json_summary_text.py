"""The JSON documents (dossier summary, privacy export, results) are written by json_indented: the text is
json.dumps' indented text byte for byte, for every demo citizen's dossier."""

from __future__ import annotations

import json

from placement_desk.export.json_summary import dumps, summary
from tests.export.conftest import Rendered


def test_the_summary_text_is_json_dumps_byte_for_byte(demo_docs: dict[str, Rendered]) -> None:
    for doc in demo_docs.values():
        document = summary(doc.data)
        assert dumps(document) == json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    odd = {"tal": [1, 2.5, -0.0, 1e300, None, True], "tom": {}, "liste": [], "tekst": 'æ "citat" \\ \n\t\u2028'}
    assert dumps(odd) == json.dumps(odd, ensure_ascii=False, indent=2) + "\n"
