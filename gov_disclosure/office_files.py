"""Word (DOCX) and PDF files built from a few plain blocks, in the look of a Chinese official
document (公文): A4, the margins and line pitch of GB/T 9704-2012, a Song title, FangSong body
text with a first-line indent of two characters, the page number as “— 1 —”.

A document is a title and a list of blocks::

    build_docx("政府信息公开告知书", [
        Paragraph("王建国：", indent_first_line=False),
        Paragraph("本机关于2025年3月3日收到您提出的政府信息公开申请……"),
        Table(header=[["项目", "数量"]], rows=[["收到申请", "12"]], widths=(3, 1)),
        Signature(["示范县人民政府办公室", "2025年3月20日"]),
    ])

``build_pdf`` takes the same. Word chooses the fonts by name (仿宋, 宋体, 黑体, 楷体 for East Asian
text, Times New Roman for Latin letters and digits), as every Chinese office machine has them.
A PDF carries its fonts: ``pdf_font()`` embeds the TrueType font of the setting
``GOV_DISCLOSURE_PDF_FONT``, or else a well-known CJK TrueType font found on the system, or else
names the built-in CID font ``STSong-Light``, which is not embedded but which every PDF reader
with Chinese support renders. reportlab embeds TrueType outlines only: OpenType fonts with
PostScript (CFF) outlines, such as the Noto CJK fonts, are refused.

Nothing here depends on Django but the setting; reportlab and python-docx are imported when a
file is built.
"""

from __future__ import annotations

import functools
import hashlib
import io
import logging
import os
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

logger = logging.getLogger(__name__)

ALIGNMENTS = ("left", "center", "right", "justify")


# The blocks ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Heading:
    """A heading within the text: level 1 like “一、”, level 2 like “（一）”, 3 like “1.”."""

    text: str
    level: int = 1


@dataclass(frozen=True)
class Paragraph:
    """A paragraph; a line break in ``text`` starts a new line within it."""

    text: str
    align: str = "justify"
    indent_first_line: bool = True

    def __post_init__(self):
        if self.align not in ALIGNMENTS:
            raise ValueError(f"align must be one of {ALIGNMENTS}, not {self.align!r}")


@dataclass(frozen=True)
class Cell:
    """A table cell spanning columns or rows; plain strings (or numbers) are cells of one."""

    text: str
    colspan: int = 1
    rowspan: int = 1
    align: str | None = None  # header cells: centre; others: numbers centred, text left

    def __post_init__(self):
        if self.colspan < 1 or self.rowspan < 1:
            raise ValueError("colspan and rowspan are 1 or more")
        if self.align is not None and self.align not in ALIGNMENTS:
            raise ValueError(f"align must be one of {ALIGNMENTS}, not {self.align!r}")


@dataclass(frozen=True)
class Table:
    """A ruled table. ``header`` rows are repeated on every page; ``widths`` are the relative
    widths of the columns (equal when not given); the table is as wide as the text."""

    header: Sequence[Sequence[str | int | Cell]] = ()
    rows: Sequence[Sequence[str | int | Cell]] = ()
    widths: Sequence[float] | None = None
    font_size: float = 10.5  # 五号


@dataclass(frozen=True)
class Signature:
    """The sender and the date at the foot of a letter (发文机关署名, 成文日期): the last line
    stands four characters from the right margin, the lines above are centred on it."""

    lines: Sequence[str] = field(default_factory=tuple)


@dataclass(frozen=True)
class PageBreak:
    pass


Block = Heading | Paragraph | Table | Signature | PageBreak


# Page and type (GB/T 9704-2012) ----------------------------------------------------------------

PAGE_WIDTH_MM, PAGE_HEIGHT_MM = 210, 297
MARGINS_MM = {"top": 37, "bottom": 35, "left": 28, "right": 26}
TEXT_WIDTH_MM = PAGE_WIDTH_MM - MARGINS_MM["left"] - MARGINS_MM["right"]
BODY_SIZE = 16  # 三号
TITLE_SIZE = 22  # 二号
PAGE_NUMBER_SIZE = 14  # 四号
LINE_PITCH = 29  # points: 22 lines on a page
TITLE_PITCH = 36
SIGNATURE_INDENT_CHARS = 4  # 成文日期右空四字

