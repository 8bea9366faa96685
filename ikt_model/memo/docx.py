"""The memo as a Word document (python-docx): A4, headings, tables, quotes; Norwegian language tag."""

from __future__ import annotations

import io

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from .document import Block, Memo

ACCENT = RGBColor(0x1F, 0x5F, 0x8B)


def _set_language(document, lang: str = "nb-NO") -> None:
    rpr = document.styles["Normal"].element.get_or_add_rPr()
    tag = OxmlElement("w:lang")
    tag.set(qn("w:val"), lang)
    rpr.append(tag)


def _repeat_header(row) -> None:
    trpr = row._tr.get_or_add_trPr()
    tag = OxmlElement("w:tblHeader")
    tag.set(qn("w:val"), "true")
    trpr.append(tag)


def _table(document, block) -> None:
    caption = document.add_paragraph(block.caption)
    caption.runs[0].bold = True
    caption.paragraph_format.keep_with_next = True
    numeric = list(block.numeric) + [False] * (len(block.columns) - len(block.numeric))
    table = document.add_table(rows=1, cols=len(block.columns))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text, num in zip(table.rows[0].cells, block.columns, numeric, strict=False):
        cell.text = text
        para = cell.paragraphs[0]
        para.runs[0].bold = True
        if num:
            para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _repeat_header(table.rows[0])
    for row in block.rows:
        cells = table.add_row().cells
        for cell, text, num in zip(cells, row, numeric, strict=False):
            cell.text = text
            if num:
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    document.add_paragraph()


def _block(document, block: Block) -> None:
    if block.kind == "paragraph":
        document.add_paragraph(block.text)
    elif block.kind == "subheading":
        document.add_heading(block.text, level=2)
    elif block.kind == "bullets":
        for item in block.items:
            document.add_paragraph(item, style="List Bullet")
    elif block.kind == "quote":
        para = document.add_paragraph(f"«{block.text}»", style="Quote")
        source = para.add_run(f" ({block.source})")
        source.italic = False
        source.font.size = Pt(9)
    else:
        _table(document, block)


def render_docx(memo: Memo) -> bytes:
    """The .docx file as bytes."""
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(20)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    document.styles["Normal"].font.name = "Calibri"
    document.styles["Normal"].font.size = Pt(11)
    _set_language(document)
    props = document.core_properties
    props.title, props.subject = memo.title, memo.subject
    props.author = "Beslutningsstøtte for interkommunalt IKT-samarbeid"
    props.language = "nb-NO"
    props.comments = f"Versjon {memo.app_version}"

    kind = document.add_paragraph("SAKSFRAMLEGG")
    kind.runs[0].font.color.rgb = ACCENT
    kind.runs[0].bold = True
    document.add_heading(memo.title, level=0)
    meta = document.add_table(rows=0, cols=2)
    for label, value in (("Sak", memo.subject), ("Dato", memo.date.strftime("%d.%m.%Y")),
                         ("Grunnlag", "PwC for KS (2015), FoU-prosjekt 144016")):
        cells = meta.add_row().cells
        cells[0].text, cells[1].text = label, value
        cells[0].paragraphs[0].runs[0].bold = True
    for sec in memo.sections:
        document.add_heading(sec.title, level=1)
        for block in sec.blocks:
            _block(document, block)
    footer = section.footer.paragraphs[0]
    footer.text = (f"{memo.subject} – saksframlegg {memo.date.strftime('%d.%m.%Y')} – "
                   f"beslutningsstøtte for IKT-samarbeid, versjon {memo.app_version}")
    footer.runs[0].font.size = Pt(8)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
