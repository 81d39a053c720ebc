import type { PlanDraft } from '../../shared/plan';
import { THANH_HOA_UNITS } from '../demo/thanh-hoa-units';
import { extractDocumentText } from '../documents/text-extract';
import { AppError } from '../errors';
import { parsePlan } from './parser/parse-plan';

/** True when the draft holds nothing a conference document would: not a plan, invitation or letter at all. */
function isEmptyDraft(draft: PlanDraft): boolean {
  const e = draft.event;
  return (
    draft.documentType === 'unknown' &&
    !e.name &&
    !e.time.text &&
    !e.venue &&
    draft.composition.length === 0 &&
    draft.program.length === 0 &&
    draft.legalBases.length === 0
  );
}

/** Reads a document (text, DOCX, PDF) into a draft; refuses files that are not about a conference. */
export async function parsePlanDocument(
  buffer: Buffer,
  knownUnitNames: string[] = THANH_HOA_UNITS.map((u) => u.name),
) {
  const text = await extractDocumentText(buffer);
  return parsePlanText(text, knownUnitNames);
}

export function parsePlanText(text: string, knownUnitNames: string[] = THANH_HOA_UNITS.map((u) => u.name)) {
  if (!text.trim()) throw new AppError('IMPORT_FAILED', 'Văn bản rỗng');
  const draft = parsePlan(text, { knownUnitNames });
  if (isEmptyDraft(draft)) {
    throw new AppError(
      'IMPORT_FAILED',
      'Không nhận ra văn bản về hội nghị: không thấy loại văn bản, tên, thời gian, địa điểm hay thành phần',
    );
  }
  return { text, draft };
}
