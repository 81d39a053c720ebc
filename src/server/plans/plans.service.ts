import type { PlanDraft } from '../../shared/plan';
import { THANH_HOA_UNITS } from '../demo/thanh-hoa-units';
import { extractDocument } from '../documents/text-extract';
import { AppError } from '../errors';
import { parsePlan } from './parser/parse-plan';

/**
 * True when the draft holds nothing an administrative document would: no kind, header, event field, basis or signer.
 * A document that is not about a meeting but has a header still gets a draft, with warnings.
 */
function isEmptyDraft(draft: PlanDraft): boolean {
  const e = draft.event;
  const h = draft.header;
  return (
    draft.documentType === 'unknown' &&
    !h.issuer &&
    !h.symbol &&
    !h.dateText &&
    !e.name &&
    !e.time.text &&
    !e.venue &&
    draft.composition.length === 0 &&
    draft.program.length === 0 &&
    draft.legalBases.length === 0 &&
    !draft.signer?.name
  );
}

/** Reads a document (text, DOCX, PDF) into a draft; refuses files that are not about a conference. */
export async function parsePlanDocument(
  buffer: Buffer,
  knownUnitNames: string[] = THANH_HOA_UNITS.map((u) => u.name),
) {
  const { text, ocr } = await extractDocument(buffer);
  return { ...parsePlanText(text, knownUnitNames), ocr };
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
  return { text, draft, ocr: false };
}
