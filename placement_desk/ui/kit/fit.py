"""Pages that fit a small screen (1366×768 with a taskbar, or the same at 150 %): what does not fit
scrolls, and the actions sit in a footer under the scroll area that never scrolls away."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLayout, QScrollArea, QVBoxLayout, QWidget


def scroll_area(content: QLayout | QWidget, parent: QWidget) -> QScrollArea:
    """A frameless scroll area around ``content`` (a layout gets a widget of its own). The content grows
    with the area and scrolls once the area is smaller than the content's minimum size, so it is never
    squeezed (a label keeps its whole height) and never forces the window to be taller."""
    area = QScrollArea(parent)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    if isinstance(content, QLayout):
        holder = QWidget(area)
        holder.setLayout(content)
        content = holder
    area.setWidget(content)
    area.viewport().setAutoFillBackground(False)  # the page's own background (a tab's pane) shows through
    content.setAutoFillBackground(False)
    return area


def scroll_page(owner: QWidget, content: QLayout | QWidget, footer: QLayout | QWidget | None = None) -> QScrollArea:
    """Lay out ``owner`` (which has no layout yet) as ``content`` in a scroll area with ``footer`` (the
    page's actions) under it, outside the scroll area."""
    area = scroll_area(content, owner)
    outer = QVBoxLayout(owner)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.setSpacing(0)
    outer.addWidget(area, 1)
    if footer is not None:
        bar = footer if isinstance(footer, QWidget) else _holder(owner, footer)
        bar.setObjectName("actionFooter")
        outer.addWidget(bar)
    return area


def _holder(owner: QWidget, layout: QLayout) -> QWidget:
    bar = QWidget(owner)
    margin = owner.style().pixelMetric(owner.style().PixelMetric.PM_LayoutLeftMargin)
    layout.setContentsMargins(margin, margin // 2, margin, margin // 2)
    bar.setLayout(layout)
    return bar
