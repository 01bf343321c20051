import { dossierDecider, type ForwardDossier } from '../../src/dossiers/dossier.decider';
import type {
  DossierAppraised,
  DossierContext,
  DossierForwarded,
  DossierReceived,
  DossierResolved,
  DossierSubmitted,
} from '../../src/dossiers/dossier.events';
import type { UnitInTree } from '../../src/dossiers/dossierForwarding';
import { AuthorityLevel, AwardKind, DossierStatus, PeriodKind, SubjectKind } from '../../src/shared/domain';
import { InvalidInput } from '../../src/shared/errors';
import { deciderSpec, frozenDecider } from '../support/deciderSpec';

const spec = deciderSpec(frozenDecider(dossierDecider));
const NOW = '2025-11-20T03:00:00.000Z';

const context: DossierContext = {
  dossierId: 'd-1',
  proposingUnitId: 'huyen',
  nominee: { kind: SubjectKind.COLLECTIVE, id: 'truong', name: 'Trường THCS Lê Lợi' },
  nomineeUnitId: 'truong',
  award: AwardKind.PROVINCIAL_CERTIFICATE_OF_MERIT,
  period: { kind: PeriodKind.CALENDAR_YEAR, year: 2024 },
};
const submitted = (award = context.award): DossierSubmitted => ({
  type: 'DossierSubmitted',
  data: {
    ...context,
    award,
    proposingUnitName: 'UBND huyện Duy Xuyên',
    movementId: null,
    movementThematic: false,
    achievements: 'Dẫn đầu phong trào thi đua của huyện.',
    submittedOn: '2024-12-02',
    submittedAt: '2024-12-02T02:00:00.000Z',
    ruleSetId: 'tdkt-2022',
  },
});
const received: DossierReceived = {
  type: 'DossierReceived',
  data: {
    ...context,
    receivedOn: '2024-12-03',
    receivingUnitId: 'huyen',
    receivingUnitName: 'UBND huyện Duy Xuyên',
    handlingLevel: AuthorityLevel.DISTRICT,
    ruleSetId: 'tdkt-2022',
    receivedAt: NOW,
  },
};
const eligible: DossierAppraised = {
  type: 'DossierAppraised',
  data: { ...context, eligible: true, ruleSetId: 'tdkt-2022', checks: [], note: null, appraisedAt: NOW },
};
const tally = { approve: 7, reject: 2, abstain: 0, members: 9, thresholdShare: 0.5, thresholdInclusive: false };
const resolved = (approved: boolean): DossierResolved => ({
  type: 'DossierResolved',
  data: { ...context, sessionId: 's-huyen', approved, tally: { ...tally, approved }, resolvedAt: NOW },
});
const supported = [submitted(), received, eligible, resolved(true)];

const province: UnitInTree = { id: 'tinh', name: 'UBND tỉnh Quảng Nam', level: AuthorityLevel.PROVINCE, ancestors: [] };
const homeAffairs: UnitInTree = {
  id: 'so-noi-vu',
  name: 'Sở Nội vụ tỉnh Quảng Nam',
  level: AuthorityLevel.PROVINCE,
  ancestors: [{ id: 'tinh', level: AuthorityLevel.PROVINCE }],
};
const district: UnitInTree = {
  id: 'huyen',
  name: 'UBND huyện Duy Xuyên',
  level: AuthorityLevel.DISTRICT,
  ancestors: [{ id: 'tinh', level: AuthorityLevel.PROVINCE }],
};
const otherDistrict: UnitInTree = { ...district, id: 'huyen-khac', name: 'UBND huyện Đại Lộc' };
const school: UnitInTree = {
  id: 'truong',
  name: 'Trường THCS Lê Lợi',
  level: AuthorityLevel.UNIT,
  ancestors: [
    { id: 'huyen', level: AuthorityLevel.DISTRICT },
    { id: 'tinh', level: AuthorityLevel.PROVINCE },
  ],
};

const forwardTo = (toUnit: UnitInTree, forwardedOn = '2025-11-19', fromUnit = district): ForwardDossier => ({
  type: 'ForwardDossier',
  data: { dossierId: 'd-1', fromUnit, toUnit, forwardedOn, now: NOW },
});
const forwarded: DossierForwarded = {
  type: 'DossierForwarded',
  data: {
    ...context,
    step: {
      stepNo: 1,
      fromUnitId: 'huyen',
      fromUnitName: 'UBND huyện Duy Xuyên',
      fromLevel: AuthorityLevel.DISTRICT,
      toUnitId: 'so-noi-vu',
      toUnitName: 'Sở Nội vụ tỉnh Quảng Nam',
      toLevel: AuthorityLevel.PROVINCE,
      forwardedOn: '2025-11-19',
      supportedInSessionId: 's-huyen',
    },
    ruleSetId: 'tdkt-2022',
    forwardedAt: NOW,
  },
};

