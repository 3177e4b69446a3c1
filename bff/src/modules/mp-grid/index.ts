/** The mini-program grid worker API (`/api/mp/grid`): the worker's grid, households, persons and visits. */
export { GridWorkerResolver } from './grid-worker';
export type { GridWorker } from './grid-worker';
export { MpGridService } from './mp-grid.service';
