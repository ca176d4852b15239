"""A compositor that draws only the widgets a partial update can show.

Textual's compositor answers a partial update (one widget changed: the body editor after a
key) by rendering every widget whose *clip* meets the updated rectangle: on the report
screen that is every widget on it (the header, footer, tabs, status bar, outline and its
scroll bars all share the screen's clip), ~17 renders for a key where one changed. It then
writes only the updated spans, so what those widgets drew outside them is thrown away.
This one leaves out the widgets whose visible part lies wholly outside the updated
rectangle before rendering; what reaches the terminal is the same, byte for byte.
"""

from __future__ import annotations

from textual._compositor import Compositor
from textual.geometry import Region


class CroppedCompositor(Compositor):
    def _get_renders(self, crop: Region | None = None):
        if crop is None or crop == self.size.region:
            return super()._get_renders(crop)
        every = self.visible_widgets
        overlaps = crop.overlaps
        self._visible_widgets = {widget: (region, clip) for widget, (region, clip) in every.items()
                                 if overlaps(region.intersection(clip))}
        try:
            return list(super()._get_renders(crop))
        finally:
            self._visible_widgets = every
