/**
 * An award decision as a PDF (A4 portrait), laid out as the individual decision form of
 * Decree 30/2020/NĐ-CP, Appendix I (issuing authority and number on the left, national
 * name and motto on the right, place and date, title and subject, grounds, articles,
 * recipients and signature). Set with the shared PDF setup (src/shared/pdf.ts).
 */
import type { DecisionView } from '../../projections/decisions/decisions.queries';
import { SubjectKind } from '../shared/domain';
import { NATIONAL_MOTTO, nfc, pdfBuffer, vietnameseDate, vndAmount, type Content } from '../shared/pdf';
import type { DecisionDocument } from './decision.events';

function header(d: DecisionDocument): Content {
  return {
    columns: [
      {
        width: '40%',
        alignment: 'center',
        stack: [
          { text: nfc(d.issuedByUnitName.toUpperCase()), bold: true },
          { text: nfc(`Số: ${d.number}`), margin: [0, 6, 0, 0] },
        ],
      },
      { width: '60%', ...(NATIONAL_MOTTO as Record<string, unknown>) },
    ],
  };
}

function title(d: DecisionDocument, status: DecisionView['status']): Content[] {
  return [
    {
      text: nfc(`${d.place}, ${vietnameseDate(d.decidedOn)}`),
      italics: true,
      alignment: 'right',
      margin: [0, 8, 0, 0],
    },
    ...(status === 'DRAFT' ? [{ text: 'DỰ THẢO', bold: true, color: '#b00000', alignment: 'center' }] : []),
    { text: 'QUYẾT ĐỊNH', bold: true, fontSize: 14, alignment: 'center', margin: [0, 16, 0, 0] },
    { text: nfc(`Về việc ${d.about}`), bold: true, alignment: 'center', margin: [0, 2, 0, 12] },
    { text: nfc(`${d.signerTitle} ${d.issuedByUnitName}`.toUpperCase()), bold: true, alignment: 'center' },
    ...d.legalGrounds.map((ground) => ({ text: nfc(`Căn cứ ${ground};`), italics: true, margin: [0, 4, 0, 0] })),
    { text: 'QUYẾT ĐỊNH:', bold: true, alignment: 'center', margin: [0, 12, 0, 8] },
  ];
}

function recipientsTable(d: DecisionDocument): Content {
  const total = d.entries.reduce((sum, e) => sum + (e.rewardVnd ?? 0), 0);
  const body: Content[] = [
    ['STT', 'Cá nhân, tập thể', 'Hình thức khen thưởng', 'Số tiền (đồng)'].map((text) => ({ text, bold: true })),
    ...d.entries.map((e, i) => [
      String(i + 1),
      nfc(e.subject.kind === SubjectKind.COLLECTIVE ? `Tập thể ${e.subject.name}` : `Ông/Bà ${e.subject.name}`),
      nfc(e.label),
      { text: e.rewardVnd === null ? '-' : vndAmount(e.rewardVnd), alignment: 'right' },
    ]),
    ['', { text: 'Tổng cộng', bold: true }, '', { text: vndAmount(total), bold: true, alignment: 'right' }],
  ];
  return { table: { headerRows: 1, widths: [30, '*', 150, 90], body }, margin: [0, 6, 0, 8] };
}

function articles(d: DecisionDocument): Content[] {
  return [
    { text: [{ text: 'Điều 1. ', bold: true }, nfc(`${capitalized(d.about)} cho các cá nhân, tập thể có tên sau:`)] },
    recipientsTable(d),
    {
      text: [
        { text: 'Điều 2. ', bold: true },
        'Tiền thưởng kèm theo được chi từ quỹ thi đua, khen thưởng theo quy định hiện hành.',
      ],
    },
    {
      margin: [0, 6, 0, 0],
      text: [
        { text: 'Điều 3. ', bold: true },
        'Quyết định này có hiệu lực kể từ ngày ký. Thủ trưởng các cơ quan, đơn vị có liên quan và các cá nhân, ' +
          'tập thể có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.',
      ],
    },
  ];
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function signature(d: DecisionDocument): Content {
  return {
    margin: [0, 24, 0, 0],
    columns: [
      {
        width: '50%',
        fontSize: 10,
        stack: [{ text: 'Nơi nhận:', bold: true, italics: true }, '- Như Điều 3;', '- Lưu: VT.'],
      },
      {
        width: '50%',
        alignment: 'center',
        stack: [
          { text: nfc(d.signerTitle.toUpperCase()), bold: true },
          { text: nfc(d.signerName), bold: true, margin: [0, 60, 0, 0] },
        ],
      },
    ],
  };
}

/** The decision's PDF bytes; a draft is marked DỰ THẢO. */
export function decisionPdf(decision: DecisionView): Promise<Buffer> {
  const d = decision.document;
  return pdfBuffer({
    pageSize: 'A4',
    pageMargins: [60, 40, 45, 40],
    info: { title: nfc(`Quyết định số ${d.number}`) },
    content: [header(d), ...title(d, decision.status), ...articles(d), signature(d)],
  });
}
