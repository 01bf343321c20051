import type { TokenSubject } from '../auth/tokens';
import type { DemoCall } from './demoClient';
import { DEMO_ACTORS, DEMO_COUNCIL, DEMO_PROVINCE_COUNCIL, unitOfPerson } from './demoData';

/** A council of the demo: its unit, the prefix of its sessions' ids, its members and its standing agency. */
export interface DemoCouncil {
  unitId: string;
  sessionPrefix: string;
  memberIds: readonly string[];
  secretariat: TokenSubject;
}

export const DISTRICT_COUNCIL: DemoCouncil = {
  unitId: 'huyen-bach-thong',
  sessionPrefix: 'phien-hop',
  memberIds: DEMO_COUNCIL,
  secretariat: DEMO_ACTORS.districtSecretariat,
};

export const PROVINCE_COUNCIL: DemoCouncil = {
  unitId: 'tinh-bac-kan',
  sessionPrefix: 'phien-hop-tinh',
  memberIds: DEMO_PROVINCE_COUNCIL,
  secretariat: DEMO_ACTORS.provinceSecretariat,
};

/** A dossier on a session's agenda, with whom its nominee is and where they work: who may not vote on it. */
export interface DemoAgendaItem {
  dossierId: string;
  nomineeId: string;
  nomineeUnitId: string;
}

/** Convenes the council's session number `sessionNo` of its year, votes every dossier, closes it. */
export async function holdCouncilSession(
  call: DemoCall,
  sessionNo: number,
  heldOn: string,
  agenda: DemoAgendaItem[],
  council: DemoCouncil = DISTRICT_COUNCIL,
): Promise<string> {
  const session = await call(
    'conveneCouncilSession',
    {
      input: {
        id: `${council.sessionPrefix}-${heldOn.slice(0, 4)}-${sessionNo}`,
        councilUnitId: council.unitId,
        heldOn,
        memberIds: council.memberIds,
        dossierIds: agenda.map((item) => item.dossierId),
      },
    },
    council.secretariat,
  );
  await castBallots(call, session.id, agenda, council.memberIds);
  await call('closeCouncilSession', { sessionId: session.id }, council.secretariat);
  return session.id;
}

/**
 * Every council member votes on every agenda item, except where the rules forbid it
 * (the nominee, or a member of the nominee's unit). Ballots are cast by the member
 * itself, so the actor is the member.
 */
async function castBallots(
  call: DemoCall,
  sessionId: string,
  agenda: DemoAgendaItem[],
  memberIds: readonly string[],
): Promise<void> {
  for (const item of agenda) {
    for (const [index, memberId] of memberIds.entries()) {
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
