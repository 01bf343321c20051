/**
 * The printed certificate as a PDF (A4 landscape), set with the shared PDF setup
 * (src/shared/pdf.ts: pdfmake's Roboto, text in NFC).
 */
import type { PrintedCertificate } from '../../projections/certificates/certificates.queries';
import { SubjectKind } from '../shared/domain';
import { NATIONAL_MOTTO, nfc, pdfBuffer, vietnameseDate, type Content, type DocumentDefinition } from '../shared/pdf';

function header(certificate: PrintedCertificate['certificate']): Content {
  return {
    columns: [
      { width: '40%', text: nfc(certificate.issuingUnitName.toUpperCase()), bold: true, alignment: 'center' },
      { width: '60%', ...(NATIONAL_MOTTO as Record<string, unknown>) },
    ],
  };
}

/** How the certificate addresses its recipient. */
const RECIPIENT_TITLE: Readonly<Record<SubjectKind, string>> = {
  [SubjectKind.INDIVIDUAL]: 'Ông/Bà',
  [SubjectKind.COLLECTIVE]: 'Tập thể',
  [SubjectKind.HOUSEHOLD]: 'Hộ gia đình',
};

function body(printed: PrintedCertificate): Content[] {
  const c = printed.certificate;
  const recipient = RECIPIENT_TITLE[c.recipient.kind];
  return [
    { text: nfc(c.title), fontSize: 40, bold: true, color: '#b00000', alignment: 'center', margin: [0, 30, 0, 10] },
    { text: nfc(`${c.issuingUnitName.toUpperCase()}`), fontSize: 14, bold: true, alignment: 'center' },
    { text: 'Tặng', fontSize: 16, italics: true, alignment: 'center', margin: [0, 16, 0, 4] },
    { text: nfc(`${recipient} ${c.recipient.name}`), fontSize: 24, bold: true, alignment: 'center' },
    { text: nfc(c.achievement), fontSize: 14, alignment: 'center', margin: [0, 12, 0, 0] },
  ];
}

function footer(printed: PrintedCertificate): Content {
  const c = printed.certificate;
  return {
    margin: [0, 30, 0, 0],
    columns: [
      {
        width: '50%',
        stack: [
          nfc(`Quyết định số ${c.decisionNumber}, ${vietnameseDate(c.decidedOn)}`),
          nfc(`Số: ${printed.serial}/${c.serialSuffix}`),
        ],
      },
      {
        width: '50%',
        alignment: 'center',
        stack: [
          // A certificate bears the date its decision was signed, whenever the sheet is printed.
          { text: nfc(`${c.issuingUnitName}, ${vietnameseDate(c.decidedOn)}`), italics: true },
          { text: nfc(c.signerName), bold: true, margin: [0, 50, 0, 0] },
        ],
      },
    ],
  };
}

export function certificateDocument(printed: PrintedCertificate): DocumentDefinition {
  return {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [50, 40, 50, 40],
    defaultStyle: { font: 'Roboto', fontSize: 12 },
    info: { title: nfc(`${printed.certificate.title} ${printed.serial}/${printed.certificate.serialSuffix}`) },
    content: [header(printed.certificate), ...body(printed), footer(printed)],
  };
}

/** The certificate's PDF bytes. */
export function certificatePdf(printed: PrintedCertificate): Promise<Buffer> {
  return pdfBuffer(certificateDocument(printed));
}
