import { diffLines } from 'diff';
import type { McScriptVersion } from '../../shared/program';
import { MAX_RANK } from '../../shared/protocol';
import { signingCeremony } from '../agreements/agreements.service';
import { recordAudit } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import type { Db, Executor } from '../db/database';
import { getEventById } from '../events/events.service';
import { getAwards } from '../ocop/awards.service';
import { getPresidium } from '../protocol/protocol.service';
import { nowIso } from '../util';
import {
  buildMcScript,
  fullTitle,
  type McLevel,
  type McPerson,
  type McScriptInput,
  type McSigningRound,
  mcScriptText,
} from './mc-script';
import { listPapers } from './papers.service';
import {
  findMcScriptRow,
  findPeopleForScript,
  hasCheckinBegun,
  type ScriptPersonRow,
  saveMcScriptRow,
} from './program.repository';
import { getProgram } from './program.service';

// What the MC script is made from, read from the features that own it: the program, protocol order and the
// presidium, check-in, the award ceremony, accepted papers and (at merge) the signing rounds.

const LEVEL_OF_KIND: Record<string, McLevel> = {
  central_agency: 'central',
  provincial_leadership: 'province',
  department: 'department',
  district: 'district',
  commune: 'commune',
  producer: 'enterprise',
  retailer: 'enterprise',
  media: 'media',
};

const ADDRESS: Record<string, string> = { dong_chi: 'đồng chí', ong: 'ông', ba: 'bà' };

/** Officials are "đồng chí" whatever their letter said; business people and the press "ông"/"bà" (DOMAIN.md). */
function addressOf(row: ScriptPersonRow, level: McLevel): string {
  if (level !== 'enterprise' && level !== 'media' && level !== 'other') return 'đồng chí';
  if (row.honorific && ADDRESS[row.honorific]) return ADDRESS[row.honorific]!;
  return row.gender === 'female' ? 'bà' : row.gender === 'male' ? 'ông' : 'ông/bà';
}

function toPerson(row: ScriptPersonRow): McPerson {
  const level = LEVEL_OF_KIND[row.unit_kind ?? ''] ?? 'other';
  return {
    id: row.id,
    fullName: row.full_name,
    title: fullTitle(row.position, row.organization ?? row.unit_name),
    address: addressOf(row, level),
    level,
    // A substitute is introduced in the place of the person they stand in for.
    rank: Math.min(
      row.protocol_rank ?? row.derived_rank ?? MAX_RANK,
      row.substitute_for_name
        ? (row.substitute_for_protocol_rank ?? row.substitute_for_derived_rank ?? MAX_RANK)
        : MAX_RANK,
    ),
    status: row.status,
    present: !!row.checked_in_at,
    substituteFor: row.substitute_for_name
      ? {
          // The substitute row points at the person by id; only the name and title are read out.
          id: '',
          fullName: row.substitute_for_name,
          title: fullTitle(row.substitute_for_position, row.substitute_for_organization),
        }
      : null,
  };
}

/** The signing ceremony as the MC reads it: rounds in order, pairs on stage, signatories present or stood in for. */
export async function loadSigningForScript(db: Executor, eventId: string): Promise<McSigningRound[]> {
  return signingCeremony(db, eventId);
}

export async function loadMcScriptInput(db: Executor, eventId: string): Promise<McScriptInput> {
  const [event, program, rows, begun, presidium, awards, papers] = await Promise.all([
    getEventById(db, eventId),
    getProgram(db, eventId),
    findPeopleForScript(db, eventId),
    hasCheckinBegun(db, eventId),
    getPresidium(db, eventId),
    getAwards(db, eventId),
    listPapers(db, eventId),
  ]);
  const substituteIds = new Map(
    (
      await db
        .selectFrom('delegates')
        .select(['id', 'substitute_for_id'])
        .where('event_id', '=', eventId)
        .where('substitute_for_id', 'is not', null)
        .execute()
    ).map((r) => [r.id, r.substitute_for_id!]),
  );
  const people = rows.map((row) => {
    const person = toPerson(row);
    if (person.substituteFor) person.substituteFor.id = substituteIds.get(row.id) ?? '';
    return person;
  });
  return {
    event: {
      name: event.name,
      startsAt: event.startsAt,
      endsAt: event.endsAt,
      venueName: event.venueName,
      planNumber: event.planNumber,
      planDate: event.planDate,
      planIssuer: event.planIssuer,
      hostName: event.hostName,
    },
    checkinBegun: begun,
    generatedAt: nowIso(),
    items: program.items,
    people,
    presidium: presidium.items.map((p) => ({ delegateId: p.delegateId, role: p.role })),
    awards: awards.batches.map((b) => ({
      number: b.number,
      title: b.title,
      presenterId: b.presenter?.delegateId ?? null,
      recipients: b.recipients.map((r) => ({
        producerName: r.producerName,
        delegateId: r.delegate?.delegateId ?? null,
        present: r.present,
        standInName: r.standInName,
      })),
    })),
    papers: papers
      .filter((p) => p.status === 'accepted')
      .map((p) => ({ title: p.title, unitName: p.unitName, programItemId: p.programItemId })),
  };
}

/**
 * Builds the script from the hall as it is now and keeps it as the latest version; the version before it stays,
 * so the MC sees what changed. A regeneration that changes nothing keeps the earlier pair.
 */
export async function generateMcScript(
  db: Db,
  actor: Actor | null,
  eventId: string,
): Promise<McScriptVersion> {
  const input = await loadMcScriptInput(db, eventId);
  const script = buildMcScript(input, await loadSigningForScript(db, eventId));
  const text = mcScriptText(script);
  return db.transaction().execute(async (trx) => {
    const row = await findMcScriptRow(trx, eventId);
    // The opening line names the moment it was made; versions differ only when the rest does.
    const body = (t: string) => t.split('\n').slice(4).join('\n');
    const changed = !row || body(row.text) !== body(text);
    const previousText = changed ? (row?.text ?? null) : (row.previous_text ?? null);
    const previousGeneratedAt = changed ? (row?.generated_at ?? null) : (row.previous_generated_at ?? null);
    if (changed) {
      await saveMcScriptRow(
        trx,
        {
          event_id: eventId,
          text,
          generated_at: script.generatedAt,
          previous_text: previousText,
          previous_generated_at: previousGeneratedAt,
        },
        !!row,
      );
      if (actor)
        await recordAudit(trx, actor, {
          eventId,
          entity: 'mc_script',
          entityId: eventId,
          action: 'generate',
        });
    }
    return {
      script,
      text,
      previousText,
      previousGeneratedAt,
      changes: diffLines(previousText ?? '', text).map((c) => ({
        value: c.value,
        added: !!c.added,
        removed: !!c.removed,
      })),
    };
  });
}
