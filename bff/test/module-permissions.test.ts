import { readdirSync } from 'fs';
import { join, relative, sep } from 'path';
import type { ClassType } from '@midwayjs/core';
import { allRoutes, defineRoute, Permission } from '@zhili/shared';
import { manifests } from '../src/modules';
import { unboundRoutes } from '../src/core/http/contract/bound-routes';
import { undeclaredPermissions } from '../src/core/modules/manifest-permissions';
import { Api } from '../src/core/http/contract';
import { RequirePermission } from '../src/core/auth/require-permission.decorator';

/**
 * Every permission a module's routes require is declared by that module's manifest, so a new module
 * cannot guard a route with a permission it never mentions. A module is its folder: controllers
 * under `modules/<name>/` belong to the manifest named `<name>`, those under `core/` to `core`.
 */

const src = join(__dirname, '../src');

function filesEnding(dir: string, suffix: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? filesEnding(join(dir, entry.name), suffix)
      : entry.name.endsWith(suffix)
        ? [join(dir, entry.name)]
        : [],
  );
}

/** The module a source file belongs to. */
function moduleOf(file: string): string {
  const [top, name] = relative(src, file).split(sep);
  return top === 'modules' ? name : top;
}

/** The controller classes of each module, loaded from its `*.controller.ts` files. */
function controllersByModule(): Map<string, ClassType<object>[]> {
  const byModule = new Map<string, ClassType<object>[]>();
  for (const file of filesEnding(src, '.controller.ts')) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loading each file for its decorators is the point
    const exported = require(file) as Record<string, unknown>;
    const classes = Object.values(exported).filter((v): v is ClassType<object> => typeof v === 'function');
    byModule.set(moduleOf(file), [...(byModule.get(moduleOf(file)) ?? []), ...classes]);
  }
  return byModule;
}

describe('module permissions', () => {
  const byModule = controllersByModule();

  it('finds the handler of every contract route among the controllers it reads', () => {
    expect(unboundRoutes(allRoutes()).map((r) => `${r.method} ${r.path}`)).toEqual([]);
    expect([...byModule.keys()].filter((name) => !manifests.some((m) => m.name === name))).toEqual([]);
  });

  it("declares in each module's manifest every permission its routes require", () => {
    const gaps = manifests.flatMap((m) => undeclaredPermissions(m, byModule.get(m.name) ?? []));
    expect(gaps).toEqual([]);
  });

  it('names the handler and the permission a manifest forgot (the check is not blind)', () => {
    const route = defineRoute({
      method: 'GET',
      path: '/api/admin/forgetful',
      summary: '测试',
      tag: '测试',
      audience: 'staff',
      permission: Permission.AuditRead,
      response: null,
    });
    class ForgetfulController {
      ctx = {} as never;
      @Api(route)
      async read(): Promise<never> {
        throw new Error('not called');
      }

      @RequirePermission(Permission.SystemStatus)
      async legacy(): Promise<void> {}
    }
    expect(undeclaredPermissions({ name: 'forgetful', permissions: [] }, [ForgetfulController])).toEqual([
      { module: 'forgetful', handler: 'ForgetfulController.read', permission: 'audit:read' },
      { module: 'forgetful', handler: 'ForgetfulController.legacy', permission: 'system:status' },
    ]);
    expect(
      undeclaredPermissions({ name: 'careful', permissions: ['audit:read', 'system:status'] }, [ForgetfulController]),
    ).toEqual([]);
  });
});