describe('forwarding a dossier to a higher level (khen cao)', () => {
  it("records the route step from the supporting council's level to the higher standing agency", () => {
    spec.given(supported).when(forwardTo(homeAffairs)).then([forwarded]);
  });

  it('leaves the dossier awaiting reception at the higher level, under the rule set of its submission', () => {
    const state = spec.given(supported).when(forwardTo(homeAffairs)).stateAfter();
    expect(state).toMatchObject({
      status: DossierStatus.SUBMITTED,
      receivedOn: null,
      handlingOfficerId: null,
      sessionId: null,
      tally: null,
      checks: [],
      ruleSetId: 'tdkt-2022',
      route: [forwarded.data.step],
    });
  });

  it("forwards to the province's People's Committee itself as well", () => {
    const [event] = spec.given(supported).when(forwardTo(province)).events();
    expect((event as DossierForwarded).data.step).toMatchObject({ toUnitId: 'tinh', toLevel: 'PROVINCE' });
  });

  it.each([
    ['submitted', [submitted()]],
    ['eligible', [submitted(), received, eligible]],
    ['rejected', [submitted(), received, eligible, resolved(false)]],
    ['forwarded and not yet supported there', [...supported, forwarded]],
  ])('refuses a dossier its council has not supported (%s)', (_, history) => {
    spec.given(history).when(forwardTo(homeAffairs)).thenThrows('DOSSIER_NOT_SUPPORTED');
  });

  it("refuses an award the supporting level grants itself (under the dossier's rule set)", () => {
    spec
      .given([submitted(AwardKind.CERTIFICATE_OF_MERIT), received, eligible, resolved(true)])
      .when(forwardTo(homeAffairs))
      .thenThrows('WITHIN_LEVEL_AUTHORITY', { fromLevel: 'DISTRICT', ruleSetId: 'tdkt-2022' });
  });

  it.each([
    ['a unit below it', school],
    ['a unit of the same level', otherDistrict],
    ['the supporting unit itself', district],
  ])('refuses a unit that is not above the supporting level: %s', (_, toUnit) => {
    spec.given(supported).when(forwardTo(toUnit)).thenThrows('FORWARD_NOT_ABOVE', { toUnitId: toUnit.id });
  });

  it('refuses a higher unit of another branch of the tree', () => {
    const elsewhere: UnitInTree = {
      ...homeAffairs,
      id: 'so-noi-vu-khac',
      ancestors: [{ id: 'tinh-khac', level: AuthorityLevel.PROVINCE }],
    };
    spec.given(supported).when(forwardTo(elsewhere)).thenThrows('FORWARD_NOT_ABOVE');
  });

  it('refuses forwarding twice to the same level, and forwarding what the higher level grants itself', () => {
    const supportedAgain = [
      ...supported,
      forwarded,
      { ...received, data: { ...received.data, receivingUnitId: 'so-noi-vu', handlingLevel: AuthorityLevel.PROVINCE } },
      eligible,
      { ...resolved(true), data: { ...resolved(true).data, sessionId: 's-tinh' } },
    ];
    spec
      .given(supportedAgain)
      .when(forwardTo(province, '2025-11-20', homeAffairs))
      .thenThrows('WITHIN_LEVEL_AUTHORITY', { fromLevel: 'PROVINCE' });
    spec
      .given(supportedAgain)
      .when(forwardTo(homeAffairs, '2025-11-20', district))
      .thenThrows('ALREADY_FORWARDED_TO_LEVEL', { toLevel: 'PROVINCE', stepNo: 1 });
  });

  it('refuses a forwarding date before the submission or in the future', () => {
    spec.given(supported).when(forwardTo(homeAffairs, '2024-12-01')).thenThrows(InvalidInput, { field: 'forwardedOn' });
    spec.given(supported).when(forwardTo(homeAffairs, '2025-11-25')).thenThrows(InvalidInput, { field: 'forwardedOn' });
  });

  it('lets the higher level receive it again, at its own level', () => {
    const atProvince = {
      ...received.data,
      receivedOn: '2025-11-20',
      receivingUnitId: 'so-noi-vu',
      receivingUnitName: 'Sở Nội vụ tỉnh Quảng Nam',
    };
    spec
      .given([...supported, forwarded])
      .when({
        type: 'ReceiveDossier',
        data: {
          dossierId: 'd-1',
          receivedOn: '2025-11-20',
          receivingUnit: { id: 'so-noi-vu', name: 'Sở Nội vụ tỉnh Quảng Nam', level: AuthorityLevel.PROVINCE },
          now: NOW,
        },
      })
      .then([{ type: 'DossierReceived', data: { ...atProvince, handlingLevel: AuthorityLevel.PROVINCE } }]);
  });
});
