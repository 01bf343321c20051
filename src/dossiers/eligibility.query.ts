import { storeLoader } from '../commands/stateLoader';
import { lookUpSubject } from '../people/subject.lookup';
import { appraise } from '../rules/eligibility';
import { ruleSetFor } from '../rules/ruleSets';
import type { Services } from '../services';
import type { EligibilityArgs } from './dossier.inputs';
import { assembleEligibilityFacts } from './eligibilityFacts';
import type { EligibilityReportType } from './eligibility.types';

/** The engine's answer for a subject, award and period under the rule set in force today; appends nothing. */
export async function checkEligibility(services: Services, args: EligibilityArgs): Promise<EligibilityReportType> {
  const today = services.now().toISOString().slice(0, 10);
  const ruleSet = ruleSetFor(today);
  const load = storeLoader(services.store);
  const subject = await lookUpSubject(load, args.subject);
  const period = { kind: args.period.kind, year: args.period.year };
  const facts = await assembleEligibilityFacts(services, load, {
    subject: args.subject,
    subjectUnitId: subject.unitId,
    award: args.award,
    period,
  });
  const report = appraise({
    subject: { kind: subject.kind, id: subject.id },
    award: args.award,
    period,
    ruleSet,
    submittedOn: today,
    facts,
  });
  return { eligible: report.eligible, ruleSet: report.ruleSetId, checks: report.checks };
}
