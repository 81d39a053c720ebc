import { describe, expect, it } from 'vitest';
import { planDraftSchema } from '../../../shared/plan';
import { parsePlanText } from '../plans.service';
import { checkFacts, loadCorpus, scoreByField } from './corpus';

const corpus = loadCorpus();

describe('the plan corpus: every fact of every document', () => {
  it('holds at least 40 documents besides the seed, each with its facts', () => {
    expect(corpus.filter((d) => d.name !== 'seed').length).toBeGreaterThanOrEqual(40);
    for (const doc of corpus) expect(Object.keys(doc.facts).length).toBeGreaterThan(2);
  });

  for (const doc of corpus) {
    it(doc.name, () => {
      const { draft } = parsePlanText(doc.text);
      expect(planDraftSchema.safeParse(draft).success).toBe(true);
      const missed = checkFacts(draft, doc.facts).filter((r) => !r.ok);
      expect(missed).toEqual([]);
    });
  }

  it('the seed plan keeps its 18 facts', () => {
    const seed = corpus.find((d) => d.name === 'seed')!;
    const results = checkFacts(parsePlanText(seed.text).draft, seed.facts);
    expect(results).toHaveLength(18);
    expect(results.filter((r) => r.ok)).toHaveLength(18);
  });

  it('a document not about a meeting still gets a draft, with a warning saying so', () => {
    const report = corpus.find((d) => d.name.startsWith('24-'))!;
    const { draft } = parsePlanText(report.text);
    expect(draft.documentType).toBe('report');
    expect(draft.warnings.map((w) => w.code)).toContain('not_a_meeting');
  });

  it('a reading made with doubt is flagged for review, never silent', () => {
    // A notice that moves the meeting: the old day is still in the text; the new one is taken, and said so.
    const moved = parsePlanText(corpus.find((d) => d.name.startsWith('03-'))!.text).draft;
    expect(moved.event.time.start).toBe('2022-03-15T08:30:00+07:00');
    expect(moved.warnings).toContainEqual(
      expect.objectContaining({ code: 'low_confidence', message: expect.stringContaining('chuyển sang') }),
    );
    // Two meetings in one notice: the first is taken, and said so.
    const two = parsePlanText(corpus.find((d) => d.name.startsWith('16-'))!.text).draft;
    expect(two.warnings.map((w) => w.code)).toContain('several_meetings');
  });

  it('the checker fails a wrong reading (it is not a test that cannot fail)', () => {
    const doc = corpus[0]!;
    const { draft } = parsePlanText(doc.text);
    draft.event.venue = 'Nơi khác';
    draft.header.number = '1/KH-UBND';
    const scores = scoreByField(checkFacts(draft, doc.facts));
    expect(scores.find((s) => s.field === 'venue')).toMatchObject({ correct: 0, total: 1 });
    expect(scores.find((s) => s.field === 'number')).toMatchObject({ correct: 0, total: 1 });
  });
});
