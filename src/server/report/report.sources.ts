import type { ExternalSections } from '../../shared/report';
import { agreementTotals } from '../agreements/agreements.service';
import { boothTotals } from '../booths/booths.service';
import type { Executor } from '../db/database';
import { listPapers } from '../program/papers.service';
import { getProgram } from '../program/program.service';

/**
 * What the closing report and the readiness board read of the other features of the day: the program with its
 * presenters (sub-items after their item) and the papers, the agreements' totals, the booths' totals.
 */
export async function loadExternalSections(db: Executor, eventId: string): Promise<ExternalSections> {
  const [program, papers, agreements, booths] = await Promise.all([
    getProgram(db, eventId),
    listPapers(db, eventId),
    agreementTotals(db, eventId),
    boothTotals(db, eventId),
  ]);
  return {
    program: {
      items: program.items.flatMap((item) =>
        [item, ...item.children].map(({ title, kind, presenters }) => ({
          title,
          kind,
          presenters: presenters.map((p) => ({ name: p.name })),
        })),
      ),
      papers: papers.map(({ title, unitName, status }) => ({ title, unitName, status })),
    },
    agreements,
    booths: {
      booths: booths.booths,
      assigned: booths.assigned,
      withoutPersonInCharge: booths.withoutPersonInCharge,
    },
  };
}
