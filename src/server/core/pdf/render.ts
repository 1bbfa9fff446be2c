import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import subsetFont from 'subset-font';

/**
 * A small document model for the platform's printable forms (申报表, certificates): blocks laid out
 * top to bottom on A4 pages, in Noto Sans SC. The font is subset to the text first and embedded whole
 * (`subset: false`): pdf-lib's own subsetting draws wrong CJK glyphs.
 */
export type PdfBlock =
  | { kind: 'title'; text: string }
  | { kind: 'subtitle'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'field'; label: string; value: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; columns: string[]; widths: number[]; rows: string[][] }
  | { kind: 'boxes'; labels: string[]; height: number }
  | { kind: 'spacer'; height: number };

const require = createRequire(import.meta.url);
const FONT_FILES = {
  regular: require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'),
  bold: require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf'),
};
let fontCache: Promise<{ regular: Buffer; bold: Buffer }> | undefined;
const loadFonts = () =>
  (fontCache ??= Promise.all([fs.readFile(FONT_FILES.regular), fs.readFile(FONT_FILES.bold)]).then(
    ([regular, bold]) => ({ regular, bold }),
  ));

/**
 * Fontkit's default shaping features substitute Noto's digits in Latin runs with glyphs that lose
 * their width and their text mapping ("CQBH-2026" came out spaced and unextractable): switch them off.
 */
const EMBED = {
  subset: false,
  features: { liga: false, kern: false, calt: false, locl: false, pnum: false, tnum: false },
};

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const WIDTH = A4[0] - MARGIN * 2;
const INK = rgb(0.1, 0.1, 0.1);
const GREY = rgb(0.45, 0.45, 0.45);

function allText(blocks: PdfBlock[], footer: string): string {
  const parts: string[] = [footer, '0123456789/ 第页共'];
  for (const b of blocks) {
    if (b.kind === 'field') parts.push(b.label, b.value);
    else if (b.kind === 'table') parts.push(...b.columns, ...b.rows.flat());
    else if (b.kind === 'boxes') parts.push(...b.labels);
    else if (b.kind !== 'spacer') parts.push(b.text);
  }
  return [...new Set(parts.join(''))].join('');
}

/** Breaks text into lines that fit `width` (any character may break: Chinese has no spaces). */
export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const ch of para) {
      if (font.widthOfTextAtSize(line + ch, size) > width && line) {
        lines.push(line);
        line = ch;
      } else line += ch;
    }
    lines.push(line);
  }
  return lines;
}

export async function renderPdf(
  blocks: PdfBlock[],
  opts: { title: string; footer: string },
): Promise<Uint8Array> {
  const fonts = await loadFonts();
  const text = allText(blocks, opts.footer + opts.title);
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  doc.setTitle(opts.title);
  doc.setCreator('博后通 bohou');
  const regular = await doc.embedFont(
    await subsetFont(fonts.regular, text, { targetFormat: 'truetype' }),
    EMBED,
  );
  const bold = await doc.embedFont(await subsetFont(fonts.bold, text, { targetFormat: 'truetype' }), EMBED);

  let page: PDFPage = doc.addPage(A4);
  let y = A4[1] - MARGIN;
  const ensure = (h: number): void => {
    if (y - h < MARGIN + 20) {
      page = doc.addPage(A4);
      y = A4[1] - MARGIN;
    }
  };
  const lines = (t: string, f: PDFFont, size: number, x: number, w: number, color = INK): void => {
    for (const l of wrap(t, f, size, w)) {
      ensure(size * 1.6);
      page.drawText(l, { x, y: y - size, size, font: f, color });
      y -= size * 1.6;
    }
  };

  for (const b of blocks) {
    if (b.kind === 'title') {
      const size = 18;
      const w = bold.widthOfTextAtSize(b.text, size);
      ensure(40);
      page.drawText(b.text, { x: (A4[0] - w) / 2, y: y - size, size, font: bold, color: INK });
      y -= 34;
    } else if (b.kind === 'subtitle') {
      const size = 10;
      const w = regular.widthOfTextAtSize(b.text, size);
      ensure(24);
      page.drawText(b.text, { x: (A4[0] - w) / 2, y: y - size, size, font: regular, color: GREY });
      y -= 22;
    } else if (b.kind === 'heading') {
      ensure(40);
      y -= 8;
      lines(b.text, bold, 12, MARGIN, WIDTH);
      page.drawLine({
        start: { x: MARGIN, y: y + 4 },
        end: { x: MARGIN + WIDTH, y: y + 4 },
        thickness: 0.6,
        color: GREY,
      });
      y -= 6;
    } else if (b.kind === 'field') {
      const labelW = 130;
      const valueLines = wrap(b.value || '—', regular, 10, WIDTH - labelW);
      ensure(16 * Math.min(valueLines.length, 3));
      page.drawText(b.label, { x: MARGIN, y: y - 10, size: 10, font: bold, color: GREY });
      lines(b.value || '—', regular, 10, MARGIN + labelW, WIDTH - labelW);
      y -= 2;
    } else if (b.kind === 'paragraph') {
      lines(b.text, regular, 10, MARGIN, WIDTH);
    } else if (b.kind === 'table') {
      const total = b.widths.reduce((a, c) => a + c, 0);
      const xs = b.widths.map((w) => (w / total) * WIDTH);
      const row = (cells: string[], f: PDFFont): void => {
        const wrapped = cells.map((c, i) => wrap(c || '—', f, 9, xs[i]! - 6));
        const h = Math.max(...wrapped.map((w) => w.length)) * 13 + 6;
        ensure(h);
        let x = MARGIN;
        wrapped.forEach((cellLines, i) => {
          page.drawRectangle({ x, y: y - h, width: xs[i]!, height: h, borderColor: GREY, borderWidth: 0.5 });
          cellLines.forEach((l, j) =>
            page.drawText(l, { x: x + 3, y: y - 12 - j * 13, size: 9, font: f, color: INK }),
          );
          x += xs[i]!;
        });
        y -= h;
      };
      row(b.columns, bold);
      for (const r of b.rows) row(r, regular);
      y -= 8;
    } else if (b.kind === 'boxes') {
      ensure(b.height + 10);
      const w = WIDTH / b.labels.length;
      b.labels.forEach((label, i) => {
        const x = MARGIN + i * w;
        page.drawRectangle({
          x: x + 4,
          y: y - b.height,
          width: w - 8,
          height: b.height,
          borderColor: INK,
          borderWidth: 0.8,
        });
        page.drawText(label, { x: x + 10, y: y - 16, size: 10, font: bold, color: INK });
      });
      y -= b.height + 10;
    } else {
      y -= b.height;
    }
  }
  const pages = doc.getPages();
  pages.forEach((p, i) => {
    const f = `${opts.footer}    第 ${i + 1} 页 / 共 ${pages.length} 页`;
    p.drawText(f, { x: MARGIN, y: MARGIN / 2, size: 8, font: regular, color: GREY });
  });
  return doc.save();
}
