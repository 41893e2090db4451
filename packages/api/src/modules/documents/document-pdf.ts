import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import type { PetitionDocument } from '@xinfang/domain/casework/documents';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';

/**
 * The notice as a PDF in the A4 layout of the printable page (GB/T 9704 margins, 三号 body text, red organ line),
 * in Noto Serif SC shipped by an npm package: nothing is fetched at run time. The font is subset (HarfBuzz, through
 * subset-font) to the characters the notice uses before pdf-lib embeds it, so a notice is tens of kilobytes, not the
 * 15 MB of the font. (pdf-lib's own `subset: true` drops the outlines of this font's glyphs: text extracts but does
 * not show.)
 */

const require = createRequire(import.meta.url);
/** subset-font (CommonJS, no types; loads HarfBuzz's wasm from its own package, so the server keeps it external). */
const subsetFont = require('subset-font') as (font: Buffer, text: string, options: { targetFormat: 'truetype' }) => Promise<Buffer>;
const fontFile = '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf';

let fontBytes: Promise<Buffer> | undefined;

/** The font file's bytes, read once per process. */
function loadFont(): Promise<Buffer> {
  fontBytes ??= readFile(require.resolve(fontFile));
  return fontBytes;
}

/** The font cut down to the characters of `text` (plus digits and the punctuation the layout adds), as TrueType. */
async function fontFor(text: string): Promise<Uint8Array> {
  const characters = [...new Set(`${text}0123456789：〔〕号年月日`)].join('');
  return new Uint8Array(await subsetFont(await loadFont(), characters, { targetFormat: 'truetype' }));
}

const mm = 72 / 25.4;
const pageSize: [number, number] = [210 * mm, 297 * mm];
const margin = { top: 37 * mm, right: 26 * mm, bottom: 35 * mm, left: 28 * mm };
const body = { size: 16, leading: 28 };
const red = rgb(0.8, 0, 0);

/**
 * Breaks text into lines no wider than `width`: Chinese breaks between any two characters; a run of Latin letters or
 * digits (a tracking code, a date) is kept whole when it fits on a line. Explicit newlines are kept.
 */
export function wrapText(text: string, width: number, measure: (text: string) => number, firstIndent = 0): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    const tokens = paragraph.match(/[A-Za-z0-9_.:/-]+|\s+|./gsu) ?? [''];
    let line = '';
    let available = width - firstIndent;
    for (const token of tokens) {
      if (measure(line + token) <= available) {
        line += token;
        continue;
      }
      if (line.trim() !== '') {
        lines.push(line);
        available = width;
        line = '';
      }
      if (measure(token) <= available) {
        line = token.trimStart();
        continue;
      }
      for (const char of token) {
        if (measure(line + char) > available && line !== '') {
          lines.push(line);
          available = width;
          line = '';
        }
        line += char;
      }
    }
    lines.push(line);
    firstIndent = 0;
  }
  return lines;
}

class Writer {
  private page: PDFPage;
  private y: number;

  constructor(
    private readonly pdf: PDFDocument,
    private readonly font: PDFFont,
  ) {
    this.page = pdf.addPage(pageSize);
    this.y = pageSize[1] - margin.top;
  }

  private get width(): number {
    return pageSize[0] - margin.left - margin.right;
  }

  private ensureRoom(height: number): void {
    if (this.y - height >= margin.bottom) return;
    this.page = this.pdf.addPage(pageSize);
    this.y = pageSize[1] - margin.top;
  }

  centered(text: string, size: number, options: { color?: ReturnType<typeof rgb>; after?: number } = {}): void {
    for (const line of wrapText(text, this.width, (value) => this.font.widthOfTextAtSize(value, size))) {
      this.ensureRoom(size * 1.6);
      const lineWidth = this.font.widthOfTextAtSize(line, size);
      this.y -= size * 1.6;
      this.page.drawText(line, { x: margin.left + (this.width - lineWidth) / 2, y: this.y, size, font: this.font, color: options.color ?? rgb(0, 0, 0) });
    }
    this.y -= options.after ?? 0;
  }

  rule(color: ReturnType<typeof rgb>, gap: number): void {
    this.y -= gap;
    this.page.drawLine({ start: { x: margin.left, y: this.y }, end: { x: pageSize[0] - margin.right, y: this.y }, thickness: 1.5, color });
    this.y -= gap;
  }

  paragraph(text: string, options: { indent?: boolean; align?: 'left' | 'right' } = {}): void {
    const indent = options.indent === false ? 0 : body.size * 2;
    const lines = wrapText(text, this.width, (value) => this.font.widthOfTextAtSize(value, body.size), indent);
    lines.forEach((line, index) => {
      this.ensureRoom(body.leading);
      this.y -= body.leading;
      const lineWidth = this.font.widthOfTextAtSize(line, body.size);
      const x = options.align === 'right' ? pageSize[0] - margin.right - lineWidth : margin.left + (index === 0 ? indent : 0);
      this.page.drawText(line, { x, y: this.y, size: body.size, font: this.font });
    });
  }

  space(height: number): void {
    this.y -= height;
  }

  /** Starts a new page unless `height` more fits on this one (the signature block stays with its date). */
  keepTogether(height: number): void {
    this.ensureRoom(height);
  }
}

/**
 * Renders one issued notice (as frozen at issue) to PDF bytes.
 * @example const bytes = await renderDocumentPdf(document); // %PDF-1.7 …
 */
export async function renderDocumentPdf(document: Omit<PetitionDocument, 'id'>): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const strings = [document.issuingUnitName, document.title, document.serialNumber, document.addressee, document.trackingCode, document.dateText, '查询码'];
  for (const section of document.sections) strings.push(section.heading ?? '', section.text);
  const font = await pdf.embedFont(await fontFor(strings.join('')), { subset: false });
  const issuedAt = new Date(document.issuedAt);
  pdf.setTitle(`${document.title} ${document.serialNumber}`);
  pdf.setSubject(document.summary);
  pdf.setAuthor(document.issuingUnitName);
  pdf.setCreator('xinfang');
  pdf.setProducer('xinfang (pdf-lib)');
  pdf.setCreationDate(issuedAt);
  pdf.setModificationDate(issuedAt);
  pdf.setLanguage('zh-CN');

  const writer = new Writer(pdf, font);
  writer.centered(document.issuingUnitName, 26, { color: red });
  writer.rule(red, 4 * mm);
  writer.centered(document.title, 22);
  writer.centered(document.serialNumber, body.size, { after: 6 * mm });
  writer.paragraph(`${document.addressee}：`, { indent: false });
  for (const section of document.sections) {
    if (section.heading) writer.paragraph(section.heading, { indent: true });
    writer.paragraph(section.text);
  }
  writer.paragraph(`查询码：${document.trackingCode}`);
  writer.space(10 * mm);
  writer.keepTogether(body.leading * 2);
  writer.paragraph(document.issuingUnitName, { indent: false, align: 'right' });
  writer.paragraph(document.dateText, { indent: false, align: 'right' });
  return pdf.save({ useObjectStreams: true });
}

/** The download name: the notice's title and serial number. */
export function pdfFileName(document: Pick<PetitionDocument, 'title' | 'serialNumber'>): string {
  return `${document.title}-${document.serialNumber}.pdf`;
}
