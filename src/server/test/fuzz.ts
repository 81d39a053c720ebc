import fc from 'fast-check';

/**
 * The seed every fuzz test starts from: fixed, so CI runs the same inputs each time; FUZZ_SEED=… replays or widens
 * a run. fast-check prints the seed and the path of a failing case, which `{ seed, path }` replays exactly.
 */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20_201_127);

/** The part of JSON Schema the OpenAPI document (zod through fastify-type-provider-zod) uses for bodies. */
export interface JsonSchema {
  type?: string | string[];
  nullable?: boolean;
  enum?: unknown[];
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  $ref?: string;
}

/** Values that break services more often than random ones: edges of types, sizes, dates and text. */
export const EDGE_VALUES: unknown[] = [
  null,
  '',
  ' ',
  'NaN',
  'Infinity',
  '-1',
  '0',
  '1e309',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  0,
  -1,
  1,
  -0,
  0.5,
  2 ** 31,
  2 ** 53 + 1,
  -(2 ** 53),
  1e308,
  -1e308,
  true,
  false,
  [],
  {},
  [null],
  { '': null },
  { __proto__: null, constructor: 'x' },
  'x'.repeat(10_000),
  'Ạ'.repeat(301),
  '\u0000',
  'a\u0007b',
  '\uD800',
  '🙂👍🏽',
  'A\u0301\u0301\u0301\u0301\u0301',
  '\u202Eabc',
  "'; DROP TABLE events;--",
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '%00',
  '2020-02-30',
  '2020-13-01T00:00:00Z',
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59.999Z',
  '1970-01-01',
  '2020-11-27T08:00:00+07:00',
  '+275760-09-13T00:00:00.000Z',
];

const edge = fc.constantFrom(...EDGE_VALUES);

const isoDate = fc
  .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
  .map(
    ([y, m, d]) =>
      `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
  );
const isoDateTime = fc
  .tuple(
    isoDate,
    fc.integer({ min: 0, max: 23 }),
    fc.integer({ min: 0, max: 59 }),
    fc.constantFrom('Z', '+07:00', '.000Z', '-12:00'),
  )
  .map(([d, h, m, z]) => `${d}T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00${z}`);

/** Any JSON value, nested a little. */
export const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: edge },
);

export interface SchemaArbitraryOptions {
  /** Resolves `#/components/schemas/…`. */
  components: Record<string, JsonSchema>;
  /** Strings that are real ids of the fixture, so bodies reach past "not found" into the services. */
  ids: string[];
}

/**
 * Bodies shaped like a schema, mostly valid in form and often wrong in detail: fields left out or extra, values of
 * the wrong type, lengths and numbers at and past their limits, real and made-up ids.
 */
export function fromSchema(
  schema: JsonSchema,
  options: SchemaArbitraryOptions,
  depth = 0,
): fc.Arbitrary<unknown> {
  const own = shaped(schema, options, depth);
  // Deeper down, wrong values are rarer, so whole valid sub-objects still reach the services.
  return fc.oneof(
    { weight: depth > 2 ? 12 : 6, arbitrary: own },
    { weight: 1, arbitrary: edge },
    { weight: 1, arbitrary: anyJson },
  );
}

