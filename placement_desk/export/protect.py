"""Password protection for documents that leave the laptop: PDF with AES-256 (pikepdf), xlsx with
Office's agile encryption (msoffcrypto-tool). Bytes in, bytes out; the password is never stored."""

from __future__ import annotations

import io

from placement_desk.domain.errors import ValidationError

MIN_PASSWORD = 8


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise ValidationError("password", code="password_short", minimum=MIN_PASSWORD)


def protect_pdf(data: bytes, password: str) -> bytes:
    """The PDF encrypted with AES-256 (R6): it opens only with the password; printing stays allowed."""
    import pikepdf

    check_password(password)
    out = io.BytesIO()
    with pikepdf.open(io.BytesIO(data)) as pdf:
        pdf.save(out, encryption=pikepdf.Encryption(owner=password, user=password, R=6, aes=True))
    return out.getvalue()


def protect_xlsx(data: bytes, password: str) -> bytes:
    """The workbook encrypted the way Excel does it ("Encrypt with password"): it opens only with the password."""
    from msoffcrypto.format.ooxml import OOXMLFile

    check_password(password)
    out = io.BytesIO()
    OOXMLFile(io.BytesIO(data)).encrypt(password, out)
    return out.getvalue()


def protect(kind: str, data: bytes, password: str) -> bytes:
    """Protect a rendered file by its kind (``pdf`` or ``xlsx``)."""
    if kind == "pdf":
        return protect_pdf(data, password)
    if kind == "xlsx":
        return protect_xlsx(data, password)
    raise ValueError(f"{kind} files cannot be password protected")
