import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CompositionNode, PlanDraft, ProgramItem } from '../../../shared/plan';
import { foldVietnamese } from '../../../shared/text';

/**
 * The parser's own benchmark: documents written for it in the shapes offices use, each with the facts a reader
 * should get from it (a sidecar `.json` next to the `.txt`). Only the facts a sidecar lists are checked.
 */
export interface ExpectedFacts {
  kind?: string;
  number?: string | null;
  issuer?: string;
  issueDate?: string | null;
  place?: string;
  title?: string;
  start?: string | null;
  end?: string | null;
  venue?: string;
  chair?: string;
  attendees?: number;
  compositionTotal?: number;
  composition?: { title: string; count: number }[];
  program?: { title: string; start?: string; end?: string }[];
  legalBases?: string[];
  signerName?: string;
  signerTitle?: string;
  recipients?: number;
}

export interface CorpusDocument {
  name: string;
  text: string;
  facts: ExpectedFacts;
}

export interface FactResult {
  field: string;
  expected: unknown;
  actual: unknown;
  ok: boolean;
}

export const CORPUS_DIR = import.meta.dirname;
export const SEED_PATH = join(
  import.meta.dirname,
  '..',
  '..',
  'demo',
  'ke-hoach-hoi-nghi-ocop-thanh-hoa-2020.txt',
);

/** Every corpus document with its facts, in file order; the seed plan last, as "seed". */
export function loadCorpus(): CorpusDocument[] {
  const docs = readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => {
      const name = file.replace(/\.txt$/, '');
      return {
        name,
        text: readFileSync(join(CORPUS_DIR, file), 'utf8'),
        facts: JSON.parse(readFileSync(join(CORPUS_DIR, `${name}.json`), 'utf8')) as ExpectedFacts,
      };
    });
  docs.push({
    name: 'seed',
    text: readFileSync(SEED_PATH, 'utf8'),
    facts: JSON.parse(readFileSync(join(CORPUS_DIR, 'seed.json'), 'utf8')) as ExpectedFacts,
  });
  return docs;
}

/** Folded, abbreviations unified, quotes and end punctuation dropped: how two readings of a field are compared. */
export function norm(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  return foldVietnamese(value)
    .replace(/["“”'’]/g, '')
    .replace(/\buy ban nhan dan\b/g, 'ubnd')
    .replace(/\bhoi dong nhan dan\b/g, 'hdnd')
    .replace(/^(ve viec|v\/v)\s+/, '')
    .replace(/^tai\s+/, '')
    .replace(/\s*([,;:])\s*/g, '$1 ')
    .replace(/[\s.,;:]+$/, '')
    .trim();
}

const when = (actual: string | null, expected: string | null | undefined) => {
  if (expected === null || expected === undefined) return actual === null;
  if (!actual) return false;
  return expected.includes('T') ? actual.slice(0, 16) === expected : actual.slice(0, 10) === expected;
};

const leaves = (nodes: CompositionNode[]): CompositionNode[] =>
  nodes.flatMap((n) => (n.children.length ? leaves(n.children) : [n]));
const flatten = (items: ProgramItem[]): ProgramItem[] => items.flatMap((i) => [i, ...flatten(i.children)]);

/** Each expected fact against the draft: one result per scalar field, one per list element. */
export function checkFacts(draft: PlanDraft, facts: ExpectedFacts): FactResult[] {
  const out: FactResult[] = [];
  const scalar = (field: string, expected: unknown, actual: unknown, ok: boolean) =>
    out.push({ field, expected, actual, ok });
  const text = (field: string, expected: string | null | undefined, actual: string | null | undefined) => {
    if (expected === undefined) return;
    scalar(field, expected, actual ?? null, expected === null ? !actual : norm(actual) === norm(expected));
  };
  if (facts.kind !== undefined)
    scalar('kind', facts.kind, draft.documentType, draft.documentType === facts.kind);
  if (facts.number !== undefined)
    scalar(
      'number',
      facts.number,
      draft.header.number,
      facts.number === null
        ? draft.header.number === null
        : (draft.header.number ?? '').replace(/\s+/g, '') === facts.number.replace(/\s+/g, ''),
    );
  text('issuer', facts.issuer, draft.header.issuer);
  if (facts.issueDate !== undefined)
    scalar('issueDate', facts.issueDate, draft.header.date, draft.header.date === facts.issueDate);
  text('place', facts.place, draft.header.place);
  text('title', facts.title, draft.header.title);
  if (facts.start !== undefined)
    scalar('start', facts.start, draft.event.time.start, when(draft.event.time.start, facts.start));
  if (facts.end !== undefined)
    scalar('end', facts.end, draft.event.time.end, when(draft.event.time.end, facts.end));
  text('venue', facts.venue, draft.event.venue);
  text('chair', facts.chair, draft.event.chair);
  if (facts.attendees !== undefined)
    scalar(
      'attendees',
      facts.attendees,
      draft.event.expectedAttendees,
      draft.event.expectedAttendees === facts.attendees,
    );
  if (facts.compositionTotal !== undefined)
    scalar(
      'composition',
      facts.compositionTotal,
      draft.compositionTotal,
      draft.compositionTotal === facts.compositionTotal,
    );
  const groups = leaves(draft.composition);
  for (const group of facts.composition ?? []) {
    const found = groups.find((g) => g.count === group.count && norm(g.title).startsWith(norm(group.title)));
    scalar('composition', group, found ? { title: found.title, count: found.count } : null, !!found);
  }
  const items = flatten(draft.program);
  for (const item of facts.program ?? []) {
    const found = items.find(
      (i) =>
        norm(i.session ?? i.title).startsWith(norm(item.title)) &&
        (item.start === undefined || i.start === item.start) &&
        (item.end === undefined || i.end === item.end),
    );
    scalar(
      'program',
      item,
      found ? { title: found.title, start: found.start, end: found.end } : null,
      !!found,
    );
  }
  for (const number of facts.legalBases ?? []) {
    const key = number.replace(/\s+/g, '');
    const found = draft.legalBases.find(
      (b) =>
        b.citations.some((c) => c.number.replace(/\s+/g, '') === key) ||
        b.text.replace(/\s+/g, '').includes(key),
    );
    scalar('legalBases', number, found?.text ?? null, !!found);
  }
  text('signerName', facts.signerName, draft.signer?.name);
  text('signerTitle', facts.signerTitle, draft.signer?.title);
  if (facts.recipients !== undefined)
    scalar(
      'recipients',
      facts.recipients,
      draft.recipients.length,
      draft.recipients.length === facts.recipients,
    );
  return out;
}

export interface FieldScore {
  field: string;
  correct: number;
  total: number;
}

/** Correct facts per field over the corpus, in a stable field order. */
export function scoreByField(results: FactResult[]): FieldScore[] {
  const scores = new Map<string, FieldScore>();
  for (const r of results) {
    const s = scores.get(r.field) ?? { field: r.field, correct: 0, total: 0 };
    s.total += 1;
    if (r.ok) s.correct += 1;
    scores.set(r.field, s);
  }
  return [...scores.values()];
}