function shaped(schema: JsonSchema, options: SchemaArbitraryOptions, depth: number): fc.Arbitrary<unknown> {
  if (schema.$ref) {
    const name = schema.$ref.split('/').pop()!;
    const target = options.components[name];
    return target && depth < 6 ? fromSchema(target, options, depth + 1) : fc.constant({});
  }
  const variants = schema.oneOf ?? schema.anyOf;
  if (variants) return fc.oneof(...variants.map((v) => fromSchema(v, options, depth + 1)));
  if (schema.enum) return fc.constantFrom(...schema.enum, ...(schema.nullable ? [null] : []));
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  const base = (() => {
    switch (type) {
      case 'string':
        return stringFor(schema, options);
      case 'integer':
      case 'number': {
        const min = schema.minimum ?? -1_000_000;
        const max = schema.maximum ?? 1_000_000;
        return fc.oneof(
          fc.constantFrom(min, max, min - 1, max + 1),
          type === 'integer'
            ? fc.integer({ min: Math.max(min, -(2 ** 31)), max: Math.min(max, 2 ** 31) })
            : fc.double({ min, max, noNaN: true }),
          fc.double({ noNaN: true }),
        );
      }
      case 'boolean':
        return fc.oneof(fc.boolean(), fc.constantFrom(0, 1, 'true'));
      case 'array': {
        const item = schema.items ? fromSchema(schema.items, options, depth + 1) : anyJson;
        const min = schema.minItems ?? 0;
        const max = Math.min(schema.maxItems ?? 8, depth > 1 ? 3 : 8);
        return fc.oneof(
          {
            weight: 4,
            arbitrary: fc.array(item, { minLength: Math.min(min, max), maxLength: Math.max(min, max) }),
          },
          // Past the limit, or one item repeated many times (duplicates, big batches).
          {
            weight: 1,
            arbitrary: item.map((v) => Array.from({ length: (schema.maxItems ?? 100) + 1 }, () => v)),
          },
        );
      }
      case 'object': {
        const properties = Object.entries(schema.properties ?? {});
        const required = new Set(schema.required ?? []);
        const fields = Object.fromEntries(
          properties.map(([key, sub]) => [key, fromSchema(sub, options, depth + 1)]),
        );
        const requiredKeys = properties.map(([key]) => key).filter((key) => required.has(key));
        return fc
          .tuple(
            fc.record(fields, { requiredKeys }),
            fc.option(fc.dictionary(fc.string({ maxLength: 12 }), anyJson, { maxKeys: 3 }), { freq: 5 }),
            fc.subarray(requiredKeys, { maxLength: Math.min(1, requiredKeys.length) }),
          )
          .map(([record, extra, dropped]) => {
            const body: Record<string, unknown> = { ...(extra ?? {}), ...record };
            for (const key of dropped) delete body[key];
            return body;
          });
      }
      default:
        return anyJson;
    }
  })();
  return schema.nullable
    ? fc.oneof({ weight: 5, arbitrary: base }, { weight: 1, arbitrary: fc.constant(null) })
    : base;
}

function stringFor(schema: JsonSchema, options: SchemaArbitraryOptions): fc.Arbitrary<string> {
  const max = schema.maxLength ?? 200;
  const atLimit = (n: number) => fc.constantFrom('a', 'Ạ', '🙂', ' ').map((c) => c.repeat(Math.max(0, n)));
  const shapes: fc.Arbitrary<string>[] = [
    fc.string({ unit: 'grapheme', maxLength: Math.min(max, 40) }),
    fc.string({ unit: 'binary', maxLength: Math.min(max, 40) }),
    atLimit(max),
    atLimit(max + 1),
    atLimit((schema.minLength ?? 1) - 1),
  ];
  if (options.ids.length) shapes.push(fc.constantFrom(...options.ids), fc.constantFrom(...options.ids));
  if (schema.format === 'date') shapes.push(isoDate, isoDate, isoDate);
  if (schema.format === 'date-time') shapes.push(isoDateTime, isoDateTime, isoDateTime);
  if (schema.format === 'email') shapes.push(fc.emailAddress(), fc.emailAddress());
  return fc.oneof(...shapes);
}

const WORDS = [
  'Hội nghị tổng kết',
  'Thanh Hóa',
  'Sở Tài chính',
  'Lê Đức Giang',
  'Phó Chủ tịch',
  'Hội trường 25B',
  'OCOP',
  'a',
  'Mắm tôm Hòa Hải',
  '0912345678',
  'btc@thanhhoa.gov.vn',
  '5445/QĐ-UBND',
  'ong',
];

/**
 * A value the schema accepts in form (types, lengths, ranges, enums, dates), so the body gets past validation and
 * into the service, where missing checks turn into 500s.
 */