DOCX_LATIN_FONT = "Times New Roman"
DOCX_BODY_FONT = "仿宋"
DOCX_TITLE_FONT = "宋体"
DOCX_HEADING_FONTS = {1: "黑体", 2: "楷体"}  # deeper levels: the body font in bold


# Characters XML (hence Word) cannot hold; tabs become spaces, every line break a newline.
_NOT_IN_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")


def _text(value) -> str:
    if value is None:
        return ""
    text = str(value).replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return _NOT_IN_XML.sub("", text)


def _width_in_chars(text: str) -> float:
    """Width of ``text`` in em: full-width characters 1, others ½ (for Word, which measures
    with fonts we cannot see)."""
    return sum(1 if unicodedata.east_asian_width(c) in "FW" else 0.5 for c in text)


_NUMBER = re.compile(r"[-+]?\d[\d,.]*%?")


def _cell_align(cell: Cell, header: bool) -> str:
    if cell.align:
        return cell.align
    if header or _NUMBER.fullmatch(_text(cell.text).strip()):
        return "center"
    return "left"


def _layout(rows):
    """Place the cells of ``rows`` on a grid: ``(placements, n_rows, n_cols)`` where each
    placement is ``(row, column, cell)``; a spanning cell covers the positions to its right and
    below, which the following cells skip, as in HTML."""
    occupied = set()
    placements = []
    for r, row in enumerate(rows):
        c = 0
        for item in row:
            cell = item if isinstance(item, Cell) else Cell(_text(item))
            while (r, c) in occupied:
                c += 1
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    occupied.add((r + dr, c + dc))
            placements.append((r, c, cell))
            c += cell.colspan
    n_rows = max((r for r, _c in occupied), default=-1) + 1
    n_cols = max((c for _r, c in occupied), default=-1) + 1
    return placements, max(n_rows, len(rows)), n_cols


def _column_widths(widths, n_cols: int, total: float) -> list[float]:
    weights = list(widths or ())
    if len(weights) != n_cols or any(w <= 0 for w in weights):
        weights = [1.0] * n_cols
    scale = total / sum(weights)
    return [w * scale for w in weights]


def _signature_indents(lines, width, char_width: float) -> list[float]:
    """Right indents of the signature lines: the last 4 characters from the margin, the others
    centred on it (never beyond the margin)."""
    if not lines:
        return []
    anchor_indent = SIGNATURE_INDENT_CHARS * char_width
    anchor_width = width(lines[-1])
    return [max(0.0, anchor_indent + (anchor_width - width(line)) / 2) for line in lines]


# DOCX -----------------------------------------------------------------------------------------


def _docx_fonts(run, east_asian: str, latin: str = DOCX_LATIN_FONT) -> None:
    """Set the Latin and the East Asian font of a run (``w:rFonts``)."""
    from docx.oxml.ns import qn

    run.font.name = latin
    run._element.rPr.rFonts.set(qn("w:eastAsia"), east_asian)


def _docx_defaults(document) -> None:
    """Document defaults: FangSong 16 pt, Chinese, exact 29 pt line pitch, no space after."""
    from docx.oxml.ns import qn

    defaults = document.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    rfonts = rpr.find(qn("w:rFonts"))
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        rfonts.attrib.pop(qn(theme), None)
    for name in ("w:ascii", "w:hAnsi", "w:cs"):
        rfonts.set(qn(name), DOCX_LATIN_FONT)
    rfonts.set(qn("w:eastAsia"), DOCX_BODY_FONT)
    for tag in ("w:sz", "w:szCs"):
        rpr.find(qn(tag)).set(qn("w:val"), str(BODY_SIZE * 2))
    lang = rpr.find(qn("w:lang"))
    lang.set(qn("w:eastAsia"), "zh-CN")
    spacing = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr")).find(qn("w:spacing"))
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), str(LINE_PITCH * 20))
    spacing.set(qn("w:lineRule"), "exact")


def _docx_indent_first_line(paragraph, size: float) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt

    paragraph.paragraph_format.first_line_indent = Pt(2 * size)
    # Word and WPS keep the indent at two characters whatever the font size.
    paragraph._p.pPr.find(qn("w:ind")).set(qn("w:firstLineChars"), "200")


def _docx_align(name: str):
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    return {
        "left": WD_ALIGN_PARAGRAPH.LEFT,
        "center": WD_ALIGN_PARAGRAPH.CENTER,
        "right": WD_ALIGN_PARAGRAPH.RIGHT,
        "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
    }[name]


