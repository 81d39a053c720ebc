import type { ExternalSections } from '../../shared/report';
import type { Executor } from '../db/database';

/**
 * Every read of features built in other branches (program and papers, agreements, booths), in one place so they
 * are wired once. Each section is null here: wired by the lead at merge, from the program/papers service
 * (helper H16) and the agreements/booths services (helper H17). The report and the readiness board render a
 * non-null section and say "chưa có dữ liệu" for a null one.
 */
export async function loadExternalSections(_db: Executor, _eventId: string): Promise<ExternalSections> {
  return {
    // wired by the lead at merge: program items with their presenters, and the papers (tham luận)
    program: null,
    // wired by the lead at merge: agreements (count, ready, signed, value, products, producers, buyers)
    agreements: null,
    // wired by the lead at merge: booths and their assignment
    booths: null,
  };
}
