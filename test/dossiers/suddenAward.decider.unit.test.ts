import { dossierDecider, type DossierCommand, type SubmitDossier } from '../../src/dossiers/dossier.decider';
import type { DossierEvent, DossierSubmitted } from '../../src/dossiers/dossier.events';
import { noEligibilityFacts } from '../../src/rules/eligibility';
import { achievementTooOld, SIMPLIFIED_PROCEDURES } from '../../src/rules/simplifiedProcedure';
import { RULE_SET_IDS } from '../../src/rules/ruleSets';
import {
  AwardCategory,
  AwardKind,
  DossierProcedure,
  DossierStatus,
  PeriodKind,
  SubjectKind,
} from '../../src/shared/domain';
import { awardCategory } from '../../src/rules/awardCatalog';
import { InvalidInput } from '../../src/shared/errors';
import { deciderSpec, frozenDecider } from '../support/deciderSpec';
import { grantedAwardFixture } from '../support/grantedAward';

const spec = deciderSpec(frozenDecider(dossierDecider));
const NOW = '2024-11-20T03:00:00.000Z';
const LATER = '2024-11-28T03:00:00.000Z';

const submitSudden: SubmitDossier = {
  type: 'SubmitDossier',
  data: {
    dossierId: 'dx-1',
    proposingUnitId: 'xa-an-binh',
    proposingUnitName: 'UBND xã An Bình',
    nominee: { kind: SubjectKind.INDIVIDUAL, id: 'nd-tam', name: 'Huỳnh Văn Tám' },
    nomineeUnitId: 'xa-an-binh',
    award: AwardKind.CERTIFICATE_OF_MERIT,
    period: { kind: PeriodKind.CALENDAR_YEAR, year: 2024 },
    movementId: null,
    movementThematic: false,
    achievements: 'Cứu hai em nhỏ trong lũ ngày 10/11/2024.',
    submittedOn: '2024-11-20',
    ruleSetId: 'tdkt-2022',
    procedure: DossierProcedure.SIMPLIFIED,
    achievedOn: '2024-11-10',
    now: NOW,
  },
};
const sudden = (changes: Partial<SubmitDossier['data']>): SubmitDossier => ({
  type: 'SubmitDossier',
  data: { ...submitSudden.data, ...changes },
});

function submittedFrom(command: SubmitDossier): DossierSubmitted {
  return spec.given([]).when(command).events()[0] as DossierSubmitted;
}

const appraise: DossierCommand = {
  type: 'AppraiseDossier',
  data: { dossierId: 'dx-1', note: null, facts: noEligibilityFacts(), now: LATER },
};
const recordGrant: DossierCommand = {
  type: 'RecordAwardGranted',
  data: {
    dossierId: 'dx-1',
    awardId: 'a-dx-1',
    decisionNumber: '15/QĐ-UBND',
    decidedOn: '2024-11-28',
    grantedAward: grantedAwardFixture({ awardId: 'a-dx-1', dossierId: 'dx-1' }),
    now: LATER,
  },
};

/** Submitted and appraised: the history before the award decision. */
function appraisedHistory(command: SubmitDossier): DossierEvent[] {
  const submitted = submittedFrom(command);
  const [appraised] = spec.given([submitted]).when(appraise).events();
  return [submitted, appraised];
}

describe('submitting a sudden award by the simplified procedure', () => {
  it('records the procedure and the achievement date with the brief summary', () => {
    expect(submittedFrom(submitSudden).data).toMatchObject({
      procedure: DossierProcedure.SIMPLIFIED,
      achievedOn: '2024-11-10',
      achievements: 'Cứu hai em nhỏ trong lũ ngày 10/11/2024.',
    });
  });

  it('refuses an award kind the rule set does not allow by the procedure, naming the ones it does', () => {
    spec
      .given([])
      .when(sudden({ award: AwardKind.ADVANCED_WORKER }))
      .thenThrows('SIMPLIFIED_PROCEDURE_AWARD', { award: AwardKind.ADVANCED_WORKER });
  });

  it('refuses an achievement after the submission date; the day itself is accepted', () => {
    spec
      .given([])
      .when(sudden({ achievedOn: '2024-11-21' }))
      .thenThrows('ACHIEVEMENT_IN_FUTURE', { achievedOn: '2024-11-21', submittedOn: '2024-11-20' });
    expect(
      spec
        .given([])
        .when(sudden({ achievedOn: '2024-11-20' }))
        .events(),
    ).toHaveLength(1);
  });

  it('needs the date for SIMPLIFIED and refuses one for STANDARD', () => {
    spec
      .given([])
      .when(sudden({ achievedOn: null }))
      .thenThrows(InvalidInput, { field: 'achievedOn' });
    spec
      .given([])
      .when(sudden({ procedure: DossierProcedure.STANDARD }))
      .thenThrows(InvalidInput, { field: 'achievedOn' });
    spec
      .given([])
      .when(sudden({ achievedOn: '2024-13-01' }))
      .thenThrows(InvalidInput, { field: 'achievedOn' });
  });
});

