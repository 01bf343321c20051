/** The documents a dossier holds (thành phần hồ sơ), each stored by its SHA-256 outside the log. */
export enum DocumentKind {
  /** Tờ trình đề nghị khen thưởng. */
  PROPOSAL_MEMO = 'PROPOSAL_MEMO',
  /** Báo cáo thành tích. */
  ACHIEVEMENT_REPORT = 'ACHIEVEMENT_REPORT',
  /** Biên bản họp (và kết quả bỏ phiếu) của hội đồng thi đua, khen thưởng. */
  MINUTES = 'MINUTES',
  /** Chứng nhận / quyết định công nhận sáng kiến. */
  INITIATIVE_RECOGNITION = 'INITIATIVE_RECOGNITION',
  /** Quyết định khen thưởng đã ký. */
  SIGNED_DECISION = 'SIGNED_DECISION',
}

export const DOCUMENT_KINDS: readonly DocumentKind[] = Object.values(DocumentKind);
