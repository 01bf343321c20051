/**
 * A household (hộ gia đình) enters the register as an award subject (Law 06/2022/QH15
 * Art. 2): known by its head, its address and the commune or ward it lives in.
 */
export interface HouseholdRegistered {
  type: 'HouseholdRegistered';
  data: {
    householdId: string;
    /** The head of household (chủ hộ), whose name the household is known by. */
    headName: string;
    address: string;
    unitId: string;
    unitName: string;
  };
}

export type HouseholdEvent = HouseholdRegistered;
