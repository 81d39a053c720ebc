import {
  DELEGATE_IMPORT_FIELDS,
  type DelegateImportField,
  type DelegateImportInput,
  type DelegateImportIssue,
  type DelegateImportPreview,
  type DelegateImportResult,
  type Gender,
  type Honorific,
  type ImportRow,
  personNameProblem,
} from '../../shared/delegates';
import { MAX_EMAIL, MAX_IMPORT_ROWS, MAX_NAME, MAX_TEXT } from '../../shared/limits';
import { normalizePhone } from '../../shared/phone';
import { cleanText, foldVietnamese } from '../../shared/text';
import { recordAudit } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import type { Db, Executor } from '../db/database';
import {
  type ColumnSpec,
  pickSheet,
  readTable,
  readTableFile,
  wholeFileRefused,
} from '../documents/table-import';
import { AppError, forbidden } from '../errors';
import { loadRanker } from '../protocol/protocol.service';
import { findUnitsByIds, unitMatchKey } from '../units/units.service';
import { countFill, findGroupRows, findSeatRows, lockSeats } from './composition.repository';
import { inScope, OUT_OF_SCOPE, type Scope } from './delegates.policy';
import { findIdentityKeys, insertDelegateRows } from './delegates.repository';
import { buildDelegateRows, identityKey, type NewDelegate } from './delegates.rows';
import { assertEventOpen } from './delegates.service';

export const DELEGATE_COLUMNS: ColumnSpec<DelegateImportField>[] = [
  { key: 'honorific', label: 'Danh xưng', headers: ['Danh xưng', 'Xưng hô', 'Ông/Bà', 'Ông/ Bà', 'Ông, Bà'] },
  {
    key: 'fullName',
    label: 'Họ và tên',
    headers: ['Họ và tên', 'Họ tên', 'Tên đại biểu', 'Họ và tên đại biểu', 'Họ, tên', 'Đại biểu', 'Tên'],
    required: true,
  },
  { key: 'gender', label: 'Giới tính', headers: ['Giới tính', 'Nam/Nữ', 'Giới'] },
  { key: 'position', label: 'Chức vụ', headers: ['Chức vụ', 'Chức danh', 'Chức vụ công tác'] },
  {
    key: 'organization',
    label: 'Đơn vị',
    headers: [
      'Đơn vị',
      'Cơ quan',
      'Cơ quan, đơn vị',
      'Đơn vị công tác',
      'Nơi công tác',
      'Cơ quan công tác',
      'Đơn vị cử',
    ],
  },
  {
    key: 'group',
    label: 'Thành phần',
    headers: ['Thành phần', 'Nhóm', 'Nhóm đại biểu', 'Thành phần đại biểu'],
  },
  {
    key: 'phone',
    label: 'Số điện thoại',
    headers: ['Số điện thoại', 'SĐT', 'Điện thoại', 'Số ĐT', 'ĐT', 'Di động', 'Điện thoại di động', 'ĐTDĐ'],
  },
  { key: 'email', label: 'Email', headers: ['Email', 'E-mail', 'Thư điện tử', 'Địa chỉ email'] },
  { key: 'notes', label: 'Ghi chú', headers: ['Ghi chú'] },
];

const LABEL: Record<DelegateImportField | 'unit', string> = {
  ...(Object.fromEntries(DELEGATE_COLUMNS.map((c) => [c.key, c.label])) as Record<
    DelegateImportField,
    string
  >),
  unit: 'Đơn vị',
};

const HONORIFIC_BY_FOLDED: Record<string, Honorific | null> = {
  ong: 'ong',
  ba: 'ba',
  'dong chi': 'dong_chi',
  'd/c': 'dong_chi',
  'đ/c': 'dong_chi',
  dc: 'dong_chi',
  'ong/ba': null,
  'ong, ba': null,
};
const GENDER_BY_FOLDED: Record<string, Gender> = { nam: 'male', nu: 'female' };
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/;
const EXCEL_ERROR = /^#(N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|SPILL!|CALC!)/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

interface PlannedRow {
  row: number;
  delegate: NewDelegate;
  seat: string | null;
  groupTitle: string | null;
  unitName: string | null;
  unitNames: string[];
  group: { protocol_rank: number | null; position: number } | null;
}

interface Checked {
  errors: DelegateImportIssue[];
  planned: PlannedRow[];
}

/** What the check needs from the database, read once per import. */
async function loadContext(db: Executor, scope: Scope, eventId: string) {
  const [groups, seats, fill, existing] = await Promise.all([
    findGroupRows(db, eventId),
    findSeatRows(db, eventId),
    countFill(db, eventId),
    findIdentityKeys(db, eventId),
  ]);
  const seatUnits = await findUnitsByIds(
    db,
    seats.map((s) => s.unit_id),
  );
  return { scope, groups, seats, fill, existing, seatUnits };
}
type Context = Awaited<ReturnType<typeof loadContext>>;

