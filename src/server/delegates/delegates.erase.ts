import { formatPhone } from '../../shared/phone';
import { vietnameseNameKey } from '../../shared/text';
import type { Trx } from '../db/database';
import { nowIso } from '../util';
import {
  deleteEventDelegateTerms,
  findAllDelegateRows,
  refreshProtocolKeys,
  updateDelegateRow,
} from './delegates.repository';
import { identityKey } from './delegates.rows';

export interface AnonymisedDelegates {
  /** delegate id → the label that replaced the name ("Đại biểu 12"). */
  labels: Map<string, string>;
  /** Every name, phone and email that was removed, for scrubbing copies held elsewhere. */
  removed: string[];
}

/**
 * Replaces every delegate of the event by a numbered label in protocol order and clears what identifies a person
 * (name, honorific, position, phone, email, notes, search terms). Group, unit, organization, gender, status and
 * substitution links stay, so counts, check-ins and awards still add up in the closing report.
 */
export async function anonymiseEventDelegates(trx: Trx, eventId: string): Promise<AnonymisedDelegates> {
  const rows = await findAllDelegateRows(trx, eventId, null);
  const labels = new Map<string, string>();
  const removed = new Set<string>();
  const at = nowIso();
  for (const [i, row] of rows.entries()) {
    const label = `Đại biểu ${i + 1}`;
    labels.set(row.id, label);
    for (const value of [row.full_name, row.phone, row.phone && formatPhone(row.phone), row.email]) {
      if (value?.trim()) removed.add(value.trim());
    }
    await updateDelegateRow(trx, row.id, {
      full_name: label,
      honorific: null,
      position: null,
      // The reason quotes the position; the rank itself stays, so the report keeps its order.
      rank_reason: null,
      phone: null,
      email: null,
      notes: null,
      name_key: vietnameseNameKey(label),
      identity_key: identityKey(label, row.unit_id, row.organization),
      updated_at: at,
    });
  }
  // The protocol key ends with the folded name: recomputed from the label, it no longer spells the person.
  await refreshProtocolKeys(trx, eventId, null);
  await deleteEventDelegateTerms(trx, eventId);
  return { labels, removed: [...removed] };
}
