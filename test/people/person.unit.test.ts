import { personDecider, type RegisterPerson, type TransferPerson } from '../../src/people/person.decider';
import type { PersonRegistered, PersonTransferred } from '../../src/people/person.events';
import { fold } from '../../src/shared/decider';
import { InvalidInput, NotFound } from '../../src/shared/errors';
import { deciderSpec, frozenDecider } from '../support/deciderSpec';

const spec = deciderSpec(frozenDecider(personDecider));

function register(overrides: Partial<RegisterPerson['data']> = {}): RegisterPerson {
  return {
    type: 'RegisterPerson',
    data: {
      personId: 'p-1',
      fullName: 'Nguyễn Thị Hồng Nhung',
      unitId: 'u-1',
      unitExists: true,
      unitName: 'Trường Tiểu học Đinh Tiên Hoàng',
      position: 'Giáo viên',
      directWorker: false,
      female: true,
      ...overrides,
    },
  };
}

const registered: PersonRegistered = {
  type: 'PersonRegistered',
  data: {
    personId: 'p-1',
    fullName: 'Nguyễn Thị Hồng Nhung',
    unitId: 'u-1',
    unitName: 'Trường Tiểu học Đinh Tiên Hoàng',
    position: 'Giáo viên',
    directWorker: false,
    female: true,
  },
};

function transfer(overrides: Partial<TransferPerson['data']> = {}): TransferPerson {
  return {
    type: 'TransferPerson',
    data: {
      personId: 'p-1',
      toUnitId: 'u-2',
      toUnitExists: true,
      toUnitName: 'Trường THCS Trần Phú',
      toUnitMerged: false,
      position: 'Phó hiệu trưởng',
      effectiveOn: '2024-08-15',
      ...overrides,
    },
  };
}

const transferred: PersonTransferred = {
  type: 'PersonTransferred',
  data: {
    personId: 'p-1',
    fullName: 'Nguyễn Thị Hồng Nhung',
    fromUnitId: 'u-1',
    fromUnitName: 'Trường Tiểu học Đinh Tiên Hoàng',
    toUnitId: 'u-2',
    toUnitName: 'Trường THCS Trần Phú',
    position: 'Phó hiệu trưởng',
    effectiveOn: '2024-08-15',
  },
};

describe('person decider', () => {
  it('has the stream type person', () => {
    expect(personDecider.streamType).toBe('person');
  });

  describe('RegisterPerson', () => {
    it('given nothing, when registered in an existing unit, then PersonRegistered with the unit name', () => {
      spec.given([]).when(register()).then([registered]);
    });

    it('records a direct worker without a position (position null)', () => {
      spec
        .given([])
        .when(register({ position: null, directWorker: true, female: false, fullName: 'Võ Văn Đức' }))
        .then([
          {
            type: 'PersonRegistered',
            data: { ...registered.data, fullName: 'Võ Văn Đức', position: null, directWorker: true, female: false },
          },
        ]);
    });

    it('given the person exists, when registered again, then ALREADY_EXISTS', () => {
      spec.given([registered]).when(register()).thenThrows('ALREADY_EXISTS');
    });

    it('given nothing, when the unit does not exist, then NotFound', () => {
      spec
        .given([])
        .when(register({ unitExists: false }))
        .thenThrows(NotFound, { entity: 'Unit', id: 'u-1' });
    });

    it('refuses a blank name', () => {
      spec
        .given([])
        .when(register({ fullName: '' }))
        .thenThrows(InvalidInput, { field: 'fullName' });
    });
  });

  describe('TransferPerson', () => {
    it('given a person, when transferred, then PersonTransferred naming both units, and the state follows', () => {
      spec.given([registered]).when(transfer()).then([transferred]);
      expect(fold(personDecider, [registered, transferred])).toMatchObject({
        unitId: 'u-2',
        unitName: 'Trường THCS Trần Phú',
        position: 'Phó hiệu trưởng',
      });
    });

    it('given nothing, when transferred, then NotFound for the person', () => {
      spec.given([]).when(transfer()).thenThrows(NotFound, { entity: 'Person', id: 'p-1' });
    });

    it('refuses an unknown target unit', () => {
      spec
        .given([registered])
        .when(transfer({ toUnitExists: false }))
        .thenThrows(NotFound, { entity: 'Unit', id: 'u-2' });
    });

    it('refuses a target unit that was merged away', () => {
      spec
        .given([registered])
        .when(transfer({ toUnitMerged: true }))
        .thenThrows('UNIT_MERGED');
    });

    it('refuses a transfer to the current unit', () => {
      spec
        .given([registered])
        .when(transfer({ toUnitId: 'u-1' }))
        .thenThrows('PERSON_ALREADY_IN_UNIT');
    });

    it('refuses an invalid effective date', () => {
      spec
        .given([registered])
        .when(transfer({ effectiveOn: '15/08/2024' }))
        .thenThrows(InvalidInput, { field: 'effectiveOn' });
    });

    it('given a transferred person, when transferred back, then the from unit is the current one', () => {
      const [event] = spec
        .given([registered, transferred])
        .when(
          transfer({
            toUnitId: 'u-1',
            toUnitName: 'Trường Tiểu học Đinh Tiên Hoàng',
            position: null,
            effectiveOn: '2025-01-01',
          }),
        )
        .events();
      expect(event.data).toMatchObject({
        fromUnitId: 'u-2',
        fromUnitName: 'Trường THCS Trần Phú',
        toUnitId: 'u-1',
        position: null,
      });
    });
  });
});
