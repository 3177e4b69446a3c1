/** Where a new house sits in the estate tree (all null for a rural house). */
export interface HousePlacement {
  estateId?: string | null;
  buildingId?: string | null;
  unitId?: string | null;
}
