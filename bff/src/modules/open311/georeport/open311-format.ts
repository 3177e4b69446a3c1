import { XMLBuilder } from 'fast-xml-parser';

/** The two representations GeoReport v2 defines, chosen by the resource's suffix (`services.xml`). */
export type Open311Format = 'xml' | 'json';

export function isOpen311Format(value: string | undefined): value is Open311Format {
  return value === 'xml' || value === 'json';
}

/** A document in its JSON (Spark convention) form; lists become repeated XML elements. */
export type Open311Value = string | number | boolean | null | Open311Value[] | { [key: string]: Open311Value };

/**
 * Element name of each item of a list, per the spec's XML: `<services><service/>…</services>`. The
 * JSON form follows the Spark convention: such a container is an array even with one item, and a
 * root container is the top-level array.
 */
const ITEM_ELEMENT: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  errors: 'error',
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
};

export const CONTENT_TYPES: Record<Open311Format, string> = {
  xml: 'text/xml; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

const builder = new XMLBuilder({ format: true, indentBy: '  ', suppressEmptyNode: true, processEntities: true });

/** Characters XML 1.0 cannot carry at all (even escaped); dropped from text rather than failing the document. */
const XML_INVALID =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

type XmlTree = string | { [key: string]: XmlTree | XmlTree[] };

function toXmlTree(name: string, value: Open311Value): XmlTree {
  if (value === null) return '';
  if (Array.isArray(value)) {
    const item = ITEM_ELEMENT[name];
    if (!item) throw new Error(`Open311: no item element for list <${name}>`);
    return { [item]: value.map((v) => toXmlTree(item, v)) };
  }
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toXmlTree(k, v)]));
  }
  return String(value).replace(XML_INVALID, '');
}

/** Serializes a document rooted at `root` (e.g. `services`) in the requested format. */
export function renderOpen311(format: Open311Format, root: string, value: Open311Value): string {
  if (format === 'json') return JSON.stringify(value);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build({ [root]: toXmlTree(root, value) })}`;
}