/**
 * Checks every row against the names, the catalogue, the quotas and the delegates already registered; nothing
 * is written. Each problem names its row and column.
 */
function checkRows(
  ctx: Context,
  rows: ImportRow[],
  defaults: { groupId: string | null; unitId: string | null },
): Checked {
  const errors: DelegateImportIssue[] = [];
  const planned: PlannedRow[] = [];
  const { scope } = ctx;

  const visibleSeats = ctx.seats.filter((s) => inScope(scope, s.unit_id));
  const groups = scope.all
    ? ctx.groups
    : ctx.groups.filter((g) => visibleSeats.some((s) => s.group_id === g.id));
  const groupByTitle = new Map(groups.map((g) => [foldVietnamese(g.title), g]));
  const seatsOf = new Map<string, typeof ctx.seats>();
  for (const s of ctx.seats) seatsOf.set(s.group_id, [...(seatsOf.get(s.group_id) ?? []), s]);
  const quota = new Map(ctx.seats.map((s) => [`${s.group_id}|${s.unit_id}`, s.quota]));
  const taken = new Map<string, number>();
  for (const f of ctx.fill) taken.set(`${f.group_id}|${f.unit_id}`, f.filled);
  const byIdentity = new Map(
    ctx.existing.map((e) => [e.identity_key, `"${e.full_name}" đã có trong danh sách`]),
  );
  const byPhone = new Map(
    ctx.existing.filter((e) => e.phone).map((e) => [e.phone!, `đã có ở đại biểu "${e.full_name}"`]),
  );
  const defaultGroup = defaults.groupId ? groups.find((g) => g.id === defaults.groupId) : undefined;
  if (defaults.groupId && !defaultGroup) {
    throw new AppError(
      'IMPORT_FAILED',
      'Nhóm thành phần đã chọn không thuộc hội nghị này hoặc ngoài phạm vi của bạn',
    );
  }
  if (defaults.unitId && !inScope(scope, defaults.unitId)) throw forbidden(OUT_OF_SCOPE);

  // Units a row can be sent by: those with a seat in the event, within the actor's scope.
  const unitKeyed = [...ctx.seatUnits.values()]
    .filter((u) => inScope(scope, u.id))
    .map((u) => ({
      unit: u,
      keys: [unitMatchKey(u.name), unitMatchKey(u.shortName)],
    }));

  for (const { rowNumber, values } of rows) {
    const before = errors.length;
    const fail = (field: DelegateImportField | 'unit', message: string) =>
      errors.push({ row: rowNumber, field, column: LABEL[field], message });
    const text: Partial<Record<DelegateImportField, string>> = {};
    for (const field of DELEGATE_IMPORT_FIELDS) {
      const raw = (values[field] ?? '').normalize('NFC').trim();
      if (raw.startsWith('='))
        fail(field, 'Ô chứa công thức; hãy dán giá trị (Paste Values) thay cho công thức');
      else if (EXCEL_ERROR.test(raw)) fail(field, `Ô có lỗi Excel ${raw}`);
      else if (CONTROL_CHARS.test(raw.replace(/[\n\r\t]/g, ' ')))
        fail(field, 'Có ký tự điều khiển không hợp lệ');
      else text[field] = cleanText(raw);
    }

    const fullName = text.fullName ?? '';
    if (text.fullName !== undefined) {
      if (!fullName) fail('fullName', 'Thiếu họ tên');
      else if (fullName.length > MAX_NAME) fail('fullName', `Họ tên dài quá ${MAX_NAME} ký tự`);
      else {
        const problem = personNameProblem(fullName);
        if (problem) fail('fullName', problem);
      }
    }

    let honorific: Honorific | null = null;
    if (text.honorific) {
      const h = HONORIFIC_BY_FOLDED[foldVietnamese(text.honorific)];
      if (h === undefined) fail('honorific', `"${text.honorific}" không phải danh xưng (Ông, Bà, Đồng chí)`);
      else honorific = h;
    }
    let gender: Gender | null = null;
    if (text.gender) {
      const g = GENDER_BY_FOLDED[foldVietnamese(text.gender)];
      if (!g) fail('gender', `"${text.gender}" không phải giới tính (Nam, Nữ)`);
      else gender = g;
    }
    for (const field of ['position', 'organization'] as const) {
      if ((text[field]?.length ?? 0) > MAX_NAME) fail(field, `Dài quá ${MAX_NAME} ký tự`);
    }
    if ((text.notes?.length ?? 0) > MAX_TEXT) fail('notes', `Dài quá ${MAX_TEXT} ký tự`);
    let phone: string | null = null;
    if (text.phone) {
      const result = normalizePhone(text.phone);
      if ('problem' in result) fail('phone', result.problem);
      else phone = result.phone;
    }
    const email = text.email ? text.email.toLowerCase() : null;
    if (email && (!EMAIL.test(email) || email.length > MAX_EMAIL)) fail('email', 'Email không hợp lệ');

    // Where the person goes: the group named in the row, else the one chosen for the file.
    let group = defaultGroup;
    if (text.group) {
      const folded = foldVietnamese(text.group);
      group =
        groupByTitle.get(folded) ??
        (() => {
          const found = groups.filter((g) => foldVietnamese(g.title).includes(folded));
          return found.length === 1 ? found[0] : undefined;
        })();
      if (!group) fail('group', `Không có nhóm thành phần "${text.group}" trong hội nghị`);
    } else if (!group && groups.length === 1 && !scope.all) group = groups[0];
    else if (!group) fail('group', 'Chưa chọn thành phần: chọn nhóm cho cả tệp hoặc thêm cột "Thành phần"');

    // Who sends them: the unit chosen for the file, else the unit the organization column names.
    const groupSeats = group ? (seatsOf.get(group.id) ?? []) : [];
    let unitId: string | null = defaults.unitId;
    if (!unitId && text.organization) {
      // Named units first, then a unit whose name the text contains ("Phòng NN huyện Hoằng Hóa"); where several
      // fit, the one with a seat in this group.
      const key = unitMatchKey(text.organization);
      const inGroup = (u: { unit: { id: string } }) => groupSeats.some((s) => s.unit_id === u.unit.id);
      const exact = unitKeyed.filter((u) => u.keys.includes(key));
      const within = unitKeyed.filter((u) => u.keys.some((k) => k.length > 3 && key.includes(k)));
      const pick = (found: typeof unitKeyed) =>
        found.length === 1
          ? found[0]
          : found.filter(inGroup).length === 1
            ? found.filter(inGroup)[0]
            : undefined;
      unitId = (pick(exact) ?? pick(within))?.unit.id ?? null;
    }
    if (!unitId && !scope.all) {
      unitId = scope.unitId;
      if (groupSeats.length && !groupSeats.some((s) => s.unit_id === unitId) && text.organization) {
        fail('organization', `Không xác định được đơn vị cử "${text.organization}" trong các đơn vị của bạn`);
        continue;
      }
    }
    if (!unitId && group && groupSeats.length) {
      fail(
        'organization',
        text.organization
          ? `Không tìm thấy đơn vị "${text.organization}" trong các đơn vị có chỉ tiêu của nhóm "${group.title}"`
          : `Thiếu đơn vị: nhóm "${group.title}" chia chỉ tiêu theo đơn vị`,
      );
    }
    if (unitId && !inScope(scope, unitId)) fail('organization', 'Đơn vị ngoài phạm vi của bạn');

    // The seat: the group must draw from that unit; the quota counts rows that are otherwise valid.
    let seat: string | null = null;
    if (group && unitId) {
      const key = `${group.id}|${unitId}`;
      const unitName = ctx.seatUnits.get(unitId)?.name ?? 'Đơn vị';
      if (!quota.has(key)) {
        if (groupSeats.length || !scope.all) {
          fail('organization', `${unitName} không có chỉ tiêu trong nhóm "${group.title}"`);
        }
      } else if (errors.length === before) {
        if ((taken.get(key) ?? 0) + 1 > quota.get(key)!) {
          fail(
            'fullName',
            `Vượt chỉ tiêu: ${unitName} có ${quota.get(key)} chỗ trong nhóm "${group.title}" và đã kín`,
          );
        } else seat = key;
      }
    }

    const identity = identityKey(fullName, unitId, text.organization || null);
    if (fullName && errors.length === before) {
      const seenIdentity = byIdentity.get(identity);
      if (seenIdentity) fail('fullName', `Trùng họ tên và đơn vị: ${seenIdentity}`);
      const seenPhone = phone ? byPhone.get(phone) : undefined;
      if (seenPhone) fail('phone', `Số điện thoại ${seenPhone}`);
    }
    if (errors.length > before) continue;

    if (seat) taken.set(seat, (taken.get(seat) ?? 0) + 1);
    byIdentity.set(identity, `trùng với dòng ${rowNumber}`);
    if (phone) byPhone.set(phone, `trùng với dòng ${rowNumber}`);
    const unit = unitId ? ctx.seatUnits.get(unitId) : undefined;
    planned.push({
      row: rowNumber,
      seat,
      groupTitle: group?.title ?? null,
      unitName: unit?.name ?? null,
      unitNames: unit ? [unit.name, unit.shortName] : [],
      group: group ?? null,
      delegate: {
        groupId: group?.id ?? null,
        unitId,
        organization: text.organization || unit?.name || null,
        honorific,
        fullName,
        position: text.position || null,
        phone,
        email,
        gender,
        protocolRank: null,
        notes: text.notes || null,
      },
    });
  }
  errors.sort((a, b) => a.row - b.row);
  return {
    errors,
    planned,
  };
}

