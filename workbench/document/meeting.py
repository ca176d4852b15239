"""The meeting line's numbers: "第十七届人民代表大会第四次会议" → the session (4), and the small
Chinese numerals (一 … 九十九) it and the roll-over write."""

from __future__ import annotations

from workbench.util.lazyre import LazyRegex

SESSION = LazyRegex(r"第([一二三四五六七八九十]{1,3}|[0-9]{1,2})次会议")
_CN_DIGITS = "一二三四五六七八九"


def cn_number(text: str) -> int | None:
    """一 .. 九十九 (and Arabic digits) as an int; None for anything else."""
    if text.isdigit():
        return int(text)
    if text == "十":
        return 10
    tens, _, ones = text.partition("十") if "十" in text else ("", "", text)
    try:
        t = (_CN_DIGITS.index(tens) + 1 if tens else 1) if "十" in text else 0
        o = _CN_DIGITS.index(ones) + 1 if ones else 0
    except ValueError:
        return None
    return t * 10 + o


def cn_text(n: int) -> str:
    if n < 10:
        return _CN_DIGITS[n - 1]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _CN_DIGITS[tens - 1]) + "十" + (_CN_DIGITS[ones - 1] if ones else "")


def session_number(meeting: str) -> int | None:
    """The 次 of "第十七届人民代表大会第四次会议" (4), or None."""
    m = SESSION.search(meeting)
    return cn_number(m.group(1)) if m else None


def carry_into_meeting(meeting: str, old: dict[str, str], new: dict[str, str]) -> str:
    """The meeting line after the title block's date or speaker changed: where the line states
    the old value ("——2025年1月14日在…"), it now states the new one, so the line the export
    prints agrees with the fields. A meeting line the drafter rewrote in the same edit is theirs."""
    if new.get("meeting", meeting) != old.get("meeting", meeting):
        return new["meeting"]
    for name in ("date", "speaker"):
        before, after = (old.get(name) or "").strip(), (new.get(name) or "").strip()
        if before and after and before != after and before in meeting:
            meeting = meeting.replace(before, after)
    return meeting
