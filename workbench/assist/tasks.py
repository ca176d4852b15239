"""The four tasks a drafter asks the model for, what each prompt carries, where an answer
goes, and taking it into the report as one edit marked model-written.

- 写回顾 (review): a review paragraph for a section, from last year's targets, this report's
  results and last year's wording of the matching section;
- 润色 (polish): one paragraph tightened in 公文 style, every figure kept;
- 归纳材料 (digest): a department's material turned into bold-lead bullets for a section;
- 拟目标句 (targets): the main expected targets sentence from the table, a second opinion.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from workbench import strings as S
from workbench.assist.verify import Known, Verdict, known_figures, verify
from workbench.document.figures import format_figure, parse_cn_numeral
from workbench.document.model import ModelMark, Paragraph, Report, Unverified
from workbench.drafting import editing as E

REVIEW, POLISH, DIGEST, TARGETS = "写回顾", "润色", "归纳材料", "拟目标句"
TASKS = (REVIEW, POLISH, DIGEST, TARGETS)
MATERIAL_LIMIT = 12000  # characters of pasted material sent at most


class TaskError(ValueError):
    """A task that cannot be asked here (no paragraph, no material…); the message is Chinese."""


@dataclass
class Prepared:
    """A request ready to send: the messages, and what its answer is checked against."""

    task: str
    address: E.Address | None
    messages: list[dict[str, str]]
    known: Known
    original: str | None = None       # 润色: the paragraph rewritten
    material: str = ""
    sent_chars: int = 0
    where_label: str = ""
    sources: list[str] = field(default_factory=list)
    sent: list[str] = field(default_factory=list)  # what the prompt holds, as the drafter names it

    def check(self, answer: str) -> Verdict:
        return verify(answer, self.known, self.original)

    def sending(self, where: str) -> str:
        """The line that says where the text goes and what it holds, before it goes."""
        return S.AI_SENDING.format(where=where, task=self.task, at=self.where_label,
                                   chars=self.sent_chars, parts="、".join(self.sent))


# ------------------------------------------------------------ addresses

_AT = re.compile(r"^第(?P<c>[0-9一二三四五六七八九十]+)章"
                 r"(?:第(?P<s>[0-9一二三四五六七八九十]+)节)?"
                 r"(?:第(?P<p>[0-9一二三四五六七八九十百]+)段)?$")


def _ordinal(text: str | None) -> int | None:
    if text is None:
        return None
    return int(text) if text.isdigit() else parse_cn_numeral(text)


def parse_at(text: str, report: Report) -> E.Address:
    """"第2章第3段" (the chapter's third paragraph, its sections' counted in order),
    "第2章第1节第3段", "第2章第1节" -> an address of the report, or TaskError naming why."""
    m = _AT.match(text.strip().replace(" ", ""))
    if not m:
        raise TaskError(S.AI_BAD_AT.format(at=text))
    ci, si, pi = (_ordinal(m.group(g)) for g in ("c", "s", "p"))
    if not ci or not 1 <= ci <= len(report.chapters):
        raise TaskError(S.AI_AT_MISSING.format(at=text, what=S.AI_AT_CHAPTERS.format(n=len(report.chapters))))
    ch = report.chapters[ci - 1]
    if si is not None:
        if not 1 <= si <= len(ch.sections):
            raise TaskError(S.AI_AT_MISSING.format(at=text, what=S.AI_AT_SECTIONS.format(n=len(ch.sections))))
        if pi is None:
            return (ci - 1, si - 1, None)
        n = len(ch.sections[si - 1].paragraphs)
        if not 1 <= (pi or 0) <= n:
            raise TaskError(S.AI_AT_MISSING.format(at=text, what=S.AI_AT_PARAGRAPHS.format(n=n)))
        return (ci - 1, si - 1, pi - 1)
    if pi is None:
        return (ci - 1, None, None)
    flat = [(None, k) for k in range(len(ch.paragraphs))]
    flat += [(s, k) for s, sec in enumerate(ch.sections) for k in range(len(sec.paragraphs))]
    if not 1 <= (pi or 0) <= len(flat):
        raise TaskError(S.AI_AT_MISSING.format(at=text, what=S.AI_AT_PARAGRAPHS.format(n=len(flat))))
    s, k = flat[pi - 1]
    return (ci - 1, s, k)


def at_label(report: Report, addr: E.Address | None) -> str:
    """An address as the drafter reads it: "第2章第1节第3段"."""
    if addr is None:
        return S.AI_AT_WHOLE
    ci, si, pi = addr
    out = S.AI_AT_CHAPTER.format(n=ci + 1)
    if si is not None:
        out += S.AI_AT_SECTION.format(n=si + 1)
    if pi is not None:
        out += S.AI_AT_PARAGRAPH.format(n=pi + 1)
    return out


# ------------------------------------------------------------ prompts

def _figures_block(title: str, figures) -> str:
    lines = [format_figure(f) for f in figures if f.raw or f.value is not None or f.growth_pct is not None]
    return f"{title}\n" + ("\n".join("- " + x for x in lines) if lines else S.AI_PROMPT_NONE)


def _section_text(report: Report, ci: int, si: int | None) -> tuple[str, str]:
    ch = report.chapters[ci]
    title = (ch.title or "") if si is None else ch.sections[si].title
    paras = ch.paragraphs if si is None else ch.sections[si].paragraphs
    return title, "\n".join(p.full_text for p in paras if p.full_text.strip())


def _last_year_section(report: Report, previous: Report | None, ci: int, si: int | None) -> tuple[str, str]:
    if previous is None:
        return "", ""
    from workbench.comparing.lastyear import section_map_by_position, section_paragraphs

    pairs, _ = section_map_by_position(previous, report)
    where = pairs.get((ci, si))
    if where is None:
        return "", ""
    title, paras = section_paragraphs(previous, where)
    return title, "\n".join(p.full_text for p in paras if p.full_text.strip())


def prepare(task: str, report: Report, previous: Report | None, addr: E.Address | None,
            material: str = "") -> Prepared:
    """The request for `task` at `addr`, or TaskError saying what the task needs."""
    if task not in TASKS:
        raise TaskError(S.AI_BAD_TASK.format(task=task, tasks="、".join(TASKS)))
    system = S.AI_PROMPT_SYSTEM.format(place=report.place, year=report.year, scope=S.AI_PROMPT_RULES)
    data = "\n\n".join([
        _figures_block(S.AI_PROMPT_RESULTS.format(year=report.year - 1), report.results),
        _figures_block(S.AI_PROMPT_TARGETS.format(year=report.year), report.targets),
        _figures_block(S.AI_PROMPT_LAST_TARGETS.format(year=report.year - 1),
                       previous.targets if previous else []),
    ])
    original = None
    material = material.strip()
    if task == TARGETS:
        if not report.targets:
            raise TaskError(S.AI_NEEDS_TARGETS)
        from workbench.document.phrasing import targets_sentence

        ask = S.AI_ASK_TARGETS.format(data=data, generated=targets_sentence(report))
        sent = [S.AI_SENT_TABLES, S.AI_SENT_GENERATED]
    else:
        if addr is None:
            raise TaskError(S.AI_NEEDS_PLACE)
        ci, si, pi = addr
        title, own = _section_text(report, ci, si)
        if task == POLISH:
            if pi is None:
                raise TaskError(S.AI_NEEDS_PARAGRAPH)
            para = E.get_paragraph(report, addr)
            if para.generated:
                raise TaskError(S.AI_GENERATED)
            original = para.full_text
            if not original.strip():
                raise TaskError(S.AI_EMPTY_PARAGRAPH)
            ask = S.AI_ASK_POLISH.format(text=original)
            sent = [S.AI_SENT_PARAGRAPH]
        elif task == REVIEW:
            last_title, last_text = _last_year_section(report, previous, ci, si)
            ask = S.AI_ASK_REVIEW.format(title=title, data=data, own=own or S.AI_PROMPT_NONE,
                                         last_title=last_title or S.AI_PROMPT_NONE,
                                         last_text=last_text or S.AI_PROMPT_NONE)
            sent = [S.AI_SENT_TABLES, S.AI_SENT_SECTION] + ([S.AI_SENT_LAST_SECTION] if last_text else [])
        else:
            if not material:
                raise TaskError(S.AI_NEEDS_MATERIAL)
            ask = S.AI_ASK_DIGEST.format(title=title, material=material[:MATERIAL_LIMIT], data=data)
            sent = [S.AI_SENT_MATERIAL.format(n=min(len(material), MATERIAL_LIMIT)), S.AI_SENT_TABLES]
    sources = [s for s in (material, original) if s]
    messages = [{"role": "system", "content": system}, {"role": "user", "content": ask}]
    return Prepared(task=task, address=addr, messages=messages,
                    known=known_figures(report, previous, sources), original=original,
                    material=material, sent_chars=sum(len(m["content"]) for m in messages),
                    where_label=at_label(report, addr), sources=sources, sent=sent + [S.AI_SENT_RULES])



# ------------------------------------------------------------ taking an answer

_LEAD = re.compile(r"^(.{2,40}?[。！？])")
_BULLET = re.compile(r"^\s*(?:[-*•·]|——|\d+[.、．]|[（(][一二三四五六七八九十\d]+[）)])\s*")


def answer_paragraphs(task: str, text: str, with_leads: bool) -> list[Paragraph]:
    """The answer's lines as paragraphs (list marks and Markdown bold dropped); with
    `with_leads`, each line's first short sentence becomes its bold lead."""
    out = []
    for line in E.pasted_paragraphs(text):
        line = _BULLET.sub("", line).replace("**", "").strip()
        if not line:
            continue
        m = _LEAD.match(line) if with_leads else None
        if m and m.end() < len(line):
            out.append(Paragraph(text=line[m.end():], lead=m.group(1)))
        else:
            out.append(Paragraph(text=line))
    return out


