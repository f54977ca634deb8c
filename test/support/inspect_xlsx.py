#!/usr/bin/python3
"""Reads a report .xlsx with openpyxl (a reader other than exceljs) and prints what the tests
check as JSON: print setup, footer, frozen panes, merged cells, and every cell's cached value,
formula and number format. Usage: inspect_xlsx.py <file.xlsx>"""
import json
import sys

from openpyxl import load_workbook

path = sys.argv[1]
values = load_workbook(path, data_only=True)
formulas = load_workbook(path, data_only=False)
ws = values.worksheets[0]
wf = formulas.worksheets[0]
ps = ws.page_setup
cells = {}
for row in wf.iter_rows():
    for c in row:
        v = ws[c.coordinate].value
        f = c.value if c.data_type == 'f' else None
        if v is None and f is None:
            continue
        cells[c.coordinate] = {
            'value': v if isinstance(v, (int, float, str)) or v is None else str(v),
            'type': type(v).__name__,
            'formula': f,
            'format': c.number_format,
            'bold': bool(c.font and c.font.b),
        }
print(json.dumps({
    'title': ws.title,
    'sheets': len(values.worksheets),
    'orientation': ps.orientation,
    'paperSize': ps.paperSize,
    'fitToWidth': ps.fitToWidth,
    'fitToHeight': ps.fitToHeight,
    'fitToPage': bool(ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage),
    'printArea': ws.print_area,
    'printTitleRows': ws.print_title_rows,
    'freeze': ws.freeze_panes,
    'footer': {'left': ws.oddFooter.left.text, 'center': ws.oddFooter.center.text, 'right': ws.oddFooter.right.text},
    'merged': sorted(str(r) for r in ws.merged_cells.ranges),
    'maxRow': ws.max_row,
    'maxColumn': ws.max_column,
    'cells': cells,
}, ensure_ascii=False))
