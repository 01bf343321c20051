import { randomUUID } from 'node:crypto';
import type { EventMetadataInput, NewEvent } from '../../src/eventStore/eventStore.port';

export function testMetadata(overrides: Partial<EventMetadataInput> = {}): EventMetadataInput {
  return {
    actorId: 'tester',
    role: 'ADMIN',
    unitId: null,
    commandId: randomUUID(),
    correlationId: randomUUID(),
    causationId: null,
    recordedAt: new Date().toISOString(),
    ruleSetId: null,
    ...overrides,
  };
}

export function testEvent(type: string, data: Record<string, unknown> = {}): NewEvent {
  return { type, data, metadata: testMetadata() };
}

export function uniqueStream(category = 'test'): string {
  return `${category}-${randomUUID()}`;
}
