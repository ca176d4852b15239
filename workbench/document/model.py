"""The report document (DESIGN §3): dataclasses with lossless JSON in and out.

`Report.from_dict(r.to_dict()) == r` for every report; a document that does not fit
raises `ModelError` naming the field and what was expected.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from workbench import strings as S
from workbench.document.figures import Figure
from workbench.util.digest import sha256_hex

SCHEMA = 1
STATUSES = ("draft", "final")


class ModelError(ValueError):
    """A document that does not fit the report format; `path` names the field."""

    def __init__(self, message: str, path: str = ""):
        self.path = path
        super().__init__(message)


@dataclass
class Meta:
    title: str = "政府工作报告"
    meeting: str = ""
    date: str = ""
    speaker: str = ""


@dataclass
class Unverified:
    """A figure a language model wrote that the report's data does not hold (`was` None), or
    one it changed from the paragraph it rewrote (`was` the figure it replaced)."""

    figure: str
    was: str | None = None


@dataclass
class ModelMark:
    """A paragraph taken from a language model's answer (issue 28): which model and task, the
    text as taken (the paragraph reads as model-written while its text is still that), and the
    figures not yet settled by the drafter (each a check finding until then)."""

    model: str
    task: str
    text: str
    unverified: list[Unverified] = field(default_factory=list)


@dataclass
class Paragraph:
    text: str = ""
    lead: str | None = None
    # Further bold phrases inside `text` (a paragraph with several bold sentences); stored
    # only when present, printed bold wherever the phrase still occurs in the text.
    bold: list[str] = field(default_factory=list)
    generated: str | None = None  # "targets": the text is written from the figures table
    model: ModelMark | None = None  # taken from a language model's answer; stored only when set
    # A generated paragraph's record of its text as the workbench wrote it (`text_sha256` of
    # the text), as read from a document: when the text no longer matches, it was changed
    # outside the workbench (phrasing.claim_edited_generated). `to_dict` writes a fresh one.
    generated_sha256: str | None = field(default=None, compare=False, repr=False)

    @property
    def full_text(self) -> str:
        return (self.lead or "") + self.text

    @property
    def model_written(self) -> bool:
        """Taken from a model's answer and not edited since."""
        return self.model is not None and self.full_text == self.model.text


@dataclass
class Section:
    title: str = ""
    paragraphs: list[Paragraph] = field(default_factory=list)


@dataclass
class Chapter:
    title: str | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    # "review" | "plan" when decided from what the chapter says rather than its title;
    # stored only when set, so older documents are unchanged.
    kind: str | None = None


CHAPTER_KINDS = ("review", "plan")


@dataclass
class Commitment:
    raw: str
    value: float | None = None
    unit: str | None = None
    qualifier: str | None = None
    chapter: int = 0
    section: int | None = None
    paragraph: int = 0


@dataclass
class Report:
    place: str
    year: int
    meta: Meta = field(default_factory=Meta)
    results: list[Figure] = field(default_factory=list)
    targets: list[Figure] = field(default_factory=list)
    chapters: list[Chapter] = field(default_factory=list)
    commitments: list[Commitment] = field(default_factory=list)
    status: str = "draft"
    note: str = ""
    schema: int = SCHEMA

    @property
    def ident(self) -> tuple[str, int]:
        return (self.place, self.year)

    def paragraphs(self):
        """Every paragraph with its address: (chapter, section or None, paragraph, Paragraph)."""
        for ci, ch in enumerate(self.chapters):
            for pi, p in enumerate(ch.paragraphs):
                yield ci, None, pi, p
            for si, sec in enumerate(ch.sections):
                for pi, p in enumerate(sec.paragraphs):
                    yield ci, si, pi, p

    def text_length(self) -> int:
        """Characters of body text, as a drafter counts them (no spaces)."""
        total = sum(len(p.full_text) for *_, p in self.paragraphs())
        total += sum(len(ch.title or "") + sum(len(s.title) for s in ch.sections)
                     for ch in self.chapters)
        return total

    # ------------------------------------------------------------ JSON
    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": self.schema,
            "place": self.place,
            "year": self.year,
            "status": self.status,
            "note": self.note,
            "meta": {"title": self.meta.title, "meeting": self.meta.meeting,
                     "date": self.meta.date, "speaker": self.meta.speaker},
            "results": [figure_to_dict(f) for f in self.results],
            "targets": [figure_to_dict(f) for f in self.targets],
            "chapters": [_chapter_to_dict(c) for c in self.chapters],
            "commitments": [_commitment_to_dict(c) for c in self.commitments],
        }

    def to_json(self, indent: int | None = 1) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: Any) -> Report:
        r = _Reader(data, "")
        r.require_dict()
        schema = r.get("schema", int, default=SCHEMA)
        if schema != SCHEMA:
            raise ModelError(S.DOC_BAD_SCHEMA.format(got=schema, expected=SCHEMA), "schema")
        status = r.get("status", str, default="draft")
        if status not in STATUSES:
            raise ModelError(S.DOC_BAD_FIELD.format(
                path="status", expected="draft 或 final", got=status), "status")
        place = r.get("place", str)
        if not place.strip():
            raise ModelError(S.DOC_BAD_FIELD.format(path="place", expected="地名", got="空"), "place")
        meta = r.child("meta", default={})
        return cls(
            schema=schema,
            place=place,
            year=r.get("year", int),
            status=status,
            note=r.get("note", str, default=""),
            meta=Meta(
                title=meta.get("title", str, default=""),
                meeting=meta.get("meeting", str, default=""),
                date=meta.get("date", str, default=""),
                speaker=meta.get("speaker", str, default=""),
            ),
            results=[figure_from_reader(x) for x in r.items("results")],
            targets=[figure_from_reader(x) for x in r.items("targets")],
            chapters=[_chapter_from_reader(x) for x in r.items("chapters")],
            commitments=[_commitment_from_reader(x) for x in r.items("commitments")],
        )

    @classmethod
    def from_json(cls, text: str) -> Report:
        return cls.from_dict(json.loads(text))


