import type { AwardState } from '../awards/award.decider';
import { awardDecider } from '../awards/award.decider';
import type { CommandContext, CommandResult } from '../commands/commandHandler';
import type { CommandTransaction, Existing } from '../commands/commandTransaction';
import type { Services } from '../services';
import { unitDecider } from '../units/unit.decider';
import {
  certificateRegisterDecider,
  certificateRegisterId,
  decisionYear,
  type CertificateAwardFacts,
} from './certificate.decider';
import type { PrintCertificateArgs } from './certificate.inputs';

/**
 * Prints the award's certificate in the register of its issuing unit and decision year:
 * the award and the issuing unit's name come from their streams, read in the command.
 */
export function printCertificate(
  services: Services,
  context: CommandContext,
  args: PrintCertificateArgs,
): Promise<CommandResult> {
  return services.commands.execute(
    context,
    'printCertificate',
    args,
    async (tx) => {
      const award = await awardFacts(tx, args.awardId);
      const register = await tx.load(
        certificateRegisterDecider,
        certificateRegisterId(award.issuingUnitId, decisionYear(award)),
      );
      tx.decide(certificateRegisterDecider, register, { type: 'PrintCertificate', data: { award, now: tx.nowIso } });
    },
    { retryOnConflict: true },
  );
}

async function awardFacts(tx: CommandTransaction, awardId: string): Promise<CertificateAwardFacts> {
  const award: Existing<AwardState> = (await tx.loadExisting(awardDecider, awardId, 'Award')).state;
  const { grant } = award;
  const issuer = await tx.load(unitDecider, grant.issuedByUnitId);
  return {
    awardId,
    award: grant.award,
    revoked: award.status === 'REVOKED',
    subject: grant.subject,
    period: grant.period,
    issuingUnitId: grant.issuedByUnitId,
    issuingUnitName: issuer.state.status === 'NONE' ? grant.issuedByUnitId : issuer.state.name,
    decisionNumber: grant.decisionNumber,
    decidedOn: grant.decidedOn,
    signerName: grant.signerName,
  };
}
