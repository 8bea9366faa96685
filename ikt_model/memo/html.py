"""The memo as a self-contained HTML page that prints well on A4 (all user text escaped)."""

from __future__ import annotations

from html import escape

from .document import Block, Memo

CSS = """
@page { size: A4; margin: 20mm 18mm 22mm 18mm; }
:root { color-scheme: light; }
body { font-family: "Source Sans 3", "Segoe UI", Calibri, Arial, sans-serif; font-size: 11pt; line-height: 1.4;
       color: #111; max-width: 174mm; margin: 0 auto; padding: 12mm 0; background: #fff; }
header { border-bottom: 2px solid #1f5f8b; margin-bottom: 6mm; padding-bottom: 3mm; }
header .kind { text-transform: uppercase; letter-spacing: .08em; font-size: 9pt; color: #1f5f8b; margin: 0; }
h1 { font-size: 18pt; margin: 1mm 0 2mm; }
header dl { display: grid; grid-template-columns: max-content 1fr; gap: 0 4mm; margin: 0; font-size: 9.5pt; }
header dt { color: #555; } header dd { margin: 0; }
h2 { font-size: 14pt; color: #1f5f8b; border-bottom: 1px solid #c9d6e0; padding-bottom: 1mm; margin: 7mm 0 2mm;
     break-after: avoid; }
h3 { font-size: 11.5pt; margin: 4mm 0 1mm; break-after: avoid; }
p { margin: 1.5mm 0; }
blockquote { margin: 2mm 0 3mm 4mm; padding: 1mm 0 1mm 4mm; border-left: 3px solid #c77c0e; color: #333;
             font-style: italic; break-inside: avoid; }
blockquote cite { display: block; font-style: normal; font-size: 9pt; color: #666; margin-top: 1mm; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 4mm; font-size: 9.5pt; }
caption { text-align: left; font-weight: 600; padding-bottom: 1mm; caption-side: top; }
th, td { border: 1px solid #b8c4ce; padding: 1mm 2mm; vertical-align: top; text-align: left; }
th { background: #eef3f7; } td.num, th.num { text-align: right; } td.num { white-space: nowrap; }
thead { display: table-header-group; } tr { break-inside: avoid; }
ul { margin: 1mm 0 2mm; padding-left: 6mm; }
footer { margin-top: 8mm; border-top: 1px solid #c9d6e0; font-size: 8.5pt; color: #555; padding-top: 2mm; }
@media print { body { padding: 0; max-width: none; } a { color: inherit; text-decoration: none; } }
"""


def _block(block: Block) -> str:
    if block.kind == "paragraph":
        return f"<p>{escape(block.text)}</p>"
    if block.kind == "subheading":
        return f"<h3>{escape(block.text)}</h3>"
    if block.kind == "bullets":
        return "<ul>" + "".join(f"<li>{escape(i)}</li>" for i in block.items) + "</ul>"
    if block.kind == "quote":
        return f"<blockquote><p>«{escape(block.text)}»</p><cite>{escape(block.source)}</cite></blockquote>"
    numeric = list(block.numeric) + [False] * (len(block.columns) - len(block.numeric))
    head = "".join(f'<th scope="col"{" class=num" if n else ""}>{escape(c)}</th>'
                   for c, n in zip(block.columns, numeric, strict=False))
    body = "".join("<tr>" + "".join(f'<td{" class=num" if n else ""}>{escape(v)}</td>'
                                    for v, n in zip(row, numeric, strict=False))
                   + "</tr>" for row in block.rows)
    return (f"<table><caption>{escape(block.caption)}</caption><thead><tr>{head}</tr></thead>"
            f"<tbody>{body}</tbody></table>")


def render_html(memo: Memo) -> str:
    """A complete HTML document (UTF-8, lang nb, inline CSS, no external resources)."""
    sections = "".join(
        f'<section id="{escape(s.id)}"><h2>{escape(s.title)}</h2>' + "".join(_block(b) for b in s.blocks) + "</section>"
        for s in memo.sections)
    return (
        '<!DOCTYPE html><html lang="nb"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(memo.title)}</title><style>{CSS}</style></head><body>"
        f'<header><p class="kind">Saksframlegg</p><h1>{escape(memo.title)}</h1><dl>'
        f"<dt>Sak</dt><dd>{escape(memo.subject)}</dd>"
        f"<dt>Dato</dt><dd>{memo.date.strftime('%d.%m.%Y')}</dd>"
        f"<dt>Grunnlag</dt><dd>PwC for KS (2015), FoU-prosjekt 144016</dd></dl></header>"
        f"<main>{sections}</main>"
        f"<footer>Laget {memo.date.strftime('%d.%m.%Y')} med beslutningsstøtte for interkommunalt IKT-samarbeid, "
        f"versjon {escape(memo.app_version)}.</footer></body></html>")


def sandboxed_preview(document: str, height_px: int = 880) -> str:
    """HTML for a preview frame that shows `document` inside an iframe with an EMPTY `sandbox`
    attribute: no scripts, no forms, no popups, no same-origin access to the app, whatever the
    document contains. (The app's own iframe element allows scripts and same-origin access, so the
    memo goes one level down.) `document` is placed in `srcdoc`, attribute-escaped."""
    return (
        '<!DOCTYPE html><html lang="nb"><head><meta charset="utf-8"><style>html,body{margin:0;height:100%}'
        'iframe{border:0;width:100%;height:100%}</style></head><body>'
        f'<iframe sandbox="" title="Forhåndsvisning av beslutningsnotatet" referrerpolicy="no-referrer" '
        f'style="height:{int(height_px)}px" srcdoc="{escape(document, quote=True)}"></iframe></body></html>')
