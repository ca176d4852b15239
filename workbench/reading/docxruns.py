"""The runs of a .docx paragraph (a w:p element) as it reads with every tracked change accepted,
or rejected: what the importer and the revisions reader both see."""

from __future__ import annotations


# Word's no-width non break, which the exporter puts inside a name or a figure that must not
# break across lines (writing/unbreakable.py): layout, not text.
NO_WIDTH_NON_BREAK = "\u200d"


def run_texts(p, *, accept: bool = True):
    """(run, its text) for each run of a w:p element as the paragraph reads once every tracked
    change is accepted (or, with accept=False, rejected): tabs and breaks included."""
    from docx.oxml.ns import qn

    gone = (qn("w:del"), qn("w:moveFrom")) if accept else (qn("w:ins"), qn("w:moveTo"))
    text_tags = (qn("w:t"),) if accept else (qn("w:t"), qn("w:delText"))
    tab_tag, br_tag = qn("w:tab"), qn("w:br")
    for r in p.iter(qn("w:r")):
        if any(a.tag in gone for a in r.iterancestors()):
            continue
        yield r, "".join(c.text or "" if c.tag in text_tags else "\t" if c.tag == tab_tag else "\n"
                         for c in r if c.tag in (*text_tags, tab_tag, br_tag)).replace(NO_WIDTH_NON_BREAK, "")
