"""The report's figures inside a .docx we write (a custom XML part), so the file imports back
into the same document even after a round of edits in Word. The writer and the reader share it.
"""

from __future__ import annotations

import json

from workbench.document.model import Report, figure_to_dict

DATA_NS = "urn:workbench:report:1"
DATA_PART = "customXml/item_workbench.xml"


def data_xml(report: Report) -> bytes:
    """The figures ride inside the .docx so a re-import keeps them; the drafter's internal
    note stays in the store (a draft sent round for comment must not carry it)."""
    data = {
        "schema": report.schema, "place": report.place, "year": report.year,
        "status": report.status,
        "results": [figure_to_dict(f) for f in report.results],
        "targets": [figure_to_dict(f) for f in report.targets],
    }
    payload = (json.dumps(data, ensure_ascii=False).replace("&", "&amp;").replace("<", "&lt;")
               .replace(">", "&gt;").replace('"', "&quot;"))
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<workbench xmlns="{DATA_NS}">{payload}</workbench>').encode("utf-8")


def read_attached_data(doc) -> dict | None:
    """The data part of a .docx we wrote (a python-docx Document), or None."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    for rel in doc.part.rels.values():
        if rel.reltype != RT.CUSTOM_XML or rel.is_external:
            continue
        blob = rel.target_part.blob
        if DATA_NS.encode() not in blob[:400]:
            continue
        from lxml import etree

        parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
        try:
            root = etree.fromstring(blob, parser)
        except etree.XMLSyntaxError:
            return None
        if root.getroottree().docinfo.doctype or not root.text:
            return None  # we never write a DOCTYPE: someone else's part
        try:
            data = json.loads(root.text)
        except ValueError:
            return None
        return data if isinstance(data, dict) else None
    return None