def figure_to_dict(f: Figure) -> dict[str, Any]:
    return {
        "name": f.name, "key": f.key, "value": f.value, "unit": f.unit,
        "growth_pct": f.growth_pct, "qualifier": f.qualifier, "raw": f.raw,
        "growth_pct_max": f.growth_pct_max, "stretch_pct": f.stretch_pct,
    }


def figure_from_dict(data: Any, path: str = "figure") -> Figure:
    return figure_from_reader(_Reader(data, path))


def figure_from_reader(r: _Reader) -> Figure:
    r.require_dict()
    return Figure(
        name=r.get("name", str),
        key=r.get("key", str, optional=True),
        value=r.get("value", float, optional=True),
        unit=r.get("unit", str, optional=True),
        growth_pct=r.get("growth_pct", float, optional=True),
        qualifier=r.get("qualifier", str, optional=True),
        raw=r.get("raw", str, default=""),
        growth_pct_max=r.get("growth_pct_max", float, optional=True),
        stretch_pct=r.get("stretch_pct", float, optional=True),
    )


def text_sha256(text: str) -> str:
    """The record a generated paragraph keeps of the text it was written as."""
    return sha256_hex([text.encode("utf-8")])


def _paragraph_to_dict(p: Paragraph) -> dict[str, Any]:
    d: dict[str, Any] = {"lead": p.lead, "text": p.text}
    if p.generated:
        d["generated"] = p.generated
        d["generated_sha256"] = text_sha256(p.text)
    if p.bold:
        d["bold"] = list(p.bold)
    if p.model is not None:
        m = p.model
        d["model"] = {"model": m.model, "task": m.task, "text": m.text,
                      "unverified": [{"figure": u.figure, "was": u.was} for u in m.unverified]}
    return d


def _chapter_to_dict(c: Chapter) -> dict[str, Any]:
    d: dict[str, Any] = {
        "title": c.title,
        "paragraphs": [_paragraph_to_dict(p) for p in c.paragraphs],
        "sections": [{"title": s.title, "paragraphs": [_paragraph_to_dict(p) for p in s.paragraphs]}
                     for s in c.sections],
    }
    if c.kind:
        d["kind"] = c.kind
    return d


def _commitment_to_dict(c: Commitment) -> dict[str, Any]:
    return {"raw": c.raw, "value": c.value, "unit": c.unit, "qualifier": c.qualifier,
            "chapter": c.chapter, "section": c.section, "paragraph": c.paragraph}


def _paragraph_from_reader(r: _Reader) -> Paragraph:
    r.require_dict()
    bold = []
    for b in r.items("bold"):
        if not isinstance(b.data, str):
            raise _bad(b.path, S.TYPE_NAMES.get("str", "str"), b.data)
        bold.append(b.data)
    model = None
    if r.data.get("model") is not None:
        m = r.child("model")
        unverified = []
        for u in m.items("unverified"):
            u.require_dict()
            unverified.append(Unverified(figure=u.get("figure", str), was=u.get("was", str, optional=True)))
        model = ModelMark(model=m.get("model", str, default=""), task=m.get("task", str, default=""),
                          text=m.get("text", str, default=""), unverified=unverified)
    generated = r.get("generated", str, optional=True)
    return Paragraph(lead=r.get("lead", str, optional=True), text=r.get("text", str, default=""),
                     bold=bold, generated=generated, model=model,
                     generated_sha256=r.get("generated_sha256", str, optional=True) if generated else None)


