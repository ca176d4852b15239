"""A redline .docx: the current draft with Word revisions (w:ins / w:del) against an earlier
version or year, so Word and LibreOffice show every change as 修订 (issue 17).

Both reports are exported as usual; the two document bodies are then aligned paragraph by
paragraph (tables cell by cell) and each changed paragraph is diffed by words and phrases.
Accepting every revision gives exactly the current draft's text, rejecting every one gives
the earlier version's.
"""

from __future__ import annotations

import copy
import difflib
import io
import re
import zipfile
from datetime import datetime
from pathlib import Path

from workbench.document.model import Report

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


_TOKEN = re.compile(r"[0-9０-９][0-9０-９.．,，%％]*(?:亿元|万元|万美元|亿美元|万人|万亩|个百分点|百分点|[%％个家项亩元人])?"
                    r"|[A-Za-z]+|[\u4e00-\u9fff]|\s+|.", re.S)


def tokens(text: str) -> list[str]:
    """Words for the diff: a number with its unit is one token, Chinese one character each."""
    return _TOKEN.findall(text)


def diff_spans(old: str, new: str) -> list[tuple[str, str, str]]:
    """(op, old_text, new_text) pieces, op in equal/delete/insert/replace, with lone equal
    characters between two changes folded in, so a change reads as a phrase."""
    a, b = tokens(old), tokens(new)
    ops = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    pieces = [(tag, "".join(a[i1:i2]), "".join(b[j1:j2])) for tag, i1, i2, j1, j2 in ops]
    merged: list[list[str]] = []
    for n, (tag, x, y) in enumerate(pieces):
        lone = (tag == "equal" and len(x) <= 2 and 0 < n < len(pieces) - 1
                and pieces[n - 1][0] != "equal" and pieces[n + 1][0] != "equal")
        if lone or (tag != "equal" and merged and merged[-1][0] != "equal"):
            if not merged:
                merged.append(["replace", x, y])
            else:
                prev = merged[-1]
                prev[0] = "replace"
                prev[1] += x
                prev[2] += y
            continue
        merged.append([tag, x, y])
    out = []
    for tag, x, y in merged:
        if tag == "replace":
            tag = "delete" if not y else "insert" if not x else "replace"
        out.append((tag, x, y))
    return out


class _Marks:
    def __init__(self, author: str, date: str):
        self.author = author
        self.date = date
        self.next_id = 9000

    def element(self, kind: str):
        from lxml import etree

        el = etree.Element(_w(kind))
        el.set(_w("id"), str(self.next_id))
        self.next_id += 1
        el.set(_w("author"), self.author)
        el.set(_w("date"), self.date)
        return el


def _text_runs(p) -> list[tuple[object, str]]:
    out = []
    for r in p.iter(_w("r")):
        out.append((r, "".join(t.text or "" for t in r.iter(_w("t")))))
    return out


def _ptext(p) -> str:
    return "".join(t for _, t in _text_runs(p))


def _run_with(rpr, text: str, *, deleted: bool = False):
    from lxml import etree

    r = etree.Element(_w("r"))
    if rpr is not None:
        r.append(copy.deepcopy(rpr))
    t = etree.SubElement(r, _w("delText" if deleted else "t"))
    t.text = text
    t.set(XML_SPACE, "preserve")
    return r


def _slices(runs: list[tuple[object, str]], start: int, end: int, *, deleted: bool = False) -> list:
    """New runs holding text[start:end] of `runs`, each keeping its run's formatting."""
    out, pos = [], 0
    for r, text in runs:
        a, b = max(start, pos), min(end, pos + len(text))
        if a < b:
            out.append(_run_with(r.find(_w("rPr")), text[a - pos:b - pos], deleted=deleted))
        pos += len(text)
    return out


