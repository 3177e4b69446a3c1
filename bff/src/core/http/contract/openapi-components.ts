import { z } from '@zhili/shared';

export type Json = Record<string, unknown>;

/** OpenAPI 3.0 component names: letters, digits, `.`, `-`, `_`. */
const componentName = (raw: string) => raw.replace(/[^A-Za-z0-9._-]/g, '_');

/**
 * Converts zod schemas to OpenAPI 3.0 schema objects and keeps the named ones in
 * `components.schemas`.
 *
 * zod writes a recursive schema (`z.lazy`, a getter) or one registered with `.meta({ id })` as
 * `definitions` inside the converted schema, referenced by `#/definitions/<name>` — or by `#` for the
 * schema itself. Embedded in an OpenAPI document those refs point at the document root, which has no
 * `definitions`: Swagger UI and validators cannot resolve them. Here each definition moves into
 * `components.schemas` and every ref is rewritten to point there. zod's generated names get the
 * owner as prefix, so two routes never collide; an `id` keeps its name (`.input` added for request
 * schemas, whose defaults make fields optional), so a shared schema appears once.
 */
export class SchemaComponents {
  readonly schemas: Record<string, Json> = {};

  /** `owner` names this schema's place in the document (e.g. `get_api_admin_regions.response`). */
  convert(schema: z.ZodType, io: 'input' | 'output', owner: string): Json {
    const json = z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' }) as Json;
    const { definitions, ...root } = json as Json & { definitions?: Record<string, Json> };
    const names = new Map<string, string>();
    for (const name of Object.keys(definitions ?? {})) {
      const generated = name.startsWith('__schema');
      const raw = generated ? `${owner}.${name.slice(2)}` : io === 'input' ? `${name}.input` : name;
      names.set(name, componentName(raw));
    }
    const selfName = componentName(owner);
    let selfReferenced = false;
    const target = (ref: string): string => {
      if (ref === '#') {
        selfReferenced = true;
        return selfName;
      }
      const match = /^#\/definitions\/(.+)$/.exec(ref);
      const name = match && names.get(decodeURIComponent(match[1]));
      if (!name) throw new Error(`OpenAPI: zod emitted a $ref this document cannot resolve: ${ref} (${owner})`);
      return name;
    };
    const rewrite = (node: unknown): unknown => {
      if (Array.isArray(node)) return node.map(rewrite);
      if (!node || typeof node !== 'object') return node;
      return Object.fromEntries(
        Object.entries(node).map(([key, value]) =>
          key === '$ref' && typeof value === 'string'
            ? [key, `#/components/schemas/${target(value)}`]
            : [key, rewrite(value)],
        ),
      );
    };
    for (const [name, definition] of Object.entries(definitions ?? {})) {
      this.add(names.get(name) as string, rewrite(definition) as Json);
    }
    const converted = rewrite(root) as Json;
    if (!selfReferenced) return converted;
    this.add(selfName, converted);
    return { $ref: `#/components/schemas/${selfName}` };
  }

  /** Two different schemas under one name would make one route's documentation lie. */
  private add(name: string, schema: Json): void {
    const existing = this.schemas[name];
    if (existing && JSON.stringify(existing) !== JSON.stringify(schema)) {
      throw new Error(`OpenAPI: two different schemas are named ${name}; give them distinct meta ids`);
    }
    this.schemas[name] = schema;
  }
}
