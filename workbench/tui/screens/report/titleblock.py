"""The title block (F7: title, meeting, date, speaker, status) and the 定稿 lock, which asks
before a final report is changed."""

from __future__ import annotations

from workbench import strings as S


class TitleBlock:
    """Mixed into ReportScreen: the subtitle, the status and the F7 dialog."""

    def show_subtitle(self) -> None:
        """"狮岭镇 2024年 · 草稿": the place, the year and the status, under the title."""
        r = self.report
        self.sub_title = S.REPORT_SUBTITLE.format(place=r.place, year=r.year,
                                                  status=S.STATUS_NAMES.get(r.status, r.status))

    @property
    def final_locked(self) -> bool:
        return self.report.status == "final"

    def ask_unfinal(self) -> None:
        """A 定稿 report is not changed by a stray key: the first edit asks."""
        from workbench.tui.dialogs import ChoiceDialog

        if any(isinstance(s, ChoiceDialog) for s in self.app.screen_stack):
            return

        def done(answer: str | None) -> None:
            if answer != "edit":
                return
            self.remember()
            self.report.status = "draft"
            self.show_subtitle()
            self.mark_dirty()
            self._show_editor(self.address)
            self.notify(S.FINAL_REOPENED, timeout=6)

        r = self.report
        self.app.push_screen(ChoiceDialog(S.FINAL_ASK.format(place=r.place, year=r.year),
                                          [("cancel", S.FINAL_KEEP, "primary"), ("edit", S.FINAL_EDIT, "warning")],
                                          focus="cancel"), done)

    def action_edit_meta(self) -> None:
        from workbench.tui.dialogs import MetaDialog

        if self.readonly and self.app.refuse_readonly():  # F7 is where 定稿 is switched off
            return
        m = self.report.meta
        values = {"title": m.title, "meeting": m.meeting, "date": m.date, "speaker": m.speaker}

        def done(result: dict | None) -> None:
            if not result:
                return
            from workbench.document.meeting import carry_into_meeting

            self.remember()
            meeting = carry_into_meeting(m.meeting, values, result)
            m.title, m.date, m.speaker = (result[k] for k in ("title", "date", "speaker"))
            if meeting != m.meeting and meeting != result["meeting"]:
                self.notify(S.META_MEETING_FOLLOWS.format(meeting=meeting), timeout=6)
            m.meeting = meeting
            self.report.status = result["status"]
            self.show_subtitle()
            self.refresh_preview()
            self.mark_dirty()
            self._show_editor(self.address)  # 定稿 on or off: the editor takes keys or asks

        self.app.push_screen(MetaDialog(values, self.report.status), done)