def _docx_runs(paragraph, text: str, east_asian=None, size=None, bold=False):
    """Add ``text`` to ``paragraph``, a line break for each newline."""
    from docx.shared import Pt

    for number, line in enumerate(_text(text).split("\n")):
        run = paragraph.add_run(line)
        if number:
            run._r.addprevious(_docx_break())
        if east_asian:
            _docx_fonts(run, east_asian)
        if size:
            run.font.size = Pt(size)
        if bold:
            run.font.bold = True


def _docx_break():
    from docx.oxml import OxmlElement

    run = OxmlElement("w:r")
    run.append(OxmlElement("w:br"))
    return run


def _docx_page_number(section) -> None:
    """“— 1 —” centred in the footer (a PAGE field)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.line_spacing = 1.0
    paragraph.add_run("— ")
    field_ = OxmlElement("w:fldSimple")
    field_.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field_.append(run)
    paragraph._p.append(field_)
    paragraph.add_run(" —")
    for run in paragraph.runs:
        run.font.size = Pt(PAGE_NUMBER_SIZE)
        _docx_fonts(run, DOCX_TITLE_FONT)


def _docx_table(document, table: Table) -> None:
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
    from docx.oxml import OxmlElement
    from docx.shared import Mm, Pt

    rows = [*table.header, *table.rows]
    placements, n_rows, n_cols = _layout(rows)
    if not n_cols:
        return
    grid = document.add_table(rows=n_rows, cols=n_cols)
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    grid.autofit = False
    widths = _column_widths(table.widths, n_cols, TEXT_WIDTH_MM)
    for column, width in zip(grid.columns, widths, strict=True):
        column.width = Mm(width)
        for cell in column.cells:
            cell.width = Mm(width)
    for r, c, cell in placements:
        target = grid.cell(r, c)
        if cell.rowspan > 1 or cell.colspan > 1:
            last_row = min(r + cell.rowspan, n_rows) - 1
            last_col = min(c + cell.colspan, n_cols) - 1
            target = target.merge(grid.cell(last_row, last_col))
        target.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        paragraph = target.paragraphs[0]
        paragraph.alignment = _docx_align(_cell_align(cell, r < len(table.header)))
        paragraph.paragraph_format.line_spacing = 1.0
        _docx_runs(paragraph, cell.text, size=table.font_size, bold=r < len(table.header))
    for r in range(min(len(table.header), n_rows)):
        tr_pr = grid.rows[r]._tr.get_or_add_trPr()
        tr_pr.append(OxmlElement("w:tblHeader"))
    # A paragraph after the table keeps two tables apart and gives room before the text.
    spacer = document.add_paragraph()
    spacer.paragraph_format.line_spacing = Pt(LINE_PITCH / 2)


def build_docx(title: str, blocks: Sequence[Block], *, author: str = "") -> bytes:
    """A Word document: ``title`` centred at the top, then the blocks."""
    import datetime

    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    document = Document()
    _docx_defaults(document)
    section = document.sections[0]
    section.page_width, section.page_height = Mm(PAGE_WIDTH_MM), Mm(PAGE_HEIGHT_MM)
    section.top_margin, section.bottom_margin = Mm(MARGINS_MM["top"]), Mm(MARGINS_MM["bottom"])
    section.left_margin, section.right_margin = Mm(MARGINS_MM["left"]), Mm(MARGINS_MM["right"])
    section.header_distance, section.footer_distance = Mm(15), Mm(22)
    _docx_page_number(section)

    now = datetime.datetime.now(datetime.UTC).replace(microsecond=0)
    properties = document.core_properties
    properties.title = _text(title)
    properties.author = properties.last_modified_by = _text(author)
    properties.comments = ""
    properties.language = "zh-CN"
    properties.created = properties.modified = now
    properties.revision = 1

    if title:
        heading = document.add_paragraph()
        heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
        heading.paragraph_format.line_spacing = Pt(TITLE_PITCH)
        heading.paragraph_format.space_after = Pt(LINE_PITCH)
        _docx_runs(heading, title, east_asian=DOCX_TITLE_FONT, size=TITLE_SIZE, bold=True)

    for block in blocks:
        if isinstance(block, Paragraph):
            paragraph = document.add_paragraph()
            paragraph.alignment = _docx_align(block.align)
            if block.indent_first_line:
                _docx_indent_first_line(paragraph, BODY_SIZE)
            _docx_runs(paragraph, block.text)
        elif isinstance(block, Heading):
            paragraph = document.add_paragraph()
            paragraph.paragraph_format.keep_with_next = True
            _docx_indent_first_line(paragraph, BODY_SIZE)
            font = DOCX_HEADING_FONTS.get(block.level)
            _docx_runs(paragraph, block.text, east_asian=font, bold=font is None)
        elif isinstance(block, Table):
            _docx_table(document, block)
        elif isinstance(block, Signature):
            if document.paragraphs:
                document.paragraphs[-1].paragraph_format.keep_with_next = True
            lines = [_text(line) for line in block.lines]
            indents = _signature_indents(lines, _width_in_chars, 1.0)
            for number, (line, indent) in enumerate(zip(lines, indents, strict=True)):
                paragraph = document.add_paragraph()
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                paragraph.paragraph_format.right_indent = Pt(indent * BODY_SIZE)
                paragraph.paragraph_format.keep_with_next = number < len(lines) - 1
                if number == 0:
                    paragraph.paragraph_format.space_before = Pt(2 * LINE_PITCH)
                _docx_runs(paragraph, line)
        elif isinstance(block, PageBreak):
            document.add_page_break()
        else:
            raise TypeError(f"not a block: {block!r}")

    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


# PDF fonts ------------------------------------------------------------------------------------

CID_FONT = "STSong-Light"

# Well-known CJK fonts with TrueType outlines, best first: FangSong and Song faces, then the
# free ones of Linux distributions. The Noto CJK fonts (fonts-noto-cjk) are not here: their
# PostScript outlines cannot be embedded by reportlab.
KNOWN_FONTS = (
    "C:/Windows/Fonts/simfang.ttf",  # 仿宋
    "C:/Windows/Fonts/simsun.ttc",  # 宋体
    "/usr/share/fonts/truetype/arphic/uming.ttc",  # Debian fonts-arphic-uming (AR PL UMing)
    "/usr/share/fonts/arphic-uming/uming.ttc",  # Fedora
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",  # Debian fonts-wqy-zenhei
    "/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc",  # Fedora
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",  # Debian fonts-wqy-microhei
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",  # Debian fonts-droid-fallback
    "/Library/Fonts/Arial Unicode.ttf",  # macOS
    "/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
)


@dataclass(frozen=True)
class PdfFont:
    """The font of the PDFs: its name as registered with reportlab, the file it was read from
    (empty for the CID font) and whether it is embedded."""

    name: str
    path: str = ""

    @property
    def embedded(self) -> bool:
        return bool(self.path)


def _cid_font() -> PdfFont:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    if CID_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(CID_FONT))
    return PdfFont(CID_FONT)


@functools.lru_cache(maxsize=16)
def _truetype_font(path: str) -> PdfFont:
    """Register the TrueType font at ``path`` (the first face of a collection); raises when
    reportlab cannot read or embed it."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    name = "GovDisclosure-" + hashlib.sha1(path.encode()).hexdigest()[:10]
    pdfmetrics.registerFont(TTFont(name, path, subfontIndex=0))
    return PdfFont(name, path)


