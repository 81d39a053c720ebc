import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EventRole } from '../../shared/auth';
import { vietnamLocalToInstant } from '../../shared/format';
import { draftToContents, draftToEvent } from '../../shared/plan-mapping';
import type { DelegateStatus } from '../../shared/vocabulary';
import { SYSTEM_ACTOR } from '../auth/actor';
import { autoAssignSeats } from '../checkin/seating.service';
import type { Db } from '../db/database';
import { getComposition, setSeats, updateGroup } from '../delegates/composition.service';
import type { NewDelegate } from '../delegates/delegates.rows';
import { findDelegateIdsInEvent, insertSampleDelegates } from '../delegates/delegates.service';
import { changeEventStatus, findEventsForActor, setMember } from '../events/events.service';
import { planAwards } from '../ocop/awards.service';
import { createProduct } from '../ocop/products.service';
import { PROJECT_ROOT } from '../paths';
import { createEventFromPlan } from '../plans/plan-contents.service';
import { parsePlanText } from '../plans/plans.service';
import { setPresidium } from '../protocol/protocol.service';
import { createUnit, findAllUnits, findUnitsByIds, matchUnitNames } from '../units/units.service';
import {
  createUser,
  findUserByUsername,
  hasAnyUser,
  hashPassword,
  PUBLISHED_DEMO_PASSWORD,
} from '../users/users.service';
import { seedDemoAgreements } from './demo-agreements';
import { seedDemoBooths } from './demo-booths';
import { seedDemoCertificates } from './demo-certificates';
import {
  DEMO_COMMUNES,
  DEMO_PRODUCERS,
  type DemoPerson,
  demoPeople,
  demoSeats,
  positionsFor,
} from './demo-delegates';
import { demoProducts } from './demo-products';
import { seedDemoProgram } from './demo-program';
import { seedDemoTasks } from './demo-tasks';
import { THANH_HOA_UNITS } from './thanh-hoa-units';

/** The seed plan, shipped as demo data; the demo event is built by parsing it. */
export const DEMO_PLAN_TEXT = readFileSync(
  join(PROJECT_ROOT, 'src/server/demo/ke-hoach-hoi-nghi-ocop-thanh-hoa-2020.txt'),
  'utf8',
);

/**
 * Published in the README so anyone can try the demo; accounts holding it are flagged and may sign in only from
 * this machine until the password is changed.
 */
export const DEMO_PASSWORD = PUBLISHED_DEMO_PASSWORD;

/** Demo accounts, listed in the README. */
export const DEMO_ACCOUNTS: { username: string; fullName: string; role: EventRole; unitKey?: string }[] = [
  { username: 'bantochuc', fullName: 'Ban tổ chức (tài khoản demo)', role: 'organizer' },
  {
    username: 'hoanghoa',
    fullName: 'Cán bộ huyện Hoằng Hóa (tài khoản demo)',
    role: 'unit_officer',
    unitKey: 'district-399',
  },
  {
    username: 'ngason',
    fullName: 'Cán bộ huyện Nga Sơn (tài khoản demo)',
    role: 'unit_officer',
    unitKey: 'district-401',
  },
  { username: 'letan', fullName: 'Lễ tân (tài khoản demo)', role: 'checkin' },
  { username: 'lanhdao', fullName: 'Lãnh đạo (tài khoản demo)', role: 'viewer' },
];

/**
 * First start: an administrator. The password comes from ADMIN_PASSWORD, else one is generated and
 * returned so the caller prints it once. Returns null when users already exist.
 */
export async function ensureAdmin(
  db: Db,
  password: string | undefined,
): Promise<{ username: string; password: string } | null> {
  if (await hasAnyUser(db)) return null;
  const chosen = password ?? randomBytes(12).toString('base64url');
  await createUser(db, SYSTEM_ACTOR, {
    username: 'admin',
    fullName: 'Quản trị hệ thống',
    password: chosen,
    isAdmin: true,
    mustChangePassword: !password,
  });
  return { username: 'admin', password: chosen };
}

/** Adds the catalogue units that are not there yet (matched by name); returns every catalogue key's id. */
export async function seedCatalogue(db: Db): Promise<Map<string, string>> {
  const existing = new Map((await findAllUnits(db)).map((u) => [u.name, u.id]));
  const idByKey = new Map<string, string>();
  for (const unit of THANH_HOA_UNITS) {
    let id = existing.get(unit.name);
    if (!id) {
      const created = await createUnit(db, SYSTEM_ACTOR, {
        parentId: unit.parent ? (idByKey.get(unit.parent) ?? null) : null,
        kind: unit.kind,
        shortName: unit.shortName,
        name: unit.name,
        adminCode: unit.adminCode ?? null,
        validFrom: unit.validFrom ?? null,
        validTo: unit.validTo ?? null,
        notes: unit.notes ?? null,
      });
      id = created.id;
    }
    idByKey.set(unit.key, id);
  }
  return idByKey;
}

