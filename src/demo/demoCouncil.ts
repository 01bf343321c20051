import type { DemoCall } from './demoClient';
import { DEMO_COUNCIL, DEMO_YEAR, unitOfPerson } from './demoData';

/** A dossier on a session's agenda, with whom its nominee is and where they work: who may not vote on it. */
export interface DemoAgendaItem {
  dossierId: string;
  nomineeId: string;
  nomineeUnitId: string;
}

/** Convenes the district council's session number `sessionNo` of the year, votes every dossier, closes it. */
export async function holdCouncilSession(
  call: DemoCall,
  sessionNo: number,
  heldOn: string,
  agenda: DemoAgendaItem[],
): Promise<string> {
  const session = await call('conveneCouncilSession', {
    input: {
      id: `phien-hop-${DEMO_YEAR}-${sessionNo}`,
      councilUnitId: 'huyen-bach-thong',
      heldOn,
      memberIds: DEMO_COUNCIL,
      dossierIds: agenda.map((item) => item.dossierId),
    },
  });
  await castBallots(call, session.id, agenda);
  await call('closeCouncilSession', { sessionId: session.id });
  return session.id;
}

/**
 * Every council member votes on every agenda item, except where the rules forbid it
 * (the nominee, or a member of the nominee's unit). Ballots are cast by the member
 * itself, so the actor is the member.
 */
async function castBallots(call: DemoCall, sessionId: string, agenda: DemoAgendaItem[]): Promise<void> {
  for (const item of agenda) {
    for (const [index, memberId] of DEMO_COUNCIL.entries()) {
      if (memberId === item.nomineeId || unitOfPerson(memberId) === item.nomineeUnitId) continue;
      const choice = index === 4 ? 'ABSTAIN' : 'APPROVE';
      await call(
        'castBallot',
        { input: { sessionId, dossierId: item.dossierId, memberId, choice } },
        { sub: memberId, role: 'COUNCIL_MEMBER' },
      );
    }
  }
}
