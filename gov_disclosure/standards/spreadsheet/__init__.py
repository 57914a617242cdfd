"""Read and write a standard catalogue as an Excel workbook in the national layout.

The layout (docs/standards/import.md): a title row such as “示范县基层政务公开标准目录（社会救助
领域）”, then two heading rows::

    序号 | 公开事项: 一级事项, 二级事项 | 公开内容（要素） | 公开依据 | 公开时限 | 公开主体
         | 公开渠道和载体 | 公开对象: 全社会, 特定群众 | 公开方式: 主动, 依申请
         | 公开层级: 县级, 乡级

Sub-columns are ticked with “√”. The domain of a row comes from a 领域 column when the sheet has
one, else from the title row or the sheet's name. Merged cells (a 一级事项 over several rows)
count for every row they cover.

Usage::

    report = CatalogueImporter(catalogue, user=user, dry_run=True).run(uploaded_file)
    data = export_catalogue(catalogue)  # the bytes of an .xlsx file

Every row is checked before anything is written; bad rows are reported and skipped, the good
ones are created or updated in one transaction. Items of the catalogue that are not in the file
are left alone, and an update changes only the columns of the layout.
"""

from .exporting import export_catalogue
from .importing import CatalogueImporter, import_catalogue
from .layout import SpreadsheetError, cell_text, lookup_key, parse_tick
from .results import ImportReport, RowError, RowResult

__all__ = [
    "CatalogueImporter",
    "ImportReport",
    "RowError",
    "RowResult",
    "SpreadsheetError",
    "cell_text",
    "export_catalogue",
    "import_catalogue",
    "lookup_key",
    "parse_tick",
]
