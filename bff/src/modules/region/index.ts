export { Region } from './region.entity';
export type { RegionLevel } from './region.entity';
export { RegionService } from './region.service';
export type { NewRegion } from './region.service';