def _chapter_from_reader(r: _Reader) -> Chapter:
    r.require_dict()
    sections = []
    for s in r.items("sections"):
        s.require_dict()
        sections.append(Section(title=s.get("title", str, default=""),
                                paragraphs=[_paragraph_from_reader(p) for p in s.items("paragraphs")]))
    kind = r.get("kind", str, optional=True)
    if kind is not None and kind not in CHAPTER_KINDS:
        kind = None
    return Chapter(title=r.get("title", str, optional=True),
                   paragraphs=[_paragraph_from_reader(p) for p in r.items("paragraphs")],
                   sections=sections, kind=kind)


_NUMBER = (int, float)


def _commitment_from_reader(r: _Reader) -> Commitment:
    d = r.data
    # A long report stores hundreds of commitments: a well-formed one is built at once (the
    # field-by-field walk below, which names what is wrong, was a tenth of `export`).
    if type(d) is dict and len(d) == 7:
        raw, value, unit, qualifier = d.get("raw"), d.get("value"), d.get("unit"), d.get("qualifier")
        chapter, section, paragraph = d.get("chapter"), d.get("section"), d.get("paragraph")
        if (type(raw) is str and (value is None or (type(value) in _NUMBER and value - value == 0))
                and (unit is None or type(unit) is str) and (qualifier is None or type(qualifier) is str)
                and type(chapter) is int and (section is None or type(section) is int) and type(paragraph) is int):
            return Commitment(raw, value, unit, qualifier, chapter, section, paragraph)
    r.require_dict()
    return Commitment(
        raw=r.get("raw", str),
        value=r.get("value", float, optional=True),
        unit=r.get("unit", str, optional=True),
        qualifier=r.get("qualifier", str, optional=True),
        chapter=r.get("chapter", int, default=0),
        section=r.get("section", int, optional=True),
        paragraph=r.get("paragraph", int, default=0),
    )


_MISSING = object()


class _Reader:
    """Walks a parsed JSON value, checking types and keeping the path for messages. The path
    ("chapters[2].paragraphs[5].text") is made only for a message: building it for every
    field was a third of reading a long report."""

    __slots__ = ("data", "_path", "_parent", "_key")

    def __init__(self, data: Any, path: str | None, parent: _Reader | None = None,
                 key: str | int | None = None):
        self.data = data
        self._path = path
        self._parent = parent
        self._key = key

    @property
    def path(self) -> str:
        if self._path is None:
            self._path = self._parent._sub(self._key)
        return self._path

    def _sub(self, key: str | int) -> str:
        if isinstance(key, int):
            return f"{self.path}[{key}]"
        return f"{self.path}.{key}" if self.path else key

    def require_dict(self) -> None:
        if not isinstance(self.data, dict):
            raise _bad(self.path or "（文档）", "对象", self.data)

    def get(self, key: str, kind: type, *, optional: bool = False, default: Any = _MISSING) -> Any:
        value = self.data.get(key, _MISSING)
        if value is _MISSING:
            if optional:
                return None
            if default is not _MISSING:
                return default
            raise ModelError(S.DOC_MISSING_FIELD.format(path=self._sub(key)), self._sub(key))
        if value is None and optional:
            return None
        if kind is float:
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise _bad(self._sub(key), "数字", value)
            if value != value or value in (float("inf"), float("-inf")):
                raise _bad(self._sub(key), "有限的数字", value)
            return value
        if kind is int and (isinstance(value, bool) or not isinstance(value, int)):
            raise _bad(self._sub(key), "整数", value)
        if not isinstance(value, kind):
            raise _bad(self._sub(key), S.TYPE_NAMES.get(kind.__name__, kind.__name__), value)
        return value

    def child(self, key: str, default: Any = _MISSING) -> _Reader:
        value = self.data.get(key, default)
        if value is _MISSING:
            raise ModelError(S.DOC_MISSING_FIELD.format(path=self._sub(key)), self._sub(key))
        reader = _Reader(value, self._sub(key))
        reader.require_dict()
        return reader

    def items(self, key: str) -> list[_Reader]:
        value = self.data.get(key, [])
        if not isinstance(value, list):
            raise _bad(self._sub(key), "列表", value)
        listed = _Reader(value, None, self, key)
        return [_Reader(v, None, listed, i) for i, v in enumerate(value)]


def _bad(path: str, expected: str, got: Any) -> ModelError:
    shown = repr(got) if not isinstance(got, (dict, list)) else S.TYPE_NAMES[type(got).__name__]
    if len(shown) > 40:
        shown = shown[:40] + "…"
    return ModelError(S.DOC_BAD_FIELD.format(path=path, expected=expected, got=shown), path)
