import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EventRole } from '../../shared/auth';
import { vietnamLocalToInstant } from '../../shared/format';
import { SYSTEM_ACTOR } from '../auth/actor';
import type { Db } from '../db/database';
import { changeEventStatus, createEvent, findEventsForActor, setMember } from '../events/events.service';
import { PROJECT_ROOT } from '../paths';
import { createUnit, findAllUnits } from '../units/units.service';
import { createUser, findUserByUsername, hasAnyUser, hashPassword } from '../users/users.service';
import { THANH_HOA_UNITS } from './thanh-hoa-units';

/** The seed plan, shipped as demo data; the plan parser builds the demo event from it once it exists. */
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

/** Loads the demo conference into a database that has no event yet. Returns false when there was one. */
export async function seedDemo(db: Db): Promise<boolean> {
  if ((await findEventsForActor(db, SYSTEM_ACTOR)).length > 0) return false;
  const units = await seedCatalogue(db);
  const unit = (key: string) => units.get(key) ?? null;
  const partner = (key: string | null, name: string) => ({ unitId: key ? unit(key) : null, name });

  const event = await createEvent(
    db,
    SYSTEM_ACTOR,
    {
      name: 'Hội nghị tổng kết, đánh giá Chương trình mỗi xã một sản phẩm (OCOP) giai đoạn 2018 - 2020, tỉnh Thanh Hóa',
      planNumber: '/KH-UBND',
      planDate: null,
      planIssuer: 'UBND tỉnh Thanh Hóa',
      planSignerAuthority: 'KT. CHỦ TỊCH',
      planSignerTitle: 'PHÓ CHỦ TỊCH',
      planSignerName: 'Nguyễn Đức Quyền',
      hostUnitId: unit('ubnd'),
      leadUnitId: unit('vpdp'),
      partners: [
        partner('so-tc', 'Sở Tài chính'),
        partner('so-tnmt', 'Sở Tài nguyên và Môi trường'),
        partner('so-vhttdl', 'Sở Văn hóa, Thể thao và Du lịch'),
        partner('so-ct', 'Sở Công thương'),
        partner('so-yt', 'Sở Y tế'),
        partner('so-khcn', 'Sở Khoa học và Công nghệ'),
        partner('so-nn', 'Sở Nông nghiệp và PTNT'),
        partner(null, 'UBND huyện, thị xã, thành phố'),
        partner('dai-ptth', 'Đài Phát thanh và Truyền hình tỉnh'),
        partner('bao-th', 'Báo Thanh Hóa'),
        partner(null, 'Các đơn vị khác có liên quan'),
      ],
      startsAt: vietnamLocalToInstant('2020-11-27', '08:00'),
      endsAt: vietnamLocalToInstant('2020-11-27', '11:30'),
      timeText: '1/2 ngày, dự kiến cuối tháng 11 năm 2020',
      venueName: 'Hội trường 25B',
      venueAddress: 'Thành phố Thanh Hóa',
      capacity: null,
      expectedAttendees: 300,
      fundingSource:
        'Văn phòng Điều phối nông thôn mới tỉnh căn cứ Quyết định số 1726/QĐ-UBND ngày 18/5/2020 của UBND tỉnh Thanh Hóa về việc giao dự toán kinh phí thực hiện Chương trình mỗi xã một sản phẩm (OCOP) năm 2020, tỉnh Thanh Hóa để tổ chức thực hiện.',
      notes:
        'Kế hoạch chỉ ghi "dự kiến cuối tháng 11 năm 2020"; ngày 27/11/2020, 8h00 - 11h30 được chọn cho bản demo.',
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
