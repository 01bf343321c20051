import { clusterDecider, type FormCluster } from '../../src/clusters/cluster.decider';
import type { ClusterFormed, ClusterMember } from '../../src/clusters/cluster.events';
import { clusterFactsOf } from '../../src/clusters/cluster.state';
import { fold } from '../../src/shared/decider';
import { ClusterKind } from '../../src/shared/domain';
import { InvalidInput, NotFound } from '../../src/shared/errors';
import { deciderSpec, frozenDecider } from '../support/deciderSpec';

const spec = deciderSpec(frozenDecider(clusterDecider));

function membersOf(n: number): ClusterMember[] {
  return Array.from({ length: n }, (_, i) => ({ unitId: `u-${i + 1}`, unitName: `Phòng ${i + 1}` }));
}

const MEMBERS: ClusterMember[] = [
  { unitId: 'u-tc', unitName: 'Phòng Tài chính' },
  { unitId: 'u-nv', unitName: 'Phòng Nội vụ' },
  { unitId: 'u-gd', unitName: 'Phòng Giáo dục' },
  { unitId: 'u-yt', unitName: 'Phòng Y tế' },
];

function form(overrides: Partial<FormCluster['data']> = {}): FormCluster {
  return {
    type: 'FormCluster',
    data: {
      clusterId: 'c-1',
      name: 'Khối các phòng chuyên môn',
      kind: ClusterKind.BLOC,
      organizerUnitId: 'u-district',
      members: MEMBERS,
      unknownUnitIds: [],
      ...overrides,
    },
  };
}

const formed: ClusterFormed = {
  type: 'ClusterFormed',
  data: {
    clusterId: 'c-1',
    name: 'Khối các phòng chuyên môn',
    kind: ClusterKind.BLOC,
    organizerUnitId: 'u-district',
    members: MEMBERS,
  },
};

describe('cluster decider', () => {
  it('has the stream type cluster', () => {
    expect(clusterDecider.streamType).toBe('cluster');
  });

  describe('FormCluster', () => {
    it('given nothing, when formed with 4 members, then ClusterFormed with their names', () => {
      spec.given([]).when(form()).then([formed]);
    });

    it('gives the year commands their facts: name and members once formed, none before', () => {
      expect(clusterFactsOf(fold(clusterDecider, [formed]))).toEqual({
        clusterId: 'c-1',
        name: 'Khối các phòng chuyên môn',
        members: MEMBERS,
      });
      expect(clusterFactsOf(fold(clusterDecider, []))).toBeNull();
    });

    it('refuses 3 members (CLUSTER_SIZE)', () => {
      spec
        .given([])
        .when(form({ members: membersOf(3) }))
        .thenThrows('CLUSTER_SIZE', { members: 3, min: 4, max: 15 });
    });

    it('accepts 15 members', () => {
      const [event] = spec
        .given([])
        .when(form({ members: membersOf(15) }))
        .events();
      expect((event as ClusterFormed).data.members).toHaveLength(15);
    });

    it('refuses 16 members (CLUSTER_SIZE)', () => {
      spec
        .given([])
        .when(form({ members: membersOf(16) }))
        .thenThrows('CLUSTER_SIZE', { members: 16 });
    });

    it('refuses a member listed twice (so 4 entries with a duplicate are not 4 distinct units)', () => {
      const members = [...membersOf(3), { unitId: 'u-1', unitName: 'Phòng 1' }];
      spec.given([]).when(form({ members })).thenThrows(InvalidInput, { field: 'memberUnitIds' });
    });

    it('refuses unknown units with NotFound', () => {
      spec
        .given([])
        .when(form({ unknownUnitIds: ['u-ghost'] }))
        .thenThrows(NotFound, { entity: 'Unit', id: 'u-ghost' });
    });

    it('given the cluster exists, when formed again, then ALREADY_EXISTS', () => {
      spec.given([formed]).when(form()).thenThrows('ALREADY_EXISTS');
    });

    it('refuses a blank name', () => {
      spec
        .given([])
        .when(form({ name: ' ' }))
        .thenThrows(InvalidInput, { field: 'name' });
    });
  });
});
