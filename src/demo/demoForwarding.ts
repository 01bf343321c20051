import { collective, receiveAndAssign, type DemoCall } from './demoClient';
import { holdCouncilSession } from './demoCouncil';
import { DEMO_ACTORS, DEMO_PERIOD, DEMO_YEAR } from './demoData';

export const FORWARDED_DOSSIER = {
  id: 'hs-bang-khen-xa-cam-giang',
  forwardedOn: `${DEMO_YEAR}-12-23`,
  receivedAtProvinceOn: `${DEMO_YEAR}-12-26`,
} as const;

/**
 * Cẩm Giàng commune, second in the communes' bloc, proposed for the province chairman's
 * Bằng khen: the district council supports it in its third session, and the district's
 * standing agency forwards it to the province (khen cao), where Sở Nội vụ receives and
 * appraises it. It then awaits the province council.
 */
export async function forwardToProvince(call: DemoCall): Promise<{ dossierId: string; sessionId: string }> {
  const dossier = await call('submitDossier', {
    input: {
      id: FORWARDED_DOSSIER.id,
      proposingUnitId: 'huyen-bach-thong',
      nominee: collective('xa-cam-giang'),
      award: 'PROVINCIAL_CERTIFICATE_OF_MERIT',
      period: DEMO_PERIOD,
      achievements: 'Xếp thứ hai Khối thi đua các xã; hoàn thành vượt mức các chỉ tiêu kinh tế - xã hội.',
      submittedOn: `${DEMO_YEAR}-12-16`,
    },
  });
  await receiveAndAssign(call, [dossier.id], `${DEMO_YEAR}-12-17`);
  await call('appraiseDossier', { dossierId: dossier.id, note: null });
  const sessionId = await holdCouncilSession(call, 3, `${DEMO_YEAR}-12-21`, [
    { dossierId: dossier.id, nomineeId: 'xa-cam-giang', nomineeUnitId: 'xa-cam-giang' },
  ]);
  await forwardToProvinceAgency(
    call,
    dossier.id,
    FORWARDED_DOSSIER.forwardedOn,
    FORWARDED_DOSSIER.receivedAtProvinceOn,
  );
  return { dossierId: dossier.id, sessionId };
}

/** The district forwards a supported dossier to the province, whose Sở Nội vụ receives and appraises it. */
export async function forwardToProvinceAgency(
  call: DemoCall,
  dossierId: string,
  forwardedOn: string,
  receivedOn: string,
): Promise<void> {
  await call('forwardDossier', { dossierId, toUnitId: 'tinh-bac-kan', forwardedOn });
  const province = DEMO_ACTORS.provinceSecretariat;
  await call('receiveDossier', { dossierId, receivedOn }, province);
  await call('appraiseDossier', { dossierId, note: 'Đủ điều kiện trình Hội đồng tỉnh' }, province);
}