describe('appraising and granting a sudden award', () => {
  it('appraises on the sudden achievement, not on the record: eligible without rating or registration', () => {
    const [submitted] = appraisedHistory(submitSudden);
    const [appraised] = spec.given([submitted]).when(appraise).events();
    expect(appraised.data).toMatchObject({ eligible: true, ruleSetId: 'tdkt-2022' });
    const rules = (appraised.data as { checks: { rule: string }[] }).checks.map((c) => c.rule);
    expect(rules).toEqual(['SUDDEN_ACHIEVEMENT', 'ONE_AWARD_PER_ACHIEVEMENT', 'PENDING_COMPLAINT']);
  });

  it('grants an eligible Giấy khen without the council under the 2022 set, and records that it did', () => {
    const history = appraisedHistory(submitSudden);
    const [granted] = spec.given(history).when(recordGrant).events();
    expect(granted.data).toMatchObject({ awardId: 'a-dx-1', withoutCouncil: true });
    expect(spec.given(history).when(recordGrant).stateAfter()).toMatchObject({ status: DossierStatus.GRANTED });
  });

  it('refuses a council-less grant where the rule set leaves the award to the council', () => {
    const order = appraisedHistory(sudden({ award: AwardKind.LABOR_ORDER_THIRD_CLASS }));
    spec
      .given(order)
      .when(recordGrant)
      .thenThrows('COUNCIL_VOTE_REQUIRED', { award: AwardKind.LABOR_ORDER_THIRD_CLASS, ruleSetId: 'tdkt-2022' });
    const under2013 = appraisedHistory(
      sudden({ submittedOn: '2023-06-01', achievedOn: '2023-05-30', ruleSetId: 'tdkt-2013' }),
    );
    spec.given(under2013).when(recordGrant).thenThrows('COUNCIL_VOTE_REQUIRED', { ruleSetId: 'tdkt-2013' });
  });

  it('leaves a STANDARD eligible dossier to the council as before', () => {
    const standard = submittedFrom(sudden({ procedure: DossierProcedure.STANDARD, achievedOn: null }));
    const [appraised] = spec.given([standard]).when(appraise).events();
    spec.given([standard, appraised]).when(recordGrant).thenThrows('DOSSIER_NOT_APPROVED', { status: 'ELIGIBLE' });
  });
});

describe('the simplified procedure as data', () => {
  it('every rule set has one, of forms of commendation only, each with a source and a term', () => {
    for (const id of RULE_SET_IDS) {
      const rule = SIMPLIFIED_PROCEDURES[id];
      expect(rule.ruleSetId).toBe(id);
      expect(rule.awards.every((award) => awardCategory(award) === AwardCategory.COMMENDATION)).toBe(true);
      expect(rule.grantableWithoutCouncil.every((award) => rule.awards.includes(award))).toBe(true);
      expect(rule.source).not.toBe('');
      expect(rule.appraisal.days).toBeGreaterThan(0);
    }
  });

  it('an age limit, where a rule sets one, counts calendar days from the achievement', () => {
    const limited = { ...SIMPLIFIED_PROCEDURES['tdkt-2022'], achievementMaxAgeDays: 30 };
    expect(achievementTooOld(limited, '2024-10-21', '2024-11-20')).toBe(false);
    expect(achievementTooOld(limited, '2024-10-20', '2024-11-20')).toBe(true);
    expect(achievementTooOld(SIMPLIFIED_PROCEDURES['tdkt-2022'], '2020-01-01', '2024-11-20')).toBe(false);
  });
});
