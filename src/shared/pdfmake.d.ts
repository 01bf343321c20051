/**
 * The part of pdfmake's server API this app uses. @types/pdfmake is not used: it loads the
 * DOM library into the whole (Node) program.
 */
declare module 'pdfmake' {
  type Content = string | Record<string, unknown> | Content[];
  interface DocumentDefinition {
    content: Content[];
    [option: string]: unknown;
  }
  interface PdfMake {
    setFonts(fonts: Record<string, Record<string, string>>): void;
    setUrlAccessPolicy(allow: (url: string) => boolean): void;
    setLocalAccessPolicy(allow: (path: string) => boolean): void;
    createPdf(document: DocumentDefinition): { getBuffer(): Promise<Buffer> };
  }
  const pdfmake: PdfMake;
  export default pdfmake;
  export type { Content, DocumentDefinition };
}