def _mark_paragraph(p, kind: str, marks: _Marks) -> None:
    """A paragraph inserted or deleted whole: its runs and its paragraph mark."""
    from lxml import etree

    for r in list(p.iter(_w("r"))):
        if kind == "del":
            for t in r.iter(_w("t")):
                t.tag = _w("delText")
        wrap = marks.element(kind)
        r.addprevious(wrap)
        wrap.append(r)
    ppr = p.find(_w("pPr"))
    if ppr is None:
        ppr = etree.Element(_w("pPr"))
        p.insert(0, ppr)
    rpr = ppr.find(_w("rPr"))
    if rpr is None:
        rpr = etree.SubElement(ppr, _w("rPr"))
    rpr.append(marks.element(kind))


def _redline_paragraph(old_p, new_p, marks: _Marks) -> None:
    old_runs, new_runs = _text_runs(old_p), _text_runs(new_p)
    old_text, new_text = "".join(t for _, t in old_runs), "".join(t for _, t in new_runs)
    if old_text == new_text:
        return
    built = []
    i = j = 0
    for tag, x, y in diff_spans(old_text, new_text):
        if tag == "equal":
            built.extend(_slices(new_runs, j, j + len(y)))
        if tag in ("delete", "replace"):
            wrap = marks.element("del")
            for r in _slices(old_runs, i, i + len(x), deleted=True):
                wrap.append(r)
            built.append(wrap)
        if tag in ("insert", "replace"):
            wrap = marks.element("ins")
            for r in _slices(new_runs, j, j + len(y)):
                wrap.append(r)
            built.append(wrap)
        i += len(x)
        j += len(y)
    first = new_runs[0][0] if new_runs else None
    for r, _ in new_runs:
        r.getparent().remove(r)
    if first is not None or built:
        ppr = new_p.find(_w("pPr"))
        anchor_index = (list(new_p).index(ppr) + 1) if ppr is not None else 0
        for n, el in enumerate(built):
            new_p.insert(anchor_index + n, el)


def _key(el) -> str:
    if el.tag == _w("p"):
        return "p:" + _ptext(el)
    return el.tag.split("}")[1] + ":" + "".join(t.text or "" for t in el.iter(_w("t")))


