"""The decision memo (saksframlegg): content as data, rendered to HTML (print) and Word (.docx).

    memo = build_memo(profile, weights, weights_source, overrides, workshop=..., costs=...)
    html_text = render_html(memo); docx_bytes = render_docx(memo)
"""

from .content import AUTO, build_memo
from .document import Memo
from .docx import render_docx
from .html import render_html

__all__ = ["AUTO", "Memo", "build_memo", "render_docx", "render_html"]