def font_error(path: str) -> str | None:
    """Why reportlab cannot embed the font at ``path`` (None when it can)."""
    if not os.path.isfile(path):
        return "no such file"
    try:
        _truetype_font(path)
    except Exception as error:  # reportlab raises TTFError, struct.error, OSError...
        return str(error) or error.__class__.__name__
    return None


@functools.lru_cache(maxsize=1)
def _system_font() -> PdfFont | None:
    for path in KNOWN_FONTS:
        if os.path.isfile(path) and font_error(path) is None:
            return _truetype_font(path)
    return None


def pdf_font() -> PdfFont:
    """The font the PDFs are set in (see the module's docstring)."""
    from gov_disclosure.app_settings import app_settings

    configured = (app_settings.PDF_FONT or "").strip()
    if configured:
        error = font_error(configured)
        if error is None:
            return _truetype_font(configured)
        logger.warning(
            "GOV_DISCLOSURE_PDF_FONT %r cannot be embedded (%s): using %s instead.",
            configured,
            error,
            CID_FONT,
        )
        return _cid_font()
    return _system_font() or _cid_font()


def pdf_font_name() -> str:
    return pdf_font().name


# PDF ------------------------------------------------------------------------------------------

# Chinese line breaking (GB/T 15834): closing punctuation never starts a line (one mark hangs in
# the margin, as with Word's 允许标点溢出边界), opening punctuation never ends one, and a run of
# Latin letters or digits (a tracking number, a year) is not cut. reportlab's own CJK wrapping
# knows only some Japanese marks.
CANNOT_START = "，。、；：？！）》〉」』】〕］｝”’…—·％‰,.;:?!)]}%"
CANNOT_END = "（《〈「『【〔［｛“‘([{"