def _similar(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def redline_body(old_xml: bytes, new_xml: bytes, *, author: str, date: str) -> bytes:
    """The new document.xml with revisions against the old one."""
    from lxml import etree

    old_root, new_root = etree.fromstring(old_xml), etree.fromstring(new_xml)
    old_body, new_body = old_root.find(_w("body")), new_root.find(_w("body"))
    olds = [el for el in old_body if el.tag in (_w("p"), _w("tbl"))]
    news = [el for el in new_body if el.tag in (_w("p"), _w("tbl"))]
    marks = _Marks(author, date)
    ops = difflib.SequenceMatcher(None, [_key(e) for e in olds], [_key(e) for e in news],
                                  autojunk=False).get_opcodes()
    for tag, i1, i2, j1, j2 in ops:
        if tag == "equal":
            continue
        old_part, new_part = olds[i1:i2], news[j1:j2]
        pairs, used = [], set()
        for ni, n in enumerate(new_part):
            best, best_score = None, 0.45
            for oi, o in enumerate(old_part):
                if oi in used or o.tag != n.tag or (pairs and oi < pairs[-1][0]):
                    continue
                score = _similar(_key(o), _key(n))
                if score > best_score:
                    best, best_score = oi, score
            if best is not None:
                used.add(best)
                pairs.append((best, ni))
        paired_new = {ni: oi for oi, ni in pairs}
        # Old paragraphs with no partner come back as deleted paragraphs, in place.
        cursor = news[j1] if j1 < len(news) else None
        for oi, o in enumerate(old_part):
            if oi in used:
                continue
            ghost = copy.deepcopy(o)
            if ghost.tag == _w("tbl"):
                for p in ghost.iter(_w("p")):
                    _mark_paragraph(p, "del", marks)
            else:
                _mark_paragraph(ghost, "del", marks)
            later = [ni for ni, poi in paired_new.items() if poi > oi]
            anchor = new_part[min(later)] if later else None
            if anchor is not None:
                anchor.addprevious(ghost)
            elif cursor is not None and j2 > j1:
                new_part[-1].addnext(ghost)
                cursor = ghost
            elif j1 < len(news):
                news[j1].addprevious(ghost)
            else:
                sect = new_body.find(_w("sectPr"))
                if sect is not None:
                    sect.addprevious(ghost)
                else:
                    new_body.append(ghost)
        for ni, n in enumerate(new_part):
            if ni in paired_new:
                o = old_part[paired_new[ni]]
                if n.tag == _w("p"):
                    _redline_paragraph(o, n, marks)
                else:
                    ops_cells = list(zip(list(o.iter(_w("p"))), list(n.iter(_w("p")))))
                    for op, np_ in ops_cells:
                        _redline_paragraph(op, np_, marks)
            else:
                targets = list(n.iter(_w("p"))) if n.tag == _w("tbl") else [n]
                for p in targets:
                    _mark_paragraph(p, "ins", marks)
    return etree.tostring(new_root, xml_declaration=True, encoding="UTF-8", standalone=True)


# CT_Settings children that come before w:trackRevisions (the schema fixes their order).
_BEFORE_TRACK = ("writeProtection", "view", "zoom", "removePersonalInformation", "removeDateAndTime",
                 "doNotDisplayPageBoundaries", "displayBackgroundShape", "printPostScriptOverText",
                 "printFractionalCharacterWidth", "printFormsData", "embedTrueTypeFonts", "embedSystemFonts",
                 "saveSubsetFonts", "saveFormsData", "mirrorMargins", "alignBordersAndEdges",
                 "bordersDoNotSurroundHeader", "bordersDoNotSurroundFooter", "gutterAtTop",
                 "hideSpellingErrors", "hideGrammaticalErrors", "activeWritingStyle", "proofState",
                 "formsDesign", "attachedTemplate", "linkStyles", "stylePaneFormatFilter",
                 "stylePaneSortMethod", "documentType", "mailMerge", "revisionView")


def track_revisions(settings_xml: bytes) -> bytes:
    """Word's 修订 switched on, so the next reader's edits are tracked as well."""
    from lxml import etree

    root = etree.fromstring(settings_xml)
    if root.find(_w("trackRevisions")) is not None:
        return settings_xml
    at = 0
    for i, child in enumerate(root):
        if isinstance(child.tag, str) and child.tag.split("}")[-1] in _BEFORE_TRACK:
            at = i + 1
    root.insert(at, etree.Element(_w("trackRevisions")))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def build_redline(current: Report, earlier: Report, *, author: str, date: str | None = None,
                  template: Path | None = None, previous: Report | None = None,
                  appendix: bool = False) -> bytes:
    """The .docx package of `current` with revisions against `earlier`."""
    from workbench.writing.report_docx import build_package

    new_pkg = build_package(current, template=template, previous=previous, appendix=appendix)
    old_pkg = build_package(earlier, template=template, previous=previous, appendix=appendix)
    with zipfile.ZipFile(io.BytesIO(old_pkg)) as z:
        old_xml = z.read("word/document.xml")
    stamp = date or datetime.now().strftime("%Y-%m-%dT%H:%M:%SZ")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(new_pkg)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "word/document.xml":
                data = redline_body(old_xml, data, author=author, date=stamp)
            elif info.filename == "word/settings.xml":
                data = track_revisions(data)
            zout.writestr(info, data)
    return out.getvalue()


def word_date(saved_at: str) -> str:
    """A version's saved_at ("2025-01-05T09:00:00") as Word writes revision dates."""
    try:
        return datetime.fromisoformat(saved_at).strftime("%Y-%m-%dT%H:%M:%SZ")
    except ValueError:
        return datetime.now().strftime("%Y-%m-%dT%H:%M:%SZ")


def count_marks(path: Path) -> tuple[int, int]:
    """Insertions and deletions in a written .docx, counted as the import counts a review
    round's 修订 (reading/revisions.py: one w:ins or w:del holding text, or one paragraph
    inserted or deleted whole), so the two numbers agree."""
    import docx

    from workbench.reading.revisions import read_revisions

    changes, _ = read_revisions(docx.Document(str(path)))
    return (sum(1 for c in changes if c["kind"] == "ins"), sum(1 for c in changes if c["kind"] == "del"))
