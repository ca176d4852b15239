"""The report screen's compositor draws fewer widgets for a partial update, and writes the
same bytes to the terminal as Textual's own."""

from __future__ import annotations

from textual._compositor import Compositor

from workbench.tui.app import WorkbenchApp
from workbench.tui.compositor import CroppedCompositor
from workbench.tui.widgets.sections import BodyArea, OutlineTree

from tuitools import open_2024, quiet_tui, settle  # noqa: F401  (quiet_tui is an autouse fixture)


def _update_both_ways(screen, widgets):
    """The partial update for `widgets` drawn by the screen's compositor and by Textual's,
    from the same dirty regions; and how many widgets each one rendered."""
    import types

    compositor = screen._compositor
    console = screen.app.console
    dirty = {widget.region for widget in widgets}
    out, drawn = [], []
    for get_renders in (CroppedCompositor._get_renders, Compositor._get_renders):
        rendered = []

        def spy(self, crop=None, _get=get_renders):
            renders = list(_get(self, crop))
            rendered.append(len(renders))
            return renders

        compositor._dirty_regions.clear()
        compositor._dirty_regions.update(dirty)
        compositor._get_renders = types.MethodType(spy, compositor)
        try:
            out.append(compositor.render_partial_update().render_segments(console))
        finally:
            del compositor._get_renders
        drawn.append(rendered[0])
    return out, drawn


async def test_a_key_in_the_body_draws_what_textual_would_from_fewer_widgets(store_path):
    app = WorkbenchApp(store_path)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_2024(pilot, app)
        assert isinstance(screen._compositor, CroppedCompositor)
        await pilot.press("f3")
        tree = screen.query_one(OutlineTree)
        tree.move_cursor(tree.node_for((1, 0, 0)))
        await settle(pilot, app)
        body = screen.query_one(BodyArea)
        body.focus()
        await pilot.press(*"推动高质量发展")
        await settle(pilot, app)
        assert "推动高质量发展" in body.text
        (ours, textuals), (n_ours, n_textual) = _update_both_ways(screen, [body])
        import re

        assert body.text[:8] in re.sub(r"\x1b\[[0-9;]*[A-Za-z]", "", ours)  # the editor was drawn
        assert ours == textuals
        assert n_ours < n_textual // 2  # the outline, tabs, header, footer, status bar left out
        # Two widgets far apart (the status bar and the editor): still the same bytes.
        from workbench.tui.widgets.status import StatusBar

        status = screen.query_one(StatusBar)
        (ours, textuals), _ = _update_both_ways(screen, [body, status])
        assert ours == textuals
        # A full repaint (a resize, a screen switch) is Textual's own.
        await pilot.resize_terminal(100, 30)
        await settle(pilot, app)
        assert "推动高质量发展" in body.text