def take(report: Report, prepared: Prepared, text: str, model: str) -> E.Address:
    """Put an answer (whole, or the part the drafter chose) into the report: 润色 replaces its
    paragraph, the other tasks add paragraphs after the one at the address (or at the end of
    the section). Each paragraph is marked model-written with its flagged figures. Returns the
    first paragraph's address; TaskError when nothing is left to take."""
    addr = prepared.address
    with_leads = prepared.task == DIGEST or (
        prepared.task == POLISH and addr is not None and bool(E.get_paragraph(report, addr).lead))
    paras = answer_paragraphs(prepared.task, text, with_leads)
    if not paras:
        raise TaskError(S.AI_NOTHING_TO_TAKE)
    for p in paras:
        verdict = prepared.check(p.full_text)
        p.model = ModelMark(model=model, task=prepared.task, text=p.full_text,
                            unverified=[Unverified(n.text, n.was) for n in verdict.flagged])
    if prepared.task == POLISH:
        ci, si, pi = addr
        plist = E.paragraph_list(report, ci, si)
        old = plist[pi]
        first = paras[0]
        first.bold = [b for b in old.bold if b in first.full_text]
        plist[pi:pi + 1] = paras
        return (ci, si, pi)
    if addr is None:  # 拟目标句 with nothing chosen: after the generated targets paragraph
        addr = next(((ci, si, pi) for ci, si, pi, p in report.paragraphs() if p.generated), None)
        if addr is None:
            plan = next((i for i, ch in enumerate(report.chapters) if ch.kind == "plan"),
                        len(report.chapters) - 1)
            if plan < 0:
                raise TaskError(S.AI_NEEDS_PLACE)
            addr = (plan, None, None)
    ci, si, pi = addr
    plist = E.paragraph_list(report, ci, si)
    at = len(plist) if pi is None else pi + 1
    plist[at:at] = paras
    return (ci, si, at)


def settle_figure(report: Report, addr: E.Address, figure: str) -> bool:
    """The drafter has settled a model's figure (W701/W702): it is no longer a finding.
    Returns whether there was such a figure; the mark goes once nothing is left to settle and
    the text was edited."""
    para = E.get_paragraph(report, addr)
    if para.model is None:
        return False
    before = len(para.model.unverified)
    para.model.unverified = [u for u in para.model.unverified if u.figure != figure]
    if not para.model.unverified and not para.model_written:
        para.model = None
    return before != (len(para.model.unverified) if para.model else 0)