def _is_word(char: str) -> bool:
    return char.isascii() and char.isalnum()


def break_lines(text: str, widths: Sequence[float], max_widths: Sequence[float]):
    """Break ``text`` (one width per character) into ``(unused width, line)`` pairs; line
    ``n`` is at most ``max_widths[n]`` wide (the last one for all further lines)."""
    lines = []
    start, n = 0, len(text)
    while start < n:
        max_width = max_widths[min(len(lines), len(max_widths) - 1)]
        used, end = 0.0, start
        while end < n and used + widths[end] <= max_width + 1e-6:
            used += widths[end]
            end += 1
        if end == start:
            end += 1  # a character wider than the line
        elif end < n:
            end = _break_before(text, start, end)
        lines.append((max_width - sum(widths[start:end]), text[start:end].rstrip(" ")))
        start = end
        while start < n and text[start] == " ":
            start += 1
    return lines


def _break_before(text: str, start: int, end: int) -> int:
    """Where to break a line that would fit ``text[start:end]``."""
    if text[end] in CANNOT_START:
        if end + 1 >= len(text) or text[end + 1] not in CANNOT_START:
            return end + 1  # one mark hangs
        # Two or more marks: the character before them goes to the next line with them.
        back = end - 1
        while back > start and text[back] in CANNOT_START:
            back -= 1
        end = back if back > start else end + 1
    if _is_word(text[end - 1]) and end < len(text) and _is_word(text[end]):
        back = end - 1
        while back > start and _is_word(text[back - 1]):
            back -= 1
        if back > start:
            end = back
    while end - 1 > start and text[end - 1] in CANNOT_END:
        end -= 1
    return end


@functools.cache
def _paragraph_class():
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import Paragraph as ReportlabParagraph

    class CJKParagraph(ReportlabParagraph):
        """A paragraph of one font broken into lines by ``break_lines``."""

        def breakLinesCJK(self, maxWidths):  # noqa: N802 (reportlab's name)
            frags = self.frags
            # Entities (&amp;) split the text into fragments of the same font: join them.
            if (
                not frags
                or getattr(self, "_splitpara", 0)
                or self.style.endDots
                or any(
                    hasattr(f, "cbDefn")
                    or hasattr(f, "lineBreak")
                    or not isinstance(getattr(f, "text", None), str)
                    or (f.fontName, f.fontSize) != (frags[0].fontName, frags[0].fontSize)
                    for f in frags
                )
            ):
                return super().breakLinesCJK(maxWidths)
            frag = frags[0]
            text = "".join(f.text for f in frags)
            if not isinstance(maxWidths, list | tuple):
                maxWidths = [maxWidths]
            widths = [stringWidth(char, frag.fontName, frag.fontSize) for char in text]
            lines = break_lines(text, widths, maxWidths)
            return frag.clone(
                kind=0,
                lines=[(space, [line]) for space, line in lines],
                ascent=frag.fontSize,
                descent=-0.2 * frag.fontSize,
            )

    return CJKParagraph


def _markup(text) -> str:
    """``text`` for reportlab's paragraph mini-markup (one line: no line breaks)."""
    return escape(_text(text)) or "&nbsp;"


def _pdf_paragraphs(text, style) -> list:
    """The lines of ``text`` as paragraphs: line breaks start new ones, without indent."""
    from reportlab.lib.styles import ParagraphStyle

    paragraph = _paragraph_class()
    lines = _text(text).split("\n")
    follow = ParagraphStyle(f"{style.name}-continued", parent=style, firstLineIndent=0)
    return [paragraph(_markup(line), style if not n else follow) for n, line in enumerate(lines)]


