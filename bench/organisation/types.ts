/** The shapes of a generated province: units, people, clusters, councils and who acts for them. */
import type { Role } from '../../src/identity';
import type { AuthorityLevel, ClusterKind, UnitKind } from '../../src/shared/domain';

export type UnitRole = 'province' | 'department' | 'deptSub' | 'district' | 'office' | 'commune' | 'school' | 'village';

export interface UnitInfo {
  id: string;
  name: string;
  kind: UnitKind;
  level: AuthorityLevel;
  parentId: string | null;
  sector: string | null;
  small: boolean;
  role: UnitRole;
  /** Index of the district whose subtree holds the unit; null for province-level units. */
  district: number | null;
  remote: boolean;
  people: string[];
}

export interface PersonInfo {
  id: string;
  fullName: string;
  unitId: string;
  position: string | null;
  directWorker: boolean;
  female: boolean;
}

export interface ClusterInfo {
  id: string;
  name: string;
  kind: ClusterKind;
  organizerUnitId: string;
  memberIds: string[];
  /** How strong each member is (0–1): drives scores, so rankings are stable but not fixed. */
  strength: Map<string, number>;
}

export interface Actor {
  actorId: string;
  role: Role;
  unitId: string | null;
}

export interface CouncilInfo {
  code: string;
  /** The People's Committee the council belongs to (councilUnitId, and the issuer of its decisions). */
  unitId: string;
  memberIds: string[];
  secretariat: Actor;
  /** The chairman, who signs the decisions. */
  signerName: string;
  district: number | null;
}

export interface DistrictInfo {
  index: number;
  name: string;
  remote: boolean;
  unitId: string;
  homeAffairsId: string;
  educationId: string;
  officeIds: string[];
  communeIds: string[];
  schoolIds: string[];
  villageIds: string[];
  council: CouncilInfo;
}

export interface Province {
  prefix: string;
  scale: number;
  units: UnitInfo[];
  unitById: Map<string, UnitInfo>;
  people: PersonInfo[];
  personById: Map<string, PersonInfo>;
  provinceUnitId: string;
  homeAffairsId: string;
  departmentIds: string[];
  deptSubIds: string[];
  districts: DistrictInfo[];
  clusters: ClusterInfo[];
  provinceCouncil: CouncilInfo;
  /** Units in the clusters, with their cluster. */
  clusterOfUnit: Map<string, ClusterInfo>;
}