/**
 * Reads an uploaded list (.xlsx or .csv) into rows and checks them, writing nothing: the preview the user
 * corrects before committing.
 */
export async function previewDelegateImport(
  db: Executor,
  scope: Scope,
  eventId: string,
  buffer: Buffer,
  options: { sheet?: string | undefined; groupId?: string | undefined; unitId?: string | undefined },
): Promise<DelegateImportPreview> {
  const file = await readTableFile(buffer);
  const grid = pickSheet(file, DELEGATE_COLUMNS, options.sheet);
  const table = readTable(grid, DELEGATE_COLUMNS, { maxRows: MAX_IMPORT_ROWS });
  const rows: ImportRow[] = table.map((r) => ({
    rowNumber: r.rowNumber,
    values: Object.fromEntries(
      Object.entries(r.values).map(([k, cell]) => [k, 'text' in cell! ? cell.text : cell!.raw]),
    ),
  }));
  const ctx = await loadContext(db, scope, eventId);
  const checked = checkRows(ctx, rows, { groupId: options.groupId ?? null, unitId: options.unitId ?? null });
  const columns = Object.fromEntries(
    DELEGATE_COLUMNS.filter((c) => table.some((r) => r.values[c.key] !== undefined)).map((c) => [
      c.key,
      c.label,
    ]),
  );
  return {
    format: file.format,
    sheets: file.sheets.map((s) => s.name),
    sheet: grid.name,
    columns,
    rows,
    ...summary(checked, rows.length, true),
  };
}

