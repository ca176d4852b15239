"""The report's data inside a .docx we write, in two forms every editor keeps, so the file
imports back into the same document after a round of edits in Word, WPS or LibreOffice:

- a custom XML part (``customXml/itemN.xml``) with its ``itemPropsN.xml``: the figures, place,
  year and status. Word and WPS keep any custom XML part; LibreOffice keeps one only when it
  has its item properties (a bare part is dropped on save);
- a custom document property (``docProps/custom.xml``, 自定义属性 ``workbench``): place, year
  and a fingerprint of the text, a fallback that tells whose copy a file is even when the
  part is gone.

The writer (writing/report_docx.py) adds the parts, the reader (reading/importer.py) reads them.
"""

from __future__ import annotations

import json
import re

from workbench.document.model import Report, figure_to_dict
from workbench.util.digest import sha256_hex, uuid5_url

DATA_NS = "urn:workbench:report:1"
# The part's name before issue 25 (no item properties: LibreOffice dropped it); still read.
OLD_DATA_PART = "customXml/item_workbench.xml"
PROPERTY_NAME = "workbench"
CUSTOM_PROPS_PART = "docProps/custom.xml"
CT_ITEM_PROPS = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml"
CT_CUSTOM_PROPS = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
REL_ITEM_PROPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps"
REL_CUSTOM_PROPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
# The format ID Word gives every user-defined document property.
_USER_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"


def _escape(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;"))


def fingerprint(report: Report) -> str:
    """A short hash of the report's text (titles and paragraphs): which state a copy was made from."""
    def chunks():
        for ch in report.chapters:
            yield (ch.title or "").encode("utf-8") + b"\x1f"
            for sec in ch.sections:
                yield sec.title.encode("utf-8") + b"\x1f"
        for *_, p in report.paragraphs():
            yield p.full_text.strip().encode("utf-8") + b"\x1e"
    return sha256_hex(chunks())[:16]


def data_xml(report: Report) -> bytes:
    """The figures ride inside the .docx so a re-import keeps them; the drafter's internal
    note stays in the store (a draft sent round for comment must not carry it)."""
    data = {
        "schema": report.schema, "place": report.place, "year": report.year,
        "status": report.status, "fingerprint": fingerprint(report),
        "results": [figure_to_dict(f) for f in report.results],
        "targets": [figure_to_dict(f) for f in report.targets],
    }
    payload = _escape(json.dumps(data, ensure_ascii=False))
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<workbench xmlns="{DATA_NS}">{payload}</workbench>').encode("utf-8")


def item_props_xml(report: Report) -> bytes:
    """The item properties of the data part (an ID and the schema it follows)."""
    item_id = "{" + uuid5_url(f"{DATA_NS}:{report.place}:{report.year}").upper() + "}"
    return ('<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
            f'<ds:datastoreItem ds:itemID="{item_id}" '
            'xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml">'
            f'<ds:schemaRefs><ds:schemaRef ds:uri="{DATA_NS}"/></ds:schemaRefs></ds:datastoreItem>').encode("utf-8")


def item_rels_xml(props_name: str) -> bytes:
    """customXml/_rels/itemN.xml.rels: the part to its item properties."""
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{REL_ITEM_PROPS}" Target="{props_name}"/>'
            '</Relationships>').encode("utf-8")


def identity(report: Report) -> dict:
    return {"place": report.place, "year": report.year, "fingerprint": fingerprint(report)}


def custom_props_xml(report: Report, existing: bytes | None = None) -> bytes:
    """docProps/custom.xml with our property (a template's own properties kept)."""
    value = _escape(json.dumps(identity(report), ensure_ascii=False))
    props = []
    if existing:
        props = [m.group(0) for m in re.finditer(rb"<property\b.*?</property>", existing, re.S)
                 if f'name="{PROPERTY_NAME}"'.encode() not in m.group(0)]
    pids = [int(p) for m in props for p in re.findall(rb'pid="(\d+)"', m)]
    pid = max([1, *pids]) + 1
    ours = (f'<property fmtid="{_USER_FMTID}" pid="{pid}" name="{PROPERTY_NAME}">'
            f"<vt:lpwstr>{value}</vt:lpwstr></property>").encode("utf-8")
    return (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
            b'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
            + b"".join(props) + ours + b"</Properties>")


def free_item_names(names) -> tuple[str, str]:
    """(customXml/itemN.xml, itemPropsN.xml) with the first N no part of the package uses."""
    n = 1
    while f"customXml/item{n}.xml" in names or f"customXml/itemProps{n}.xml" in names:
        n += 1
    return f"customXml/item{n}.xml", f"itemProps{n}.xml"


def _parse_json_element(blob: bytes) -> dict | None:
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


def read_attached_data(doc) -> dict | None:
    """The data part of a .docx we wrote (a python-docx Document), or None."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    for rel in doc.part.rels.values():
        if rel.reltype != RT.CUSTOM_XML or rel.is_external:
            continue
        blob = rel.target_part.blob
        if DATA_NS.encode() not in blob[:400]:
            continue
        return _parse_json_element(blob)
    return None


def read_identity(doc) -> dict | None:
    """Place, year and fingerprint from our document property, or None: what is left of a
    copy whose data part an editor dropped."""
    from lxml import etree

    for part in doc.part.package.iter_parts():
        if str(part.partname) != "/" + CUSTOM_PROPS_PART:
            continue
        parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
        try:
            root = etree.fromstring(part.blob, parser)
        except etree.XMLSyntaxError:
            return None
        for prop in root:
            if prop.get("name") != PROPERTY_NAME:
                continue
            text = "".join(prop.itertext())
            try:
                data = json.loads(text)
            except ValueError:
                return None
            if (isinstance(data, dict) and isinstance(data.get("place"), str) and data["place"]
                    and isinstance(data.get("year"), int)):
                return data
            return None
    return None