export function validFromSchema(
  schema: JsonSchema,
  options: SchemaArbitraryOptions,
  depth = 0,
): fc.Arbitrary<unknown> {
  if (schema.$ref) {
    const target = options.components[schema.$ref.split('/').pop()!];
    return target && depth < 5 ? validFromSchema(target, options, depth + 1) : fc.constant(null);
  }
  const variants = schema.oneOf ?? schema.anyOf;
  if (variants) return fc.oneof(...variants.map((v) => validFromSchema(v, options, depth + 1)));
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string': {
      if (schema.format === 'date') return isoDate;
      if (schema.format === 'date-time') return isoDateTime;
      if (schema.format === 'email') return fc.emailAddress();
      const min = schema.minLength ?? 0;
      const max = Math.max(min, Math.min(schema.maxLength ?? 300, 300));
      const clamp = (text: string) => (text.length < min ? text.padEnd(min, 'a') : text.slice(0, max));
      return fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...WORDS).map(clamp) },
        {
          weight: 3,
          arbitrary: options.ids.length
            ? fc.constantFrom(...options.ids).map(clamp)
            : fc.constant(clamp('a')),
        },
        {
          weight: 1,
          arbitrary: fc
            .string({ unit: 'grapheme-composite', minLength: min, maxLength: Math.min(max, 30) })
            .map(clamp),
        },
        { weight: 1, arbitrary: fc.constant(clamp('Ạ'.repeat(max))) },
      );
    }
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? -1_000;
      const max = schema.maximum ?? 100_000;
      return fc.oneof(fc.constantFrom(min, max), fc.integer({ min: Math.ceil(min), max: Math.floor(max) }));
    }
    case 'boolean':
      return fc.boolean();
    case 'array': {
      const min = schema.minItems ?? 0;
      const max = Math.max(min, Math.min(schema.maxItems ?? 5, depth > 1 ? 2 : 5));
      return fc.array(schema.items ? validFromSchema(schema.items, options, depth + 1) : fc.string(), {
        minLength: min,
        maxLength: max,
      });
    }
    case 'object': {
      const properties = Object.entries(schema.properties ?? {});
      const fields = Object.fromEntries(
        properties.map(([k, sub]) => [k, validFromSchema(sub, options, depth + 1)]),
      );
      return fc.record(fields, { requiredKeys: schema.required ?? [] });
    }
    default:
      return fc.jsonValue({ maxDepth: 1 });
  }
}

/** A valid body with one top-level field made wrong (edge value, wrong type) or one unknown key added. */
export function oneFieldWrong(schema: JsonSchema, options: SchemaArbitraryOptions): fc.Arbitrary<unknown> {
  const resolved = schema.$ref ? (options.components[schema.$ref.split('/').pop()!] ?? schema) : schema;
  const keys = Object.keys(resolved.properties ?? {});
  return fc
    .tuple(validFromSchema(resolved, options), fc.constantFrom(...keys, 'extra'), fc.oneof(edge, anyJson))
    .map(([body, key, value]) =>
      body && typeof body === 'object' && !Array.isArray(body) ? { ...body, [key]: value } : body,
    );
}

/** encodeURIComponent refuses lone surrogates; the query then carries U+FFFD (raw bad bytes are in the list). */
export const encodeLoosely = (value: string) =>
  encodeURIComponent(
    value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'),
  );

/** A random query string: known parameter names with odd values, unknown names, repeated names, bad encoding. */
export function queryString(names: string[], options: SchemaArbitraryOptions): fc.Arbitrary<string> {
  const value = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 30 }).map(encodeLoosely),
    fc
      .constantFrom(
        ...EDGE_VALUES.filter((v): v is string | number => typeof v === 'string' || typeof v === 'number'),
      )
      .map((v) => encodeLoosely(String(v).slice(0, 2000))),
    fc.integer({ min: -10, max: 100_000 }).map(String),
    fc.constantFrom(
      '%',
      '%zz',
      '%E0%A4%A',
      '%ED%A0%80',
      '%00',
      '',
      'true',
      'false',
      '2020-01-01',
      '1,2,3',
      ...options.ids,
    ),
  );
  const name = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...(names.length ? names : ['q'])) },
    fc.string({ maxLength: 8 }).map(encodeLoosely),
  );
  return fc
    .array(fc.tuple(name, value), { maxLength: 6 })
    .map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join('&'));
}
