import { START } from '@eventstore/db-client';
import { exactTypesRegex, isSystemEvent, logFilter } from '../../../src/eventStore/eventStoreDb/filters';
import { laterPosition, portPosition, readPositionAfter } from '../../../src/eventStore/eventStoreDb/positions';

describe('EventStoreDB positions', () => {
  it('carries the commit position as a decimal string, beyond 2^53', () => {
    expect(portPosition({ commit: 18_014_398_509_481_985n })).toBe('18014398509481985');
  });

  it('resumes after a commit position with the prepare position equal to it, and from the start at 0', () => {
    expect(readPositionAfter('0')).toBe(START);
    expect(readPositionAfter('18014398509481985')).toEqual({
      commit: 18_014_398_509_481_985n,
      prepare: 18_014_398_509_481_985n,
    });
  });

  it('compares positions as numbers, not as text', () => {
    expect(laterPosition('900', '1000')).toBe('1000');
    expect(laterPosition('1000', '900')).toBe('1000');
  });
});

describe('EventStoreDB filters', () => {
  it('matches exactly the wanted event types', () => {
    const regex = new RegExp(exactTypesRegex(['DossierSubmitted', 'AwardGranted']));
    expect(regex.test('AwardGranted')).toBe(true);
    expect(regex.test('DossierSubmitted')).toBe(true);
    expect(regex.test('AwardGrantedLater')).toBe(false);
    expect(regex.test('XAwardGranted')).toBe(false);
    expect(regex.test('$metadata')).toBe(false);
  });

  it('escapes what a regex would read as syntax', () => {
    const regex = new RegExp(exactTypesRegex(['a.b', 'c|d']));
    expect(regex.test('a.b')).toBe(true);
    expect(regex.test('axb')).toBe(false);
    expect(regex.test('c')).toBe(false);
    expect(regex.test('c|d')).toBe(true);
  });

  it('matches nothing for an empty list of types', () => {
    expect(new RegExp(exactTypesRegex([])).test('')).toBe(false);
    expect(new RegExp(exactTypesRegex([])).test('Anything')).toBe(false);
  });

  it('filters on event types with checkpoints, or excludes system events when no types are named', () => {
    const onCheckpoint = () => undefined;
    const typed = logFilter(['A'], onCheckpoint);
    expect(typed).toMatchObject({ filterOn: 'eventType', regex: '^(?:A)$', checkpointInterval: 1 });
    expect(typed.checkpointReached).toBe(onCheckpoint);
    const all = logFilter(undefined, onCheckpoint);
    expect(all).toMatchObject({ filterOn: 'eventType', regex: '^[^$].*' });
  });

  it('knows system streams and event types', () => {
    expect(isSystemEvent({ streamId: '$et-A', type: '$>' })).toBe(true);
    expect(isSystemEvent({ streamId: '$$dossier-1', type: '$metadata' })).toBe(true);
    expect(isSystemEvent({ streamId: 'dossier-1', type: 'DossierSubmitted' })).toBe(false);
  });
});
