import type { Pool } from 'pg';
import type { AccessCheckReads } from '../commands/accessCheckReads';
import { getSessionsWithDossierOnAgenda } from '../../projections/auditTrail/auditTrail.queries';
import { getHouseholdUnits, getPeopleUnits } from '../../projections/registry/registry.queries';
import { awardDecider } from '../awards/award.decider';
import { clusterDecider, type ClusterRecord } from '../clusters/cluster.decider';
import { councilSessionDecider, type ConvenedSession } from '../councilSessions/councilSession.decider';
import { dossierDecider, type SubmittedDossier } from '../dossiers/dossier.decider';
import { householdDecider } from '../households/household.decider';
import { personDecider } from '../people/person.decider';
import { planDecider, type PlanRecord } from '../plans/plan.decider';
import { proposalDecider, type ProposalMemo } from '../proposals/proposal.decider';
import type { Decider, DomainEvent } from '../shared/decider';
import { SubjectKind, subjectKey, type SubjectRef } from '../shared/domain';
import { unitDecider } from '../units/unit.decider';
import { UnitHierarchy } from './unitHierarchy';

/** Reads a stream's current state as commands read it (CommandHandler.currentState), keeping it in `reads` if given. */
export interface StreamStates {
  currentState<C, E extends DomainEvent, S>(
    decider: Decider<C, E, S>,
    id: string,
    reads?: AccessCheckReads,
  ): Promise<S>;
}

/**
 * What the access policy needs to know about the things a request names: which unit
 * each belongs to. Single things come from their streams, read the way the command that
 * follows reads them (the units they belong to never change once recorded); lists of
 * answers are placed from the registry read model in one query.
 */
export class ScopeFacts {
  readonly units: UnitHierarchy;

  constructor(
    private readonly streams: StreamStates,
    private readonly pool: Pool,
    units?: UnitHierarchy,
    private readonly reads?: AccessCheckReads,
  ) {
    this.units =
      units ??
      new UnitHierarchy(async (unitId) => {
        const unit = await streams.currentState(unitDecider, unitId);
        return unit.status === 'NONE' ? undefined : unit.parentUnitId;
      });
  }

  /** The same facts for one mutation's access check: the streams read are kept in `reads` for its command. */
  keepingReadsIn(reads: AccessCheckReads): ScopeFacts {
    return new ScopeFacts(this.streams, this.pool, this.units, reads);
  }

  private state<C, E extends DomainEvent, S>(decider: Decider<C, E, S>, id: string): Promise<S> {
    return this.streams.currentState(decider, id, this.reads);
  }

  async dossier(dossierId: string): Promise<SubmittedDossier | null> {
    const dossier = await this.state(dossierDecider, dossierId);
    return dossier.status === 'NONE' ? null : dossier;
  }

  /** The issuing unit and the subject's unit of an award; null when there is no such award. */
  async award(awardId: string): Promise<{ issuedByUnitId: string; subjectUnitId: string } | null> {
    const award = await this.state(awardDecider, awardId);
    return award.status === 'NONE'
      ? null
      : { issuedByUnitId: award.grant.issuedByUnitId, subjectUnitId: award.grant.subjectUnitId };
  }

  async session(sessionId: string): Promise<ConvenedSession | null> {
    const session = await this.state(councilSessionDecider, sessionId);
    return session.status === 'NONE' ? null : session;
  }

  /** A cluster's organizer and members, from its own stream (its formation; the year streams are not read). */
  async cluster(clusterId: string): Promise<ClusterRecord | null> {
    const cluster = await this.state(clusterDecider, clusterId);
    return cluster.status === 'NONE' ? null : cluster;
  }

  async proposal(proposalId: string): Promise<ProposalMemo | null> {
    const proposal = await this.state(proposalDecider, proposalId);
    return proposal.status === 'NONE' ? null : proposal;
  }

  async plan(planId: string): Promise<PlanRecord | null> {
    const plan = await this.state(planDecider, planId);
    return plan.status === 'NONE' ? null : plan;
  }

  /**
   * A person's unit, the unit itself for a collective, a household's commune or ward; null
   * when the subject is not registered.
   */
  async unitOf(subject: SubjectRef): Promise<string | null> {
    if (subject.kind === SubjectKind.COLLECTIVE) {
      return (await this.state(unitDecider, subject.id)).status === 'NONE' ? null : subject.id;
    }
    if (subject.kind === SubjectKind.HOUSEHOLD) {
      const household = await this.state(householdDecider, subject.id);
      return household.status === 'NONE' ? null : household.unitId;
    }
    const person = await this.state(personDecider, subject.id);
    return person.status === 'NONE' ? null : person.unitId;
  }

  /** The unit of each subject the registry knows (by subjectKey): one query for a page of answers. */
  async unitsOf(subjects: readonly SubjectRef[]): Promise<Map<string, string>> {
    const idsOf = (kind: SubjectKind) => [...new Set(subjects.filter((s) => s.kind === kind).map((s) => s.id))];
    const [personUnits, householdUnits] = await Promise.all([
      getPeopleUnits(this.pool, idsOf(SubjectKind.INDIVIDUAL)),
      getHouseholdUnits(this.pool, idsOf(SubjectKind.HOUSEHOLD)),
    ]);
    const units = new Map<string, string>();
    for (const subject of subjects) {
      const unitId =
        subject.kind === SubjectKind.COLLECTIVE
          ? subject.id
          : (subject.kind === SubjectKind.HOUSEHOLD ? householdUnits : personUnits).get(subject.id);
      if (unitId !== undefined) units.set(subjectKey(subject), unitId);
    }
    return units;
  }

  /** Whether the person sits on a council session that has the dossier on its agenda. */
  async onAgendaOfMember(dossierId: string, personId: string): Promise<boolean> {
    const sessionIds = await getSessionsWithDossierOnAgenda(this.pool, dossierId);
    const sessions = await Promise.all(sessionIds.map((id) => this.session(id)));
    return sessions.some(
      (s) =>
        s !== null && s.members.some((m) => m.personId === personId) && s.agenda.some((a) => a.dossierId === dossierId),
    );
  }
}
