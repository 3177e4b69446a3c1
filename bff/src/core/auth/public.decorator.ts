import { getClassMetadata, getPropertyMetadata, saveClassMetadata, savePropertyMetadata } from '@midwayjs/core';
import type { PrincipalKind } from './principal';

const PUBLIC_KEY = 'zhili:auth:public';
const KIND_KEY = 'zhili:auth:kind';

/**
 * Marks a route (or a whole controller) as reachable without a token. Everything else requires one:
 * authentication is default-deny by construction.
 */
export function Public(): MethodDecorator & ClassDecorator {
  return ((target: object, propertyKey?: string | symbol) => {
    if (propertyKey === undefined) saveClassMetadata(PUBLIC_KEY, true, target);
    else savePropertyMetadata(PUBLIC_KEY, true, target, propertyKey);
  }) as MethodDecorator & ClassDecorator;
}

/** Restricts a controller to tokens of one front door (mini-program users or staff). */
export function ForPrincipal(kind: PrincipalKind): ClassDecorator {
  return ((target: object) => saveClassMetadata(KIND_KEY, kind, target)) as ClassDecorator;
}

export function isPublicRoute(controller: object, method: string): boolean {
  return Boolean(getClassMetadata(PUBLIC_KEY, controller) || getPropertyMetadata(PUBLIC_KEY, controller, method));
}

export function requiredKind(controller: object): PrincipalKind | undefined {
  return getClassMetadata(KIND_KEY, controller) as PrincipalKind | undefined;
}
