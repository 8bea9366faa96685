"""The decision memo as data: a memo of sections, each a sequence of blocks (paragraph, subheading, bullets,
quote, table).

The section builders (recommendation, background, assessment, alternatives, appendix) decide every number and
sentence; the renderers (html.py, docx.py) only lay these blocks out.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, Field


class Paragraph(BaseModel, frozen=True):
    """A paragraph of plain text (rendered escaped)."""

    kind: Literal["paragraph"] = "paragraph"
    text: str


class Subheading(BaseModel, frozen=True):
    """A heading inside a section."""

    kind: Literal["subheading"] = "subheading"
    text: str


class Bullets(BaseModel, frozen=True):
    """A bulleted list of plain-text items."""

    kind: Literal["bullets"] = "bullets"
    items: tuple[str, ...]


class Quote(BaseModel, frozen=True):
    """A verbatim quote from the report with its source (section)."""

    kind: Literal["quote"] = "quote"
    text: str
    source: str  # "Rapporten, kap. 4.2"


class Table(BaseModel, frozen=True):
    """A table: caption, column names, rows of text; `numeric` marks right-aligned columns."""

    kind: Literal["table"] = "table"
    caption: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: tuple[bool, ...] = ()  # right-align these columns


Block = Annotated[Paragraph | Subheading | Bullets | Quote | Table, Field(discriminator="kind")]


class Section(BaseModel, frozen=True):
    """One section of the memo (bakgrunn, vurdering, alternativer, anbefaling, vedlegg)."""

    id: str
    title: str
    blocks: tuple[Block, ...]


class Memo(BaseModel, frozen=True):
    """The decision memo as data; html.render_html and docx.render_docx turn it into files."""

    title: str
    subject: str
    date: date
    app_version: str
    sections: tuple[Section, ...]
    sources: tuple[str, ...]

    def section(self, section_id: str) -> Section:
        """The section with this id; StopIteration for an unknown id."""
        return next(s for s in self.sections if s.id == section_id)


SECTION_TITLES = {"innstilling": "Sammendrag og forslag til vedtak",
                  "bakgrunn": "Bakgrunn", "vurdering": "Vurdering", "alternativer": "Alternativer",
                  "anbefaling": "Anbefaling", "vedlegg": "Vedlegg"}
