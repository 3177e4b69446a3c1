import { beijingDay } from '@zhili/shared';

/** The Beijing calendar year of an instant (a dues base is for a Beijing year). */
export const beijingYear = (at: Date): number => Number(beijingDay(at).slice(0, 4));
