"""The sections tab (F3): the outline and the editor beside it (`widgets/sections.py`), their edits
and structure actions (Ctrl+N, Ctrl+T, Delete, Ctrl+↑/↓, Ctrl+L, Ctrl+G), last year's pane's copy."""

from __future__ import annotations

from textual.widgets import Input, TextArea, Tree

from workbench import strings as S
from workbench.document.phrasing import printed
from workbench.drafting import editing as E
from workbench.tui.widgets.sections import BodyArea, LeadInput, OutlineTree, SectionsEditor, paragraph_label


class SectionsTab:
    """Mixed into ReportScreen: what the outline, the lead and body editors and the keys of this tab do."""

    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted) -> None:
        if event.node.data is not None and not E.holds(self.report, event.node.data):
            return  # a node of the outline as it was before an edit: the redrawn outline follows
        if event.node.data is not None:
            self._show_editor(event.node.data)
            # Last year's pane follows here, once the address is the new one (a handler of
            # the editor's own ran before this one or after it, as the queues fell).
            self.query_one(SectionsEditor).follow()

    def on_tree_node_selected(self, event: Tree.NodeSelected) -> None:
        """Enter on a paragraph in the outline: typing goes there now, as a click in Word would."""
        addr = event.node.data
        if addr is None or addr[2] is None or event.control is not self.query_one(OutlineTree):
            return  # a chapter or section: Enter opens or folds it (the tree's own)
        if addr != self.address:
            self._show_editor(addr)
        body = self.query_one(BodyArea)
        if not body.disabled:
            body.focus()

    def _show_editor(self, addr: E.Address | None) -> None:
        self.address = addr
        self.update_counts()
        label = self.query_one("#editor-label")
        lead = self.query_one(LeadInput)
        body = self.query_one(BodyArea)
        self._loading = True
        try:
            if addr is None:
                label.update(S.SEC_NOTHING)
                lead.value = ""
                body.load_text("")
                lead.disabled = body.disabled = True
                return
            ci, si, pi = addr
            lead.disabled = self.readonly
            body.read_only = self.readonly or self.final_locked  # a key there asks (BodyArea)
            if pi is None:
                label.update(S.SEC_TITLE)
                lead.placeholder = S.SEC_TITLE
                title = self.report.chapters[ci].title if si is None else self.report.chapters[ci].sections[si].title
                lead.value = title or ""
                body.load_text("")
                body.disabled = True
            else:
                para = E.get_paragraph(self.report, addr)
                body.disabled = False
                if para.generated:
                    _, text = printed(self.report, para)
                    label.update(S.SEC_GENERATED)
                    lead.placeholder = ""
                    lead.value = ""
                    lead.disabled = True
                    body.read_only = True
                    body.load_text(text or S.SEC_GENERATED_EMPTY)
                elif len(para.text) > E.LONG_PARAGRAPH:
                    # The editor lays out a whole paragraph for every line it draws: a text
                    # imported without breaks (megabytes) would hold the screen for minutes.
                    label.update(S.SEC_TOO_LONG.format(chars=len(para.text), target=E.SPLIT_TARGET))
                    lead.placeholder = S.SEC_LEAD
                    lead.value = para.lead or ""
                    body.read_only = True
                    shown = E.LONG_PARAGRAPH // 10
                    body.load_text(para.text[:shown] + S.SEC_TOO_LONG_TAIL.format(rest=len(para.text) - shown))
                else:
                    label.update(self.app.readonly_state() if self.readonly
                                 else S.SEC_MODEL_WRITTEN if para.model_written else S.SEC_LEAD)
                    lead.placeholder = S.SEC_LEAD
                    lead.value = para.lead or ""
                    body.load_paragraph(para.text)
        finally:
            self.call_after_refresh(self._done_loading)

    def _done_loading(self) -> None:
        self._loading = False

    def on_input_changed(self, event: Input.Changed) -> None:
        if not isinstance(event.input, LeadInput) or self._loading or self.address is None:
            return
        if event.value != event.input.value:
            return  # a value the editor set for an earlier selection, arriving late
        ci, si, pi = self.address
        tree = self.query_one(OutlineTree)
        node = tree.node_for(self.address)
        value = event.value
        if pi is None:
            from workbench.document.phrasing import chapter_numbers, section_number

            current = self.report.chapters[ci].title if si is None else self.report.chapters[ci].sections[si].title
            if (current or "") == value:
                return
            if si is None:
                self.report.chapters[ci].title = value
                label = chapter_numbers(self.report.chapters)[ci] + value
            else:
                self.report.chapters[ci].sections[si].title = value
                label = section_number(si) + value
        else:
            para = E.get_paragraph(self.report, self.address)
            if (para.lead or "") == value or para.generated:
                return
            para.lead = value or None
            label = paragraph_label(para.lead, para.text)
        if node is not None:
            node.set_label(label)
        self.mark_dirty()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if not isinstance(event.text_area, BodyArea) or self._loading or self.address is None:
            return
        if self.address[2] is None:
            return
        para = E.get_paragraph(self.report, self.address)
        if para.text == event.text_area.text or para.generated or self.readonly or self.final_locked:
            return
        if len(para.text) > E.LONG_PARAGRAPH:
            return  # the editor shows only its start (read-only): never write that back
        was_model = para.model_written
        para.text = event.text_area.text
        if was_model:  # edited: no longer the model's text (its unsettled figures stay findings)
            self.query_one("#editor-label").update(S.SEC_LEAD)
        node = self.query_one(OutlineTree).node_for(self.address)
        if node is not None:
            node.set_label(paragraph_label(para.lead, para.text))
        self.mark_dirty()

    def paste_paragraphs(self, text: str) -> None:
        """Several paragraphs pasted into the body: asked whether they become separate
        paragraphs (each line one, "——" bullets included) or one paragraph without line breaks."""
        from workbench.tui.dialogs import ChoiceDialog

        addr = self.address
        if addr is None or addr[2] is None or self.refuse():
            return
        body = self.query_one(BodyArea)
        pieces = E.pasted_paragraphs(text)
        start, end = sorted(body.selection)
        doc = body.document
        a, b = doc.get_index_from_location(start), doc.get_index_from_location(end)

        def done(answer: str | None) -> None:
            if self.address != addr or answer not in ("split", "join"):
                return
            current = body.text
            before, after = current[:a], current[b:]
            if answer == "join":
                body.replace("".join(pieces), start, end)
                return
            self.remember()
            last = E.insert_paragraphs(self.report, addr, before, pieces, after)
            self._structure_changed(last)
            self.notify(S.PASTE_SPLIT_DONE.format(n=len(pieces)), timeout=4)

        self.app.push_screen(ChoiceDialog(
            S.PASTE_PARAGRAPHS_ASK.format(n=len(pieces), first=pieces[0][:20]),
            [("split", S.PASTE_SPLIT.format(n=len(pieces)), "primary"),
             ("join", S.PASTE_JOIN, "default"), ("cancel", S.QUIT_CANCEL, "default")], focus="split"), done)

    def _structure_changed(self, select: E.Address | None) -> None:
        self.query_one(OutlineTree).fill(self.report, select)
        self._show_editor(select)
        self.mark_dirty()

    def _refresh_generated(self) -> None:
        """Generated paragraphs follow the tables: their text, tree labels and the open editor."""
        changed = []
        for ci, si, pi, p in self.report.paragraphs():
            if p.generated:
                _, text = printed(self.report, p)
                if text != p.text:
                    p.text, p.lead = text, None
                    changed.append((ci, si, pi))
        if not changed:
            return
        tree = self.query_one(OutlineTree)
        for addr in changed:
            node = tree.node_for(addr)
            if node is not None:
                node.set_label(paragraph_label(None, E.get_paragraph(self.report, addr).text, True))
        if self.address in changed:
            self._show_editor(self.address)

    def action_toggle_generated(self) -> None:
        if self.refuse():
            return
        addr = self.address
        if addr is None or addr[2] is None:
            self.say_why(S.EDIT_NOT_PARAGRAPH)
            return
        from workbench.drafting.clause import toggle_generated_keeping

        before = E.snapshot(self.report)
        try:
            generated, added = toggle_generated_keeping(self.report, addr)
        except E.EditError as exc:
            self.say_why(str(exc), seconds=12)
            return
        self.remember(before)
        if added:
            self.refresh_figures()
        self._structure_changed(addr)
        self.notify(S.SEC_TO_GENERATED if generated else S.SEC_TO_FREE, timeout=5)
        if added:
            self.notify(S.SEC_GENERATE_ADDED.format(clauses="；".join(f.raw or f.name for f in added)), timeout=10)

    def action_add_paragraph(self) -> None:
        if self.refuse():
            return
        addr = self.address
        if addr is None:
            if not self.report.chapters:
                self.remember()
                self._structure_changed(E.add_chapter(self.report, S.SEC_NEW_CHAPTER))
            return
        ci, si, pi = addr
        self.remember()
        self._structure_changed(E.add_paragraph(self.report, ci, si, pi))
        lead = self.query_one(LeadInput)
        lead.focus()  # the new bullet's lead is what the drafter writes next
        self.call_after_refresh(lead.focus)

    def _edit_paragraph(self, edit):
        """What every paragraph structure edit shares: a paragraph selected, the report
        editable, the edit tried. Returns the report as it was (for undo) and the edit's
        result, or None when it could not act (said in the status bar)."""
        addr = self.address
        if addr is None or addr[2] is None:
            self.say_why(S.EDIT_NOT_PARAGRAPH)
            return None
        if self.refuse():
            return None
        before = E.snapshot(self.report)
        try:
            return before, edit(self.report, addr)
        except E.EditError as exc:
            self.say_why(str(exc))
            return None

    def action_split_paragraph(self) -> None:
        """Ctrl+Enter in the body: the text after the cursor becomes the next paragraph."""
        body = self.query_one(BodyArea)
        at = body.document.get_index_from_location(body.cursor_location)
        done = self._edit_paragraph(lambda report, addr: E.split_paragraph(report, addr, at))
        if done is None:
            return
        before, new = done
        self.remember(before)
        self._structure_changed(new)
        body.focus()
        body.move_cursor((0, 0))
        self.notify(S.SEC_SPLIT_DONE, timeout=3)

    def action_merge_paragraph(self) -> None:
        """Backspace at the body's start: this paragraph joins the one before it."""
        done = self._edit_paragraph(E.merge_with_previous)
        if done is None:
            return
        before, (joined, at) = done
        self.remember(before)
        self._structure_changed(joined)
        body = self.query_one(BodyArea)
        if self.focused is not body and not isinstance(self.focused, OutlineTree):
            body.focus()
        body.move_cursor(body.document.get_location_from_index(at))
        self.notify(S.SEC_MERGE_DONE, timeout=3)

    def action_find_replace(self) -> None:
        """Ctrl+H: a text found across the report (titles, leads, paragraphs), counted, then
        replaced everywhere at once; one Ctrl+Z puts every occurrence back."""
        from workbench.tui.dialogs import PromptDialog

        if self.refuse():
            return
        body = self.query_one(BodyArea)
        start = body.selected_text if self.focused is body and "\n" not in body.selected_text else ""
        start = start or getattr(self, "_find_text", "")

        def validate(text: str) -> str | None:
            if not text:
                return S.FIND_EMPTY
            if not E.find_all(self.report, text):
                held = E.generated_holding(self.report, text)
                return S.FIND_NONE_GENERATED.format(text=text, n=held) if held else S.FIND_NONE.format(text=text)
            return None

        def found(text: str | None) -> None:
            if not text:
                return
            self._find_text = text
            n = len(E.find_all(self.report, text))
            held = E.generated_holding(self.report, text)
            more = S.REPLACE_MORE_GENERATED.format(n=held) if held else ""

            def replaced(new: str | None) -> None:
                if new is None or self.refuse():
                    return
                self.remember()
                count = E.replace_all(self.report, text, new)
                self.query_one(OutlineTree).fill(self.report, self.address)
                self._show_editor(self.address)
                self.mark_dirty()
                self.notify(S.REPLACED.format(n=count, old=text, new=new), timeout=6)

            self.app.push_screen(PromptDialog(S.REPLACE_TITLE.format(text=text, n=n, more=more), text), replaced)

        self.app.push_screen(PromptDialog(S.FIND_TITLE, start, validate=validate), found)

    def action_outline_find(self) -> None:
        """/ in the outline: the next chapter, section or paragraph after the cursor holding a
        text (generated paragraphs included), counted; asked again with the same text, the next."""
        from workbench.tui.dialogs import PromptDialog

        def hits(text: str) -> list[E.Address]:
            out = []
            for ci, ch in enumerate(self.report.chapters):
                if text in (ch.title or ""):
                    out.append((ci, None, None))
                for pi, p in enumerate(ch.paragraphs):
                    if text in printed_text(self.report, p):
                        out.append((ci, None, pi))
                for si, sec in enumerate(ch.sections):
                    if text in (sec.title or ""):
                        out.append((ci, si, None))
                    for pi, p in enumerate(sec.paragraphs):
                        if text in printed_text(self.report, p):
                            out.append((ci, si, pi))
            return out

        def validate(text: str) -> str | None:
            if not text:
                return S.FIND_EMPTY
            return None if hits(text) else S.FIND_NONE.format(text=text)

        def go(text: str | None) -> None:
            if not text:
                return
            self._outline_find = text
            found = hits(text)
            tree = self.query_one(OutlineTree)
            here = tree.cursor_node.data if tree.cursor_node is not None else None
            order = [n.data for n in _walk(tree.root) if n.data is not None]
            pos = order.index(here) if here in order else -1
            later = [a for a in found if a in order and order.index(a) > pos]
            target = later[0] if later else found[0]
            node = tree.node_for(target)
            if node is not None:
                node_parent = node.parent
                while node_parent is not None:
                    node_parent.expand()
                    node_parent = node_parent.parent
                tree.move_cursor(node)
                tree.scroll_to_node(node, animate=False)
            tree.focus()
            self.notify(S.OUTLINE_FOUND.format(k=found.index(target) + 1, n=len(found), text=text), timeout=4)

        self.app.push_screen(PromptDialog(S.OUTLINE_FIND_TITLE, getattr(self, "_outline_find", ""),
                                          validate=validate), go)

    def action_split_sentences(self) -> None:
        """F12: the paragraph split at sentence ends into paragraphs the editor can hold."""
        addr = self.address
        done = self._edit_paragraph(E.split_at_sentences)
        if done is None:
            return
        before, made = done
        if len(made) == 1:
            self.say_why(S.SPLIT_NOTHING)
            return
        self.remember(before)
        self._structure_changed(addr)
        self.notify(S.SPLIT_DONE.format(n=len(made)))

    def action_add_section(self) -> None:
        if self.address is None:
            self.say_why(S.NOTHING_SELECTED)
            return
        if self.refuse():
            return
        ci, si, _ = self.address
        self.remember()
        self._structure_changed(E.add_section(self.report, ci, S.SEC_NEW_SECTION, si))

    def action_delete_item(self) -> None:
        from workbench.tui.dialogs import ConfirmDialog

        addr = self.address
        if addr is None:
            self.say_why(S.NOTHING_SELECTED)
            return
        if self.refuse():
            return
        ci, si, pi = addr
        what = (paragraph_label(*self._lead_text(addr)) if pi is not None
                else (self.report.chapters[ci].sections[si].title if si is not None else self.report.chapters[ci].title))

        def done(yes: bool) -> None:
            if yes:
                self.remember()
                E.delete(self.report, addr)
                self._deleted_at = addr
                self._structure_changed(None)

        self.app.push_screen(ConfirmDialog(S.CONFIRM_DELETE_ITEM.format(what=what)), done)

    def insert_last_year_paragraph(self, para) -> None:
        """Last year's paragraph copied in after the one being edited (or at the section's end)."""

        if self.address is None or self.refuse():
            return
        ci, si, pi = self.address
        self.remember()
        addr = E.add_paragraph(self.report, ci, si, pi)
        new = E.get_paragraph(self.report, addr)
        new.lead, new.text = para.lead, para.text
        self._structure_changed(addr)
        self.notify(S.LAST_YEAR_COPIED.format(label=paragraph_label(para.lead, para.text)), timeout=4)

    def _lead_text(self, addr):
        p = E.get_paragraph(self.report, addr)
        return p.lead, p.text

    def action_move_item(self, delta: int) -> None:
        if self.address is None:
            self.say_why(S.NOTHING_SELECTED)
            return
        if self.refuse():
            return
        before = E.snapshot(self.report)
        new = E.move(self.report, self.address, delta)
        if new != self.address:
            self.remember(before)
            self._structure_changed(new)
        else:
            self.say_why(S.CANNOT_MOVE_FURTHER.format(end="前" if delta < 0 else "后", way="上" if delta < 0 else "下"))

    def action_promote_lead(self) -> None:
        if self.refuse():
            return
        if self.address is None or self.address[2] is None:
            self.say_why(S.EDIT_NOT_PARAGRAPH)
            return
        try:
            before = E.snapshot(self.report)
            lead = E.promote_lead(self.report, self.address)
            self.remember(before)
        except E.EditError as exc:
            self.say_why(str(exc))
            return
        self._structure_changed(self.address)
        self.notify(S.SEC_LEAD_DONE.format(lead=lead), timeout=3)


def printed_text(report, para) -> str:
    lead, text = printed(report, para)
    return (lead or "") + text


def _walk(node):
    """The tree's nodes in the order shown."""
    yield node
    for child in node.children:
        yield from _walk(child)
