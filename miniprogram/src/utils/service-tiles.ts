import { Role } from '@zhili/shared/client';
import { BINDING_PAGE } from '../pages/binding/route';
import { caseRoutes } from './case-routes';
import { hasRole } from './roles';
import { routes } from './routes';

/** Which icon a tile draws (components/TileIcon maps it to an SVG asset). */
export type TileIcon = 'cases' | 'consult' | 'binding' | 'study' | 'tasks' | 'visits' | 'case-tasks';

export interface ServiceTile {
  key: string;
  title: string;
  subtitle: string;
  icon: TileIcon;
  url: string;
  /**
   * Who sees the tile: anyone holding one of these roles; undefined = everyone, signed in or not.
   * Must match the role the target page's RoleGate (and the BFF's @RequireRole) asks for, so a
   * tile never leads to a locked page.
   */
  roles?: readonly Role[];
}

/** Every service of the mini-program, in display order; `tilesFor` picks a person's share. */
export const serviceTiles: readonly ServiceTile[] = [
  { key: 'cases', title: '我的上报', subtitle: '问题处理进度', icon: 'cases', url: caseRoutes.myCases },
  // Village and community consultations (议事协商) reach residents by where they live; the page says
  // so when there is none for the person, so the tile is for everyone.
  {
    key: 'consult',
    title: '议事协商',
    subtitle: '村里社区的事一起商量',
    icon: 'consult',
    url: routes.residentConsultations,
  },
  {
    key: 'party',
    title: '党员之家',
    subtitle: '支部、通知、会议',
    icon: 'study',
    url: routes.partyHome,
    roles: [Role.PartyMember],
  },
  {
    key: 'tasks',
    title: '网格工作台',
    subtitle: '本网格概况',
    icon: 'tasks',
    url: routes.gridTasks,
    roles: [Role.GridWorker],
  },
  {
    key: 'visits',
    title: '走访待办',
    subtitle: '到期走访',
    icon: 'visits',
    url: routes.gridVisitsDue,
    roles: [Role.GridWorker],
  },
  {
    key: 'case-tasks',
    title: '我的工单',
    subtitle: '派给我的上报',
    icon: 'case-tasks',
    url: caseRoutes.gridCaseTasks,
    roles: [Role.GridWorker],
  },
  { key: 'binding', title: '身份绑定', subtitle: '党员、网格员', icon: 'binding', url: BINDING_PAGE },
];

/** The tiles a person with `roles` may use (roles from the profile; [] when signed out). */
export function tilesFor(roles: readonly Role[]): ServiceTile[] {
  return serviceTiles.filter((tile) => !tile.roles || tile.roles.some((role) => hasRole(roles, role)));
}
