"""Tracked changes (修订) and comments (批注) in a .docx someone edited, as plain records.

A change: who, when, inserted or deleted, the text, and where (the paragraph's number in the
document and its text with every change accepted). A comment: who, when, its text, the text
it is anchored to and the paragraph that holds it. Records are dicts so they store as JSON
beside a version (see store.save_version) and print as they are.
"""

from __future__ import annotations

from typing import Any

from workbench.reading.docxruns import run_texts


def _qn(tag: str) -> str:
    from docx.oxml.ns import qn

    return qn(tag)


def _accepted(p) -> str:
    return "".join(text for _, text in run_texts(p))


def _rejected(p) -> str:
    return "".join(text for _, text in run_texts(p, accept=False))


def read_revisions(doc) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(changes, comments) of an opened python-docx Document, in document order."""
    body = doc.element.body
    ins, dele = _qn("w:ins"), _qn("w:del")
    author, date, wid = _qn("w:author"), _qn("w:date"), _qn("w:id")
    changes: list[dict[str, Any]] = []
    anchors: dict[str, dict[str, Any]] = {}
    starts: dict[str, int] = {}
    paragraphs = list(body.iter(_qn("w:p")))
    lead_styles = _lead_style_ids(doc)
    for n, p in enumerate(paragraphs):
        in_table = any(a.tag == _qn("w:tbl") for a in p.iterancestors())
        cell = _cell_of(p) if in_table else None
        accepted = _accepted(p)
        rejected = _rejected(p)
        # Walk the runs in order, keeping the position in the accepted text, so each change
        # knows where it sits: an insertion where its text starts, a deletion where it was.
        pos = 0
        by_element: dict = {}
        for r in p.iter(_qn("w:r")):
            mark = next((a for a in r.iterancestors() if a.tag in (ins, dele, _qn("w:moveFrom"), _qn("w:moveTo"))),
                        None)
            gone = mark is not None and mark.tag in (dele, _qn("w:moveFrom"))
            text = "".join(t.text or "" for t in r.iter(_qn("w:delText") if gone else _qn("w:t")))
            if mark is not None and mark.tag in (ins, dele):
                rec = by_element.get(mark)
                if rec is None:
                    rec = {"id": mark.get(wid, ""), "kind": "ins" if mark.tag == ins else "del",
                           "author": mark.get(author, ""), "date": mark.get(date, ""), "text": "",
                           "paragraph": n, "in_table": in_table, "offset": pos,
                           "accepted": accepted, "rejected": rejected}
                    if cell:
                        rec["cell"] = cell
                    if _is_bold(r, lead_styles):
                        rec["bold"] = True
                    by_element[mark] = rec
                    changes.append(rec)
                rec["text"] += text
            if not gone:
                pos += len(text)
        changes[:] = [c for c in changes if c["text"] or c["paragraph"] != n]
        # A paragraph inserted or deleted whole carries the mark on its paragraph mark.
        ppr = p.find(_qn("w:pPr"))
        rpr = ppr.find(_qn("w:rPr")) if ppr is not None else None
        for el in (rpr if rpr is not None else []):
            if el.tag in (ins, dele) and not any(c["paragraph"] == n for c in changes):
                kind = "ins" if el.tag == ins else "del"
                changes.append({"id": el.get(wid, ""), "kind": kind, "author": el.get(author, ""),
                                "date": el.get(date, ""), "text": "", "paragraph": n, "in_table": in_table,
                                "accepted": accepted, "rejected": rejected})
        for el in p.iter(_qn("w:commentRangeStart"), _qn("w:commentReference")):
            cid = el.get(wid, "")
            if cid not in starts:
                starts[cid] = n
                anchors[cid] = {"paragraph": n, "paragraph_text": accepted}
    comments = []
    try:
        items = list(doc.comments)
    except Exception:  # a document without a comments part, or one python-docx cannot read
        items = []
    for c in items:
        cid = str(c.comment_id)
        where = anchors.get(cid, {"paragraph": None, "paragraph_text": ""})
        stamp = c.timestamp.isoformat() if getattr(c, "timestamp", None) else ""
        comments.append({"id": cid, "author": c.author or "", "date": stamp, "text": c.text.strip(),
                         "paragraph": where["paragraph"], "anchor": _anchored_text(body, cid) or where["paragraph_text"],
                         "paragraph_text": where["paragraph_text"], "done": False})
    return changes, comments


def _lead_style_ids(doc) -> set[str]:
    from workbench.document.layout import LEAD

    try:
        return {st.style_id for st in doc.styles if st.name == LEAD}
    except Exception:  # a styles part python-docx cannot read: direct bold only
        return set()


def _is_bold(r, lead_styles: set[str]) -> bool:
    """A run in bold (direct formatting) or in the 段首句 character style: part of a lead."""
    rpr = r.find(_qn("w:rPr"))
    if rpr is None:
        return False
    b = rpr.find(_qn("w:b"))
    if b is not None and b.get(_qn("w:val"), "true") not in ("0", "false", "off"):
        return True
    rs = rpr.find(_qn("w:rStyle"))
    return rs is not None and rs.get(_qn("w:val")) in lead_styles


def _cell_of(p) -> dict[str, Any] | None:
    """Where a table paragraph sits: its row's name (the first cell), its column's header (the
    first row's cell) and the column's number, so a change in a figures table can reach the
    figure it edits."""
    tc = next((a for a in p.iterancestors() if a.tag == _qn("w:tc")), None)
    tr = tc.getparent() if tc is not None else None
    tbl = tr.getparent() if tr is not None else None
    if tc is None or tr is None or tbl is None or tbl.tag != _qn("w:tbl"):
        return None
    cells = [c for c in tr if c.tag == _qn("w:tc")]
    col = cells.index(tc)
    rows = [r for r in tbl if r.tag == _qn("w:tr")]
    head_cells = [c for c in rows[0] if c.tag == _qn("w:tc")] if rows else []

    def text(c) -> str:
        return "".join(_accepted(q) for q in c.iter(_qn("w:p"))).strip()
    return {"row": text(cells[0]) if cells else "", "column": col,
            "header": text(head_cells[col]) if col < len(head_cells) else "",
            "first_row": tr is rows[0]}


def _anchored_text(body, cid: str) -> str:
    """The text between a comment's range start and end marks."""
    start_tag, end_tag, wid = _qn("w:commentRangeStart"), _qn("w:commentRangeEnd"), _qn("w:id")
    inside, out = False, []
    for el in body.iter():
        if el.tag == start_tag and el.get(wid) == cid:
            inside = True
        elif el.tag == end_tag and el.get(wid) == cid:
            break
        elif inside and el.tag == _qn("w:t"):
            if not any(a.tag == _qn("w:del") for a in el.iterancestors()):
                out.append(el.text or "")
    return "".join(out)


def locate(changes_or_comments: list[dict[str, Any]], report) -> None:
    """Add each record's place in the report (chapter/section/paragraph) by its paragraph's
    accepted text; records in the title block or the appendix keep no address."""
    index: dict[str, tuple[int, int | None, int]] = {}
    for ci, si, pi, para in report.paragraphs():
        index.setdefault(para.full_text.strip(), (ci, si, pi))
    for ch_i, ch in enumerate(report.chapters):
        for s_i, sec in enumerate(ch.sections):
            index.setdefault(sec.title, (ch_i, s_i, -1))
    for rec in changes_or_comments:
        text = (rec.get("accepted") or rec.get("paragraph_text") or "").strip()
        hit = index.get(text)
        if hit is None:
            for key, addr in index.items():
                if text and (text.endswith(key) or key.endswith(text)) and len(key) > 8:
                    hit = addr
                    break
        if hit is not None:
            rec["chapter"], rec["section"], rec["paragraph_index"] = hit
