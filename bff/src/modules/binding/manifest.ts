import type { ModuleManifest } from '../../core/modules/manifest';
import { PiiBinding1763810000000 } from '../../core/db/migrations/1763810000000-PiiBinding';
import { BindingCode } from './binding-code.entity';

/** One-time codes that make a resident a grid worker or party member. */
export const bindingManifest: ModuleManifest = {
  name: 'binding',
  entities: [BindingCode],
  migrations: [PiiBinding1763810000000],
  permissions: ['binding:issue'],
};
