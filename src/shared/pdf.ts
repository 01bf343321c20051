/**
 * The printed documents' PDF setup, in one place: pdfmake with its bundled Roboto, whose
 * glyphs cover Vietnamese. Every text is normalized to NFC so each letter with its marks
 * is one code point, as the font's precomposed glyphs expect.
 */
import { dirname } from 'node:path';
import pdfmake from 'pdfmake';
import type { Content, DocumentDefinition } from 'pdfmake';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- pdfmake ships its font paths as a CommonJS map
const ROBOTO = require('pdfmake/fonts/Roboto.js') as Record<string, Record<string, string>>;
const FONT_DIRECTORY = dirname(ROBOTO.Roboto.normal);
pdfmake.setFonts(ROBOTO);
// The document reads no URL and no file but the fonts.
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => dirname(path) === FONT_DIRECTORY);

export type { Content, DocumentDefinition };

export const nfc = (text: string): string => text.normalize('NFC');

/** "ngày 5 tháng 12 năm 2025" of an ISO date. */
export function vietnameseDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return `ngày ${day} tháng ${month} năm ${year}`;
}

/** An amount in VND with dots grouping the thousands, as Vietnamese documents write it: 1.170.000. */
export function vndAmount(amount: number): string {
  return String(Math.round(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** The national name and motto (Quốc hiệu và Tiêu ngữ), as the right-hand header column. */
export const NATIONAL_MOTTO: Content = {
  alignment: 'center',
  stack: [
    { text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold: true },
    { text: 'Độc lập - Tự do - Hạnh phúc', bold: true, decoration: 'underline' },
  ],
};

/** The document's PDF bytes, set in Roboto. */
export function pdfBuffer(document: DocumentDefinition): Promise<Buffer> {
  return pdfmake.createPdf({ defaultStyle: { font: 'Roboto', fontSize: 12 }, ...document }).getBuffer();
}
