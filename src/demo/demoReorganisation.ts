import { receiveAndAssign, type DemoCall } from './demoClient';
import { CLUSTER_ID, CLUSTER_SCORES, DEMO_ACTORS, DEMO_PERIOD, DEMO_YEAR, unitOfficer } from './demoData';

/** The household of the demo: it gave land for the new village road (nông thôn mới). */
export const DEMO_HOUSEHOLD = {
  id: 'ho-hoang-van-sinh',
  headName: 'Hoàng Văn Sinh',
  dossierId: 'hs-ho-hoang-van-sinh',
};

/** Each commune of the bloc signs the year's emulation covenant, through its own officer. */
export async function signCommunesCovenant(call: DemoCall): Promise<void> {
  for (const unitId of Object.keys(CLUSTER_SCORES)) {
    await call(
      'signClusterCovenant',
      { input: { clusterId: CLUSTER_ID, year: DEMO_YEAR, unitId, signedOn: `${DEMO_YEAR}-02-10` } },
      unitOfficer(unitId),
    );
  }
}

/**
 * Two villages of Cẩm Giàng merge and the surviving one takes the joint name; a household
 * of the merged village is proposed for the commune chairman's Giấy khen and found eligible; an officer moves
 * from Cẩm Giàng to Quân Hà.
 */
export async function reorganiseAndProposeHousehold(call: DemoCall): Promise<string> {
  for (const [id, name] of [
    ['thon-na-pai', 'Thôn Nà Pài'],
    ['thon-ban-cau', 'Thôn Bản Cầu'],
  ]) {
    await call(
      'registerUnit',
      { input: { id, name, kind: 'VILLAGE', level: 'UNIT', parentUnitId: 'xa-cam-giang' } },
      DEMO_ACTORS.admin,
    );
  }
  await call('registerHousehold', {
    input: {
      id: DEMO_HOUSEHOLD.id,
      headName: DEMO_HOUSEHOLD.headName,
      address: 'Thôn Bản Cầu',
      unitId: 'thon-ban-cau',
    },
  });
  await call('mergeUnit', {
    input: {
      unitId: 'thon-ban-cau',
      intoUnitId: 'thon-na-pai',
      effectiveOn: `${DEMO_YEAR}-07-01`,
      reason: 'Sáp nhập thôn',
    },
  });
  await call('renameUnit', {
    input: { unitId: 'thon-na-pai', name: 'Thôn Nà Pài – Bản Cầu', effectiveOn: `${DEMO_YEAR}-07-01` },
  });
  await call('registerPerson', {
    input: { id: 'p-ly-thi-mai', fullName: 'Lý Thị Mai', unitId: 'xa-cam-giang', directWorker: false, female: true },
  });
  await call('transferPerson', {
    input: {
      personId: 'p-ly-thi-mai',
      toUnitId: 'xa-quan-ha',
      position: 'Công chức Văn phòng',
      effectiveOn: `${DEMO_YEAR}-08-01`,
    },
  });
  const dossier = await call('submitDossier', {
    input: {
      id: DEMO_HOUSEHOLD.dossierId,
      proposingUnitId: 'xa-cam-giang',
      nominee: { kind: 'HOUSEHOLD', id: DEMO_HOUSEHOLD.id },
      award: 'CERTIFICATE_OF_MERIT',
      period: DEMO_PERIOD,
      achievements: 'Hiến 250 m² đất và ngày công làm đường bê tông liên thôn Nà Pài – Bản Cầu.',
      submittedOn: `${DEMO_YEAR}-11-05`,
    },
  });
  await receiveAndAssign(call, [dossier.id], `${DEMO_YEAR}-11-06`);
  await call('appraiseDossier', {
    dossierId: dossier.id,
    note: 'Đủ điều kiện đề nghị Chủ tịch UBND xã tặng Giấy khen.',
  });
  return dossier.id;
}
