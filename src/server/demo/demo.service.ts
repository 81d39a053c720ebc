import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EventRole } from '../../shared/auth';
import { vietnamLocalToInstant } from '../../shared/format';
import { draftToContents, draftToEvent } from '../../shared/plan-mapping';
import { SYSTEM_ACTOR } from '../auth/actor';
import type { Db } from '../db/database';
import { changeEventStatus, findEventsForActor, setMember } from '../events/events.service';
import { PROJECT_ROOT } from '../paths';
import { createEventFromPlan } from '../plans/plan-contents.service';
import { parsePlanText } from '../plans/plans.service';
import { createUnit, findAllUnits, matchUnitNames } from '../units/units.service';
import { createUser, findUserByUsername, hasAnyUser, hashPassword } from '../users/users.service';
import { THANH_HOA_UNITS } from './thanh-hoa-units';

/** The seed plan, shipped as demo data; the demo event is built by parsing it. */
export const DEMO_PLAN_TEXT = readFileSync(
  join(PROJECT_ROOT, 'src/server/demo/ke-hoach-hoi-nghi-ocop-thanh-hoa-2020.txt'),
  'utf8',
);

export const DEMO_PASSWORD = 'hoinghi2020';

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
  return true;
}
