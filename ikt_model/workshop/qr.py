"""QR code for the participant URL (the `qrcode` package; PNG via Pillow, SVG without)."""

from __future__ import annotations

import io

import qrcode
import qrcode.image.svg
from qrcode.constants import ERROR_CORRECT_M


def _qr(url: str) -> qrcode.QRCode:
    if not isinstance(url, str) or not url or len(url) > 1000:
        raise ValueError("URL for QR code must be a non-empty string")
    qr = qrcode.QRCode(error_correction=ERROR_CORRECT_M, box_size=10, border=4)
    qr.add_data(url)
    qr.make(fit=True)
    return qr


def qr_png(url: str, box_size: int = 10) -> bytes:
    """The URL as a QR code PNG (error correction M, `box_size` pixels per module)."""
    qr = _qr(url)
    qr.box_size = box_size
    buf = io.BytesIO()
    qr.make_image(fill_color="black", back_color="white").save(buf, format="PNG")
    return buf.getvalue()


def qr_svg(url: str) -> bytes:
    """The URL as a QR code SVG (scales on the projector without blurring)."""
    img = _qr(url).make_image(image_factory=qrcode.image.svg.SvgPathImage)
    buf = io.BytesIO()
    img.save(buf)
    return buf.getvalue()