function summary(checked: Checked, totalRows: number, dryRun: boolean): DelegateImportResult {
  return {
    dryRun,
    totalRows,
    validRows: checked.planned.length,
    created: dryRun ? 0 : checked.planned.length,
    resolved: checked.planned.map((p) => ({ row: p.row, groupTitle: p.groupTitle, unitName: p.unitName })),
    errors: checked.errors,
  };
}

/**
 * Checks the rows (as read from the file, possibly corrected in the preview) and commits them: all or nothing,
 * unless the user chose the valid rows only. The actor's seats are locked first and the rows checked under the
 * locks, so a quota holds even when another officer is registering at the same moment.
 */
export async function importDelegates(
  db: Db,
  actor: Actor,
  scope: Scope,
  eventId: string,
  input: DelegateImportInput,
): Promise<DelegateImportResult> {
  const defaults = { groupId: input.groupId ?? null, unitId: input.unitId ?? null };
  if (input.dryRun) {
    return summary(
      checkRows(await loadContext(db, scope, eventId), input.rows, defaults),
      input.rows.length,
      true,
    );
  }

  return db.transaction().execute(async (trx) => {
    await assertEventOpen(trx, eventId);
    await lockSeats(trx, eventId, scope);
    const checked = checkRows(await loadContext(trx, scope, eventId), input.rows, defaults);
    const _badRows = new Set(checked.errors.map((e) => e.row));
    if (checked.errors.length && input.mode === 'all_or_nothing') {
      throw wholeFileRefused('Danh sách', checked.errors);
    }
    if (checked.planned.length === 0) {
      throw new AppError('IMPORT_FAILED', 'Không có dòng hợp lệ nào để nhập', []);
    }
    const ranker = await loadRanker(
      trx,
      eventId,
      checked.planned.map((p) => p.delegate.unitId),
    );
    const rows = [];
    const terms = [];
    for (const p of checked.planned) {
      const built = buildDelegateRows(eventId, actor, p.delegate, {
        status: 'draft',
        group: p.group,
        rank: ranker.rank(p.delegate.position, p.delegate.unitId),
        unitNames: p.unitNames,
      });
      rows.push(built.row);
      for (const term of built.terms) terms.push({ event_id: eventId, term, delegate_id: built.row.id });
    }
    await insertDelegateRows(trx, rows, terms);
    await recordAudit(trx, actor, {
      eventId,
      entity: 'delegate',
      entityId: null,
      action: 'import',
      after: {
        rows: input.rows.length,
        created: rows.map((r) => ({
          id: r.id,
          fullName: r.full_name,
          unitId: r.unit_id,
          groupId: r.group_id,
        })),
        skipped: checked.errors,
      },
    });
    return summary(checked, input.rows.length, false);
  });
}