/** The day the demo holds the conference on: the plan says only "dự kiến cuối tháng 11 năm 2020". */
const DEMO_DAY = '2020-11-27';

/**
 * Loads the demo conference into a database that has no event yet, by parsing the shipped plan: nothing of
 * its content is typed here except the day, which the plan leaves open. Returns false when there was an event.
 */
export async function seedDemo(db: Db): Promise<boolean> {
  if ((await findEventsForActor(db, SYSTEM_ACTOR)).length > 0) return false;
  const units = await seedCatalogue(db);
  const unit = (key: string) => units.get(key) ?? null;
  const { draft } = parsePlanText(
    DEMO_PLAN_TEXT,
    THANH_HOA_UNITS.map((u) => u.name),
  );
  const e = draft.event;
  const names = [e.host, e.lead, ...e.partners.map((p) => p.name), ...draft.tasks.map((t) => t.unit)];
  const links = Object.fromEntries(
    await matchUnitNames(
      db,
      names.filter((n): n is string => !!n),
    ),
  );
  const times = {
    startsAt: vietnamLocalToInstant(DEMO_DAY, '08:00'),
    endsAt: vietnamLocalToInstant(DEMO_DAY, '11:30'),
  };
  const event = await createEventFromPlan(
    db,
    SYSTEM_ACTOR,
    {
      event: {
        ...draftToEvent(draft, links, times),
        notes: `Kế hoạch chỉ ghi "${e.time.text}"; ngày 27/11/2020, 8h00 - 11h30 được chọn cho bản demo.`,
      },
      contents: draftToContents(draft, links),
      planText: DEMO_PLAN_TEXT,
    },
    { isDemo: true },
  );
  await changeEventStatus(db, SYSTEM_ACTOR, event.id, 'preparing');
  const keys = await seedDemoDelegates(db, event.id, units);
  await seedDemoProducts(db, event.id, keys);
  await seedDemoCertificates(db, event.id);
  await seedDemoPresidium(db, event.id);
  await seedDemoAgreements(db, event.id, keys);
  await seedDemoBooths(db, event.id, keys);
  await seedDemoProgram(db, event.id, keys);
  // Hội trường 25B (sample layout) with everyone seated by protocol, so badges and the desk show seats.
  await autoAssignSeats(db, SYSTEM_ACTOR, event.id, true);

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const account of DEMO_ACCOUNTS) {
    const user =
      (await findUserByUsername(db, account.username)) ??
      (await createUser(db, SYSTEM_ACTOR, {
        username: account.username,
        fullName: account.fullName,
        password: DEMO_PASSWORD,
        passwordHash,
        isAdmin: false,
      }));
    await setMember(db, SYSTEM_ACTOR, event.id, user.id, {
      role: account.role,
      unitId: account.unitKey ? unit(account.unitKey) : null,
    });
  }
  await seedDemoTasks(db, event.id, units);
  return true;
}

/**
 * The demo's people: the communes and producers the plan invites (sample units under their districts), the
 * units each composition group draws from with their quotas, and 268 sample delegates filling them.
 */
