import { dossierDecider, type AttachDocument } from '../../src/dossiers/dossier.decider';
import type { DocumentAttached, DossierEvent, DossierSubmitted } from '../../src/dossiers/dossier.events';
import { DocumentKind } from '../../src/documents/documentKinds';
import { noEligibilityFacts } from '../../src/rules/eligibility';
import { AwardKind, PeriodKind, SubjectKind } from '../../src/shared/domain';
import { InvalidInput } from '../../src/shared/errors';
import { deciderSpec, frozenDecider } from '../support/deciderSpec';

const spec = deciderSpec(frozenDecider(dossierDecider));
const NOW = '2026-02-10T03:00:00.000Z';
const HASH = 'ab'.repeat(32);
const context = {
  dossierId: 'd-1',
  proposingUnitId: 'truong',
  nominee: { kind: SubjectKind.INDIVIDUAL, id: 'gv-hoa', name: 'Nguyễn Thị Hoa' },
  nomineeUnitId: 'truong',
  award: AwardKind.PROVINCIAL_EMULATION_FIGHTER,
  period: { kind: PeriodKind.CALENDAR_YEAR, year: 2025 },
};

function submittedOn(date: string, ruleSetId: 'tdkt-2025' | 'tdkt-2022' = 'tdkt-2025'): DossierSubmitted {
  return {
    type: 'DossierSubmitted',
    data: {
      ...context,
      proposingUnitName: 'Trường THCS Lê Lợi',
      movementId: null,
      movementThematic: false,
      achievements: 'Sáng kiến cấp tỉnh.',
      submittedOn: date,
      submittedAt: `${date}T02:00:00.000Z`,
      ruleSetId,
    },
  };
}
const submitted = submittedOn('2026-02-02');

function attach(kind: DocumentKind, sha256 = HASH, changes: Partial<AttachDocument['data']> = {}): AttachDocument {
  return {
    type: 'AttachDocument',
    data: {
      dossierId: 'd-1',
      kind,
      sha256,
      fileName: `${kind}.pdf`,
      stored: { size: 1234, contentType: 'application/pdf' },
      attachedBy: 'officer-1',
      now: NOW,
      ...changes,
    },
  };
}

function attached(kind: DocumentKind, sha256: string): DocumentAttached {
  return {
    type: 'DocumentAttached',
    data: {
      ...context,
      kind,
      sha256,
      fileName: `${kind}.pdf`,
      size: 1234,
      contentType: 'application/pdf',
      attachedBy: 'officer-1',
      attachedAt: NOW,
    },
  };
}

const appraise = {
  type: 'AppraiseDossier' as const,
  data: { dossierId: 'd-1', note: null, facts: noEligibilityFacts(), now: NOW },
};

describe('dossier decider: documents', () => {
  it('attaches a stored document with its size and type', () => {
    spec
      .given([submitted])
      .when(attach(DocumentKind.PROPOSAL_MEMO))
      .then([attached(DocumentKind.PROPOSAL_MEMO, HASH)]);
  });

  it('refuses a hash the store does not hold, the same hash twice, and malformed input', () => {
    spec
      .given([submitted])
      .when(attach(DocumentKind.MINUTES, HASH, { stored: null }))
      .thenThrows('DOCUMENT_NOT_STORED');
    spec
      .given([submitted, attached(DocumentKind.PROPOSAL_MEMO, HASH)])
      .when(attach(DocumentKind.MINUTES))
      .thenThrows('DOCUMENT_ALREADY_ATTACHED', { kind: DocumentKind.PROPOSAL_MEMO });
    spec.given([submitted]).when(attach(DocumentKind.MINUTES, 'ABC')).thenThrows(InvalidInput, { field: 'sha256' });
    spec
      .given([submitted])
      .when(attach(DocumentKind.MINUTES, HASH, { fileName: '../etc/passwd' }))
      .thenThrows(InvalidInput, { field: 'fileName' });
  });

  it('closes the proposal documents once withdrawn or decided, and takes the signed decision only after approval', () => {
    const withdrawn: DossierEvent = {
      type: 'DossierWithdrawn',
      data: { ...context, reason: 'Rút', statusBefore: 'SUBMITTED' as never, withdrawnAt: NOW },
    };
    spec.given([submitted, withdrawn]).when(attach(DocumentKind.MINUTES)).thenThrows('DOSSIER_CLOSED_TO_DOCUMENTS');
    spec.given([submitted]).when(attach(DocumentKind.SIGNED_DECISION)).thenThrows('DECISION_BEFORE_APPROVAL');
  });

  it('refuses to appraise a dossier lacking required documents (DOSSIER_COMPLETE), naming them', () => {
    spec
      .given([submitted, attached(DocumentKind.PROPOSAL_MEMO, HASH)])
      .when(appraise)
      .thenThrows('DOSSIER_COMPLETE', {
        missing: [DocumentKind.ACHIEVEMENT_REPORT, DocumentKind.MINUTES, DocumentKind.INITIATIVE_RECOGNITION],
      });
  });

  it('appraises a complete dossier, and one submitted before documents are checked', () => {
    const all = [
      DocumentKind.PROPOSAL_MEMO,
      DocumentKind.ACHIEVEMENT_REPORT,
      DocumentKind.MINUTES,
      DocumentKind.INITIATIVE_RECOGNITION,
    ].map((kind, i) => attached(kind, String(i).repeat(64)));
    expect(
      spec
        .given([submitted, ...all])
        .when(appraise)
        .events()
        .map((e) => e.type),
    ).toEqual(['DossierAppraised']);
    const paper = submittedOn('2025-03-10', 'tdkt-2022');
    expect(
      spec
        .given([paper])
        .when(appraise)
        .events()
        .map((e) => e.type),
    ).toEqual(['DossierAppraised']);
  });
});
