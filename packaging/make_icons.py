"""Renders resources/icons/placement-desk.svg into the PNG (256 px) and the multi-size Windows ICO.

Run with `make icons` (headless: QT_QPA_PLATFORM=offscreen). Each ICO size is rendered from the SVG
at that size (sharper than scaling one bitmap down); Pillow only packs them into the .ico file.
The renders are committed, so neither the build nor the app needs this script.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
SVG = ICONS / "placement-desk.svg"
PNG = ICONS / "placement-desk.png"
ICO = ICONS / "placement-desk.ico"
PNG_SIZE = 256
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)


def render_png(renderer: object, size: int) -> bytes:
    """The SVG drawn antialiased onto a transparent size x size image, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QImage, QPainter

    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)  # type: ignore[attr-defined]
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):  # type: ignore[call-overload]  # the stubs say bytes; Qt wants str
        raise RuntimeError(f"could not encode the {size} px render as PNG")
    buffer.close()
    return bytes(data.data())


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        print(f"error: {SVG} is not a valid SVG for Qt", file=sys.stderr)
        return 1
    PNG.write_bytes(render_png(renderer, PNG_SIZE))
    images = [Image.open(io.BytesIO(render_png(renderer, size))).convert("RGBA") for size in ICO_SIZES]
    largest = images[-1]
    largest.save(ICO, format="ICO", sizes=[im.size for im in images], append_images=images[:-1])
    print(
        f"wrote {PNG.relative_to(ROOT)} ({PNG_SIZE} px) and {ICO.relative_to(ROOT)} ({', '.join(map(str, ICO_SIZES))} px)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