async function seedDemoDelegates(
  db: Db,
  eventId: string,
  catalogue: Map<string, string>,
): Promise<Map<string, string>> {
  const keys = new Map(catalogue);
  for (const c of DEMO_COMMUNES) {
    const unit = await createUnit(
      db,
      SYSTEM_ACTOR,
      {
        parentId: keys.get(`district-${c.district}`) ?? null,
        kind: 'commune',
        shortName: `Xã ${c.name}`,
        name: `UBND xã ${c.name}`,
        notes: 'Dữ liệu mẫu: tên xã có thật, việc xã cử người dự hội nghị là giả định',
      },
      { isSample: true },
    );
    keys.set(c.key, unit.id);
  }
  for (const p of DEMO_PRODUCERS) {
    const unit = await createUnit(
      db,
      SYSTEM_ACTOR,
      {
        parentId: keys.get(`district-${p.district}`) ?? null,
        kind: 'producer',
        shortName: p.name,
        name: p.name,
        notes: p.real ? 'Chủ thể OCOP có thật (DOMAIN.md)' : 'Dữ liệu mẫu: chủ thể giả định',
      },
      { isSample: !p.real },
    );
    keys.set(p.key, unit.id);
  }

  const districts = [...keys.entries()].filter(([k]) => k.startsWith('district-')).map(([, id]) => id);
  const groups = (await getComposition(db, { all: true }, eventId)).groups;
  let rank = 0;
  for (const group of groups) {
    const leaf = !groups.some((g) => g.parentId === group.id);
    if (!leaf) continue;
    const seats =
      demoSeats(group.title)?.map(([key, quota]) => ({ unitId: keys.get(key)!, quota })) ??
      (group.perUnit ? districts.map((unitId) => ({ unitId, quota: group.perUnit! })) : []);
    const byDistrict = /xã|chủ thể/i.test(group.title);
    await updateGroup(db, SYSTEM_ACTOR, eventId, group.id, {
      protocolRank: ++rank,
      inviter: byDistrict ? 'district' : 'host',
    });
    await setSeats(db, SYSTEM_ACTOR, eventId, group.id, { seats });
  }

  const person = demoPeople(2020);
  const people: (NewDelegate & { status: DelegateStatus })[] = [];
  const composition = await getComposition(db, { all: true }, eventId);
  const unitsById = await findUnitsByIds(
    db,
    composition.groups.flatMap((g) => g.seats.map((s) => s.unitId)),
  );
  const hoangHoa = keys.get('district-399');
  for (const group of composition.groups) {
    for (const seat of group.seats) {
      const unit = unitsById.get(seat.unitId)!;
      const positions = positionsFor(unit.kind, unit.name);
      for (let i = 0; i < seat.quota; i++) {
        // Two of Hoằng Hóa's three leaders cannot come: their seats are open for the demo officer to fill.
        const declined = seat.unitId === hoangHoa && i > 0;
        const p: DemoPerson = person(positions[i % positions.length]!, { declined });
        people.push({
          groupId: group.id,
          unitId: seat.unitId,
          organization:
            unit.kind === 'district' ? `${unit.name.replace(/^Huyện /, 'UBND huyện ')}` : unit.name,
          honorific:
            unit.kind === 'central_agency' || unit.kind === 'provincial_leadership' ? 'dong_chi' : null,
          fullName: p.fullName,
          position: p.position,
          phone: p.phone,
          email: null,
          gender: p.gender,
          protocolRank: null,
          notes: null,
          status: p.status,
        });
      }
    }
  }
  await insertSampleDelegates(db, eventId, people);
  return keys;
}

/**
 * The chair is the People's Committee's highest-ranked leader coming (the committee hosts the conference); the
 * presidium adds the next provincial leader and the head of the central guests.
 */
async function seedDemoPresidium(db: Db, eventId: string): Promise<void> {
  const coming = await db
    .selectFrom('delegates as d')
    .innerJoin('units as u', 'u.id', 'd.unit_id')
    .select(['d.id', 'd.position', 'u.kind'])
    .where('d.event_id', '=', eventId)
    .where('u.kind', 'in', ['provincial_leadership', 'central_agency'])
    .where('d.status', 'not in', ['declined', 'replaced'])
    .orderBy('d.protocol_key')
    .execute();
  const host = coming.find((d) => d.kind === 'provincial_leadership' && d.position?.includes('UBND tỉnh'));
  if (!host) return;
  const next = coming.find((d) => d.kind === 'provincial_leadership' && d.id !== host.id);
  const guest = coming.find((d) => d.kind === 'central_agency');
  await setPresidium(
    db,
    SYSTEM_ACTOR,
    eventId,
    {
      items: [
        { delegateId: host.id, role: 'chair' },
        ...[next, guest].filter((d) => !!d).map((d) => ({ delegateId: d.id, role: 'member' as const })),
      ],
    },
    (trx, ids) => findDelegateIdsInEvent(trx, eventId, ids),
  );
}

/**
 * The product register (DOMAIN.md's real products and marked samples) and the ceremony laid out: batches of ten
 * producers by district, each awarded by one of the provincial leaders attending.
 */
async function seedDemoProducts(db: Db, eventId: string, keys: Map<string, string>): Promise<void> {
  for (const p of demoProducts()) {
    await createProduct(
      db,
      SYSTEM_ACTOR,
      {
        ...p.input,
        producerId: keys.get(p.producerKey)!,
        communeId: p.communeKey ? (keys.get(p.communeKey) ?? null) : null,
      },
      { isSample: p.isSample },
    );
  }
  const leaders = await db
    .selectFrom('delegates as d')
    .innerJoin('units as u', 'u.id', 'd.unit_id')
    .select('d.id')
    .where('d.event_id', '=', eventId)
    .where('u.kind', '=', 'provincial_leadership')
    .where('d.status', 'in', ['invited', 'confirmed'])
    .orderBy('d.protocol_key')
    .execute();
  await planAwards(db, SYSTEM_ACTOR, eventId, {
    batchSize: 10,
    order: 'district',
    fromYear: 2018,
    toYear: 2020,
    presenterDelegateIds: leaders.map((l) => l.id),
  });
}
