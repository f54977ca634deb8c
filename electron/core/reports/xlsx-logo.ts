/**
 * The kop surat's logo in a streamed workbook. exceljs's streaming writer (needed for the
 * 100,000-row Daftar IKM) can add media but not floating pictures, so this adds the three small
 * parts a picture needs — a drawing, its relationship to the image, the sheet's <drawing> tag and
 * a content-type entry — through the writer's own zip and relationship writers.
 */
import type ExcelJS from 'exceljs';

const EMU_PER_PX = 9525;

/** Pixel size of a PNG (IHDR) or JPEG (SOFn marker); null when the bytes are neither. */
export function imageSize(buf: Buffer): { width: number; height: number; extension: 'png' | 'jpeg' } | null {
  if (buf.length > 24 && buf.readUInt32BE(0) === 0x89504e47) return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20), extension: 'png' };
  if (buf.length > 4 && buf[0] === 0xff && buf[1] === 0xd8) {
    for (let i = 2; i + 9 < buf.length; ) {
      if (buf[i] !== 0xff) return null;
      const marker = buf[i + 1]!;
      const len = buf.readUInt16BE(i + 2);
      if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker))
        return { height: buf.readUInt16BE(i + 5), width: buf.readUInt16BE(i + 7), extension: 'jpeg' };
      i += 2 + len;
    }
  }
  return null;
}

interface StreamInternals {
  zip: { append(data: string | Buffer, opts: { name: string }): void };
}
interface SheetInternals {
  id: number;
  stream: { write(s: string): void };
  _sheetRelsWriter: { addRelationship(rel: { Target: string; Type: string }): string };
  _writeRowBreaks(): void;
}

/** Places the image at the sheet's top-left, `heightPx` tall (aspect kept). Call before ws.commit(). */
export function addLogo(wb: ExcelJS.stream.xlsx.WorkbookWriter, ws: ExcelJS.Worksheet, image: Buffer, at: { col: number; row: number; heightPx?: number }): void {
  const size = imageSize(image);
  if (!size || size.width === 0 || size.height === 0) return; // not an image: the kop goes without it
  const imageId = wb.addImage({ buffer: image, extension: size.extension } as unknown as ExcelJS.Image);
  const media = (wb as unknown as { getImage(id: number): { name: string } }).getImage(imageId);
  const height = at.heightPx ?? 84;
  const width = Math.round((size.width / size.height) * height);
  const sheet = ws as unknown as SheetInternals;
  const name = `drawing${sheet.id}`;
  const { zip } = wb as unknown as StreamInternals;
  zip.append(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<xdr:oneCellAnchor><xdr:from><xdr:col>${at.col}</xdr:col><xdr:colOff>${4 * EMU_PER_PX}</xdr:colOff><xdr:row>${at.row}</xdr:row><xdr:rowOff>${3 * EMU_PER_PX}</xdr:rowOff></xdr:from>
<xdr:ext cx="${width * EMU_PER_PX}" cy="${height * EMU_PER_PX}"/>
<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="2" name="Logo"/><xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr>
<xdr:blipFill><a:blip r:embed="rId1"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill>
<xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${width * EMU_PER_PX}" cy="${height * EMU_PER_PX}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic>
<xdr:clientData/></xdr:oneCellAnchor></xdr:wsDr>`,
    { name: `xl/drawings/${name}.xml` },
  );
  zip.append(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="../media/${media.name}"/></Relationships>`,
    { name: `xl/drawings/_rels/${name}.xml.rels` },
  );
  // The drawing's content type, added to the [Content_Types].xml the writer produces at commit.
  const append = zip.append.bind(zip);
  zip.append = (data, opts) =>
    append(
      opts.name === '[Content_Types].xml'
        ? String(data).replace('</Types>', `<Override PartName="/xl/drawings/${name}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/></Types>`)
        : data,
      opts,
    );
  // <drawing> belongs after the page setup and row breaks, before any legacy drawing.
  const rowBreaks = sheet._writeRowBreaks.bind(sheet);
  sheet._writeRowBreaks = () => {
    rowBreaks();
    const rId = sheet._sheetRelsWriter.addRelationship({ Target: `../drawings/${name}.xml`, Type: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing' });
    sheet.stream.write(`<drawing r:id="${rId}"/>`);
  };
}
