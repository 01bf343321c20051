/**
 * Forwarding to a higher level (khen cao, chuyển hồ sơ lên cấp trên): a dossier the lower
 * level's council supported, for an award that level may not grant, goes to the standing
 * agency of a higher level, which receives, appraises and puts it to its own council.
 * The rule set stays the one chosen by the original submission date. Source: Law
 * 06/2022/QH15 Chapter IV (authority, procedure and dossiers): each level proposes to the
 * one above the awards it may not grant; the article fixing that line of proposal (tuyến
 * trình) was not verified against the law's text.
 */
import { AuthorityLevel, DossierStatus, addDays, authorityRank, type IsoDate, type IsoInstant } from '../shared/domain';
import { InvalidInput, RuleViolation } from '../shared/errors';
import { ruleSetById } from '../rules/ruleSets';
import { dateOfInstant, requireIsoInstant } from '../rules/values';
import { requireIsoDate, requireText } from '../shared/validation';
import type { DossierEvent, DossierForwarded, RouteStep } from './dossier.events';
import { contextOf, existing, type DossierState, type SubmittedDossier } from './dossier.state';

/** A unit as the handler found it, with its ancestors (nearest first) for placing it in the tree. */
export interface UnitInTree {
  id: string;
  name: string;
  level: AuthorityLevel;
  ancestors: ReadonlyArray<{ id: string; level: AuthorityLevel }>;
}

export interface ForwardDossier {
  type: 'ForwardDossier';
  data: {
    dossierId: string;
    /** Looked up by the handler: the council unit of the session that supported the dossier. */
    fromUnit: UnitInTree;
    /** Looked up by the handler: the higher level's standing agency. */
    toUnit: UnitInTree;
    forwardedOn: IsoDate;
    now: IsoInstant;
  };
}

/** The unit that handles the dossier now: the last level it was forwarded to, else its proposing unit. */
export function currentHandlingUnitId(dossier: Pick<SubmittedDossier, 'route' | 'proposingUnitId'>): string {
  return dossier.route.at(-1)?.toUnitId ?? dossier.proposingUnitId;
}

/** Only a dossier the lower council supported (APPROVED there) goes up. */
function requireSupported(dossier: SubmittedDossier): void {
  if (dossier.status !== DossierStatus.APPROVED || dossier.sessionId === null) {
    throw new RuleViolation(
      'DOSSIER_NOT_SUPPORTED',
      `dossier ${dossier.dossierId} is ${dossier.status}: only a dossier its council supported (APPROVED) is forwarded`,
      { status: dossier.status },
    );
  }
}

/** The award lies above the supporting level's authority under the dossier's own rule set. */
function requireAboveAuthority(dossier: SubmittedDossier, fromLevel: AuthorityLevel): void {
  const grantingLevels = ruleSetById(dossier.ruleSetId).grantingLevels[dossier.award];
  if (grantingLevels.includes(fromLevel)) {
    throw new RuleViolation(
      'WITHIN_LEVEL_AUTHORITY',
      `${dossier.award} is granted at ${fromLevel} level under ${dossier.ruleSetId}: the dossier is decided there, not forwarded`,
      { award: dossier.award, fromLevel, grantingLevels, ruleSetId: dossier.ruleSetId },
    );
  }
}

/**
 * The receiving unit lies above the supporting one: of a higher level, and its own People's
 * Committee (itself, or the ancestor of that level) is an ancestor of the supporting unit.
 */
function requireAbove(fromUnit: UnitInTree, toUnit: UnitInTree): void {
  const fromAncestors = new Set(fromUnit.ancestors.map((a) => a.id));
  const toAuthority = [{ id: toUnit.id, level: toUnit.level }, ...toUnit.ancestors].find(
    (unit) => unit.level === toUnit.level && fromAncestors.has(unit.id),
  );
  if (authorityRank(toUnit.level) <= authorityRank(fromUnit.level) || toAuthority === undefined) {
    throw new RuleViolation(
      'FORWARD_NOT_ABOVE',
      `unit ${toUnit.id} (${toUnit.level}) is not above unit ${fromUnit.id} (${fromUnit.level})`,
      { fromUnitId: fromUnit.id, fromLevel: fromUnit.level, toUnitId: toUnit.id, toLevel: toUnit.level },
    );
  }
}

function requireNotYetAtLevel(dossier: SubmittedDossier, toLevel: AuthorityLevel): void {
  const earlier = dossier.route.find((step) => step.toLevel === toLevel);
  if (earlier !== undefined) {
    throw new RuleViolation(
      'ALREADY_FORWARDED_TO_LEVEL',
      `dossier ${dossier.dossierId} was already forwarded to the ${toLevel} level (unit ${earlier.toUnitId}, on ${earlier.forwardedOn})`,
      { toLevel, stepNo: earlier.stepNo },
    );
  }
}

function requireForwardedOn(dossier: SubmittedDossier, forwardedOn: IsoDate, now: IsoInstant): void {
  if (forwardedOn < dossier.submittedOn) {
    throw new InvalidInput(
      `forwardedOn ${forwardedOn} is before the submission on ${dossier.submittedOn}`,
      'forwardedOn',
    );
  }
  // One day of slack, as for submissions: the agency's calendar (UTC+7) may be a day ahead of UTC.
  if (forwardedOn > addDays(dateOfInstant(now), 1)) {
    throw new InvalidInput(`forwardedOn ${forwardedOn} lies in the future`, 'forwardedOn');
  }
}

function requireUnit(unit: UnitInTree, field: string): void {
  requireText(unit.id, field);
  requireText(unit.name, `${field}.name`);
  if (authorityRank(unit.level) < 0) {
    throw new InvalidInput(`unknown authority level ${JSON.stringify(unit.level)}`, field);
  }
}

export function forward(data: ForwardDossier['data'], state: DossierState): DossierEvent[] {
  const { dossierId, fromUnit, toUnit, forwardedOn, now } = data;
  const dossier = existing(state, dossierId);
  requireIsoDate(forwardedOn, 'forwardedOn');
  requireIsoInstant(now, 'now');
  requireSupported(dossier);
  requireUnit(fromUnit, 'fromUnitId');
  requireUnit(toUnit, 'toUnitId');
  requireAboveAuthority(dossier, fromUnit.level);
  requireAbove(fromUnit, toUnit);
  requireNotYetAtLevel(dossier, toUnit.level);
  requireForwardedOn(dossier, forwardedOn, now);
  const step: RouteStep = {
    stepNo: dossier.route.length + 1,
    fromUnitId: fromUnit.id,
    fromUnitName: fromUnit.name,
    fromLevel: fromUnit.level,
    toUnitId: toUnit.id,
    toUnitName: toUnit.name,
    toLevel: toUnit.level,
    forwardedOn,
    supportedInSessionId: dossier.sessionId!,
  };
  return [
    {
      type: 'DossierForwarded',
      data: { ...contextOf(dossier), step, ruleSetId: dossier.ruleSetId, forwardedAt: now },
    },
  ];
}

/**
 * The dossier at the higher level: awaiting its reception (SUBMITTED), with no reception,
 * officer, findings or vote of that level yet. The rule set is kept.
 */
export function forwardedState(dossier: SubmittedDossier, event: DossierForwarded): SubmittedDossier {
  return {
    ...dossier,
    status: DossierStatus.SUBMITTED,
    receivedOn: null,
    handlingOfficerId: null,
    checks: [],
    sessionId: null,
    tally: null,
    route: [...dossier.route, event.data.step],
  };
}
