import { collective, individual, receiveAndAssign, type DemoCall } from './demoClient';
import { DEMO_ACTORS, DEMO_PERIOD, DEMO_YEAR } from './demoData';
import { PROVINCE_COUNCIL, holdCouncilSession } from './demoCouncil';
import { forwardToProvinceAgency } from './demoForwarding';
import type { DemoRound } from './demoFirstRound';
import { publishSecondRoundNominees } from './demoPublication';

/** The round's two ids of one kind (dossiers, or awards): the fighter's and the flag's. */
type SecondRoundIds = Record<'fighter' | 'flag', string>;

/** The province's steps on the flag: forwarded, received, appraised and put to its council. */
export const FLAG_AT_PROVINCE = {
  forwardedOn: `${DEMO_YEAR}-12-23`,
  receivedOn: `${DEMO_YEAR}-12-26`,
  sessionHeldOn: `${DEMO_YEAR + 1}-01-06`,
} as const;

/**
 * Lan as grassroots emulation fighter (granted by the district) and Quân Hà commune for the
 * provincial emulation flag, published with a comment received, then both put to one
 * district council session. The flag goes up to the province (khen cao), whose council
 * supports it before the province grants it. Answers the district session, then the province's.
 */
export async function runSecondRound(call: DemoCall): Promise<DemoRound & { provinceSessionId: string }> {
  const dossiers = await submitSecondRoundDossiers(call);
  await publishSecondRoundNominees(call, [dossiers.fighter, dossiers.flag]);
  const flagItem = { dossierId: dossiers.flag, nomineeId: 'xa-quan-ha', nomineeUnitId: 'xa-quan-ha' };
  const sessionId = await holdCouncilSession(call, 2, `${DEMO_YEAR}-12-20`, [
    { dossierId: dossiers.fighter, nomineeId: 'p-dang-thi-lan', nomineeUnitId: 'thcs-phu-thong' },
    flagItem,
  ]);
  await forwardToProvinceAgency(call, dossiers.flag, FLAG_AT_PROVINCE.forwardedOn, FLAG_AT_PROVINCE.receivedOn);
  const provinceSessionId = await holdCouncilSession(
    call,
    1,
    FLAG_AT_PROVINCE.sessionHeldOn,
    [flagItem],
    PROVINCE_COUNCIL,
  );
  const awards = await grantSecondRoundAwards(call, dossiers);
  return { dossiers, awards, sessionId, provinceSessionId };
}

async function submitSecondRoundDossiers(call: DemoCall): Promise<SecondRoundIds> {
  const fighter = await call('submitDossier', {
    input: {
      id: 'hs-cstdcs-dang-thi-lan',
      proposingUnitId: 'thcs-phu-thong',
      nominee: individual('p-dang-thi-lan'),
      award: 'GRASSROOTS_EMULATION_FIGHTER',
      period: DEMO_PERIOD,
      achievements: 'Giáo viên dạy giỏi cấp huyện; tỷ lệ học sinh khá giỏi môn Toán đạt 78%.',
      submittedOn: `${DEMO_YEAR}-12-16`,
    },
  });
  const flag = await call('submitDossier', {
    input: {
      id: 'hs-co-thi-dua-xa-quan-ha',
      proposingUnitId: 'huyen-bach-thong',
      nominee: collective('xa-quan-ha'),
      award: 'PROVINCIAL_EMULATION_FLAG',
      period: DEMO_PERIOD,
      achievements: 'Dẫn đầu Khối thi đua các xã; hoàn thành xã nông thôn mới nâng cao.',
      submittedOn: `${DEMO_YEAR}-12-16`,
    },
  });
  await receiveAndAssign(call, [fighter.id, flag.id], `${DEMO_YEAR}-12-17`);
  await call('appraiseDossier', { dossierId: fighter.id, note: 'Đủ điều kiện theo Luật Thi đua, khen thưởng 2022' });
  await call('appraiseDossier', { dossierId: flag.id, note: null });
  return { fighter: fighter.id, flag: flag.id };
}

async function grantSecondRoundAwards(call: DemoCall, dossiers: SecondRoundIds): Promise<SecondRoundIds> {
  const fighter = await call('grantAward', {
    input: {
      id: 'kt-cstdcs-dang-thi-lan',
      dossierId: dossiers.fighter,
      decisionNumber: '131/QĐ-UBND',
      decidedOn: `${DEMO_YEAR}-12-24`,
      issuedByUnitId: 'huyen-bach-thong',
      signerName: 'Đinh Quang Hưng',
    },
  });
  const flag = await call(
    'grantAward',
    {
      input: {
        id: 'kt-co-thi-dua-xa-quan-ha',
        dossierId: dossiers.flag,
        decisionNumber: '2156/QĐ-UBND',
        decidedOn: `${DEMO_YEAR + 1}-01-08`,
        issuedByUnitId: 'tinh-bac-kan',
        signerName: 'Nguyễn Đăng Bình',
      },
    },
    DEMO_ACTORS.provinceSecretariat,
  );
  return { fighter: fighter.id, flag: flag.id };
}