def build_pdf(title: str, blocks: Sequence[Block], *, author: str = "") -> bytes:
    """A PDF of ``title`` and the blocks, set like the Word document."""
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import PageBreak as PdfPageBreak
    from reportlab.platypus import SimpleDocTemplate, Spacer

    font = pdf_font().name
    align = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT, "justify": TA_JUSTIFY}
    body = ParagraphStyle(
        "body",
        fontName=font,
        fontSize=BODY_SIZE,
        leading=LINE_PITCH,
        wordWrap="CJK",
        alignment=TA_JUSTIFY,
    )
    title_style = ParagraphStyle(
        "title",
        parent=body,
        fontSize=TITLE_SIZE,
        leading=TITLE_PITCH,
        alignment=TA_CENTER,
        spaceAfter=LINE_PITCH,
    )

    def page_number(canvas, doc):
        canvas.saveState()
        canvas.setFont(font, PAGE_NUMBER_SIZE)
        y = MARGINS_MM["bottom"] * mm - 7 * mm - PAGE_NUMBER_SIZE
        canvas.drawCentredString(PAGE_WIDTH_MM * mm / 2, y, f"— {doc.page} —")
        canvas.restoreState()

    story = []
    if title:
        story.extend(_pdf_paragraphs(title, title_style))
    for block in blocks:
        if isinstance(block, Paragraph):
            style = ParagraphStyle(
                "paragraph",
                parent=body,
                alignment=align[block.align],
                firstLineIndent=2 * BODY_SIZE if block.indent_first_line else 0,
            )
            story.extend(_pdf_paragraphs(block.text, style))
        elif isinstance(block, Heading):
            style = ParagraphStyle("heading", parent=body, firstLineIndent=2 * BODY_SIZE)
            story.extend(_pdf_paragraphs(block.text, style))
        elif isinstance(block, Table):
            story.extend(_pdf_table(block, font, TEXT_WIDTH_MM * mm, align))
            story.append(Spacer(1, LINE_PITCH / 2))
        elif isinstance(block, Signature):
            if story:
                story[-1].keepWithNext = True  # never a page of nothing but the signature
            lines = [_text(line) for line in block.lines]
            indents = _signature_indents(
                lines, lambda line: stringWidth(line, font, BODY_SIZE), BODY_SIZE
            )
            for number, (line, indent) in enumerate(zip(lines, indents, strict=True)):
                style = ParagraphStyle(
                    "signature",
                    parent=body,
                    alignment=TA_RIGHT,
                    rightIndent=indent,
                    spaceBefore=2 * LINE_PITCH if number == 0 else 0,
                    keepWithNext=number < len(lines) - 1,
                )
                story.extend(_pdf_paragraphs(line, style))
        elif isinstance(block, PageBreak):
            story.append(PdfPageBreak())
        else:
            raise TypeError(f"not a block: {block!r}")

    output = io.BytesIO()
    document = SimpleDocTemplate(
        output,
        pagesize=A4,
        topMargin=MARGINS_MM["top"] * mm,
        bottomMargin=MARGINS_MM["bottom"] * mm,
        leftMargin=MARGINS_MM["left"] * mm,
        rightMargin=MARGINS_MM["right"] * mm,
        title=_text(title),
        author=_text(author),
        creator="gov_disclosure",
        lang="zh-CN",
    )
    document.build(story, onFirstPage=page_number, onLaterPages=page_number)
    return output.getvalue()


def _pdf_table(table: Table, font: str, total_width: float, align):
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Table as PdfTable
    from reportlab.platypus import TableStyle

    rows = [*table.header, *table.rows]
    placements, n_rows, n_cols = _layout(rows)
    if not n_cols:
        return []
    data = [[""] * n_cols for _r in range(n_rows)]
    commands = [
        ("GRID", (0, 0), (-1, -1), 0.5, "black"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    for r, c, cell in placements:
        style = ParagraphStyle(
            "cell",
            fontName=font,
            fontSize=table.font_size,
            leading=table.font_size * 1.35,
            wordWrap="CJK",
            alignment=align[_cell_align(cell, r < len(table.header))],
        )
        data[r][c] = _pdf_paragraphs(cell.text, style)
        if cell.rowspan > 1 or cell.colspan > 1:
            last_row = min(r + cell.rowspan, n_rows) - 1
            last_col = min(c + cell.colspan, n_cols) - 1
            commands.append(("SPAN", (c, r), (last_col, last_row)))
    widths = _column_widths(table.widths, n_cols, total_width)
    grid = PdfTable(
        data,
        colWidths=widths,
        repeatRows=min(len(table.header), n_rows),
        style=TableStyle(commands),
        hAlign="CENTER",
    )
    return [grid]
