import { Init1763700000000 } from './1763700000000-Init';

/** Every migration, in order. Add new ones at the end; never edit one that has shipped. */
export const migrations = [Init1763700000000];
