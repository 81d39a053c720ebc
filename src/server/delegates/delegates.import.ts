import {
  DELEGATE_IMPORT_FIELDS,
  type DelegateImportField,
  type DelegateImportInput,
  type DelegateImportIssue,
  type DelegateImportPreview,
  type DelegateImportResult,
  type Gender,
  type Honorific,
  type ImportNewUnit,
  type ImportNewUnitKind,
  type ImportRow,
  personNameProblem,
} from '../../shared/delegates';
import { MAX_EMAIL, MAX_IMPORT_ROWS, MAX_NAME, MAX_SHORT_NAME, MAX_TEXT } from '../../shared/limits';
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
import { createUnitIn, findAllUnits, findUnitsByIds, unitMatchKey } from '../units/units.service';
import { countFill, findGroupRows, findSeatRows, lockSeats, moveSeatQuota } from './composition.repository';
import { guessNewUnitKind, matchGroups, newUnitNames } from './delegates.import-match';
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

/** A seat place a new unit takes from a free place of the officer's own in the same group. */
interface SeatMove {
  groupId: string;
  from: string;
  to: string;
}

interface Checked {
  errors: DelegateImportIssue[];
  planned: PlannedRow[];
  moves: SeatMove[];
}

/** A unit the officer chose to add from the file: virtual (`new-unit:…`) in a dry run, created on commit. */
interface AddedUnit {
  id: string;
  key: string;
  name: string;
  shortName: string;
  kind: ImportNewUnitKind;
}

const KIND_LABEL: Record<ImportNewUnitKind, string> = { commune: 'xã', producer: 'chủ thể' };

/** What the check needs from the database, read once per import. */
async function loadContext(db: Executor, scope: Scope, eventId: string, added: AddedUnit[] = []) {
  const [groups, seats, fill, existing, catalogue] = await Promise.all([
    findGroupRows(db, eventId),
    findSeatRows(db, eventId),
    countFill(db, eventId),
    findIdentityKeys(db, eventId),
    scope.all ? Promise.resolve([]) : findAllUnits(db),
  ]);
  const seatUnits = await findUnitsByIds(db, [
    ...seats.map((s) => s.unit_id),
    ...(!scope.all && scope.unitId ? [scope.unitId] : []),
  ]);
  // Names the catalogue already holds: such a unit is never offered as new (it may sit in another district).
  const catalogueKeys = new Set(catalogue.flatMap((u) => [unitMatchKey(u.name), unitMatchKey(u.shortName)]));
  const parentName = !scope.all && scope.unitId ? (seatUnits.get(scope.unitId)?.name ?? null) : null;
  const withAdded: Scope = scope.all
    ? scope
    : { ...scope, unitIds: new Set([...scope.unitIds, ...added.map((a) => a.id)]) };
  return { scope: withAdded, groups, seats, fill, existing, seatUnits, catalogueKeys, parentName, added };
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
  const seated = new Set(ctx.seats.map((s) => s.unit_id));
  const unitKeyed = [...ctx.seatUnits.values()]
    .filter((u) => seated.has(u.id) && inScope(scope, u.id))
    .map((u) => ({
      unit: u,
      keys: [unitMatchKey(u.name), unitMatchKey(u.shortName)],
    }));

  const moves: SeatMove[] = [];
  const addedByKey = new Map(ctx.added.map((a) => [a.key, a]));
  const addedById = new Map(ctx.added.map((a) => [a.id, a]));
  const addedIds = new Set(addedById.keys());
  const unitNameOf = (id: string) => ctx.seatUnits.get(id)?.name ?? addedById.get(id)?.name ?? 'Đơn vị';
  // A commune or producer the catalogue lacks, offered to a district officer to add under their district.
  const newUnitOffer = (organization: string) => {
    const kind = guessNewUnitKind(organization);
    if (!kind || scope.all || !scope.unitId || !ctx.parentName) return null;
    const names = newUnitNames(organization, kind);
    if (ctx.catalogueKeys.has(unitMatchKey(organization)) || ctx.catalogueKeys.has(unitMatchKey(names.name)))
      return null;
    return { name: organization, kind, unitName: names.name, parentName: ctx.parentName };
  };

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

    // Where the person goes: the group named in the row (as people shorten it), else the one chosen for the file.
    let group = defaultGroup;
    if (text.group) {
      const found = matchGroups(text.group, groups);
      group = found.length === 1 ? found[0] : undefined;
      if (found.length > 1) {
        errors.push({
          row: rowNumber,
          field: 'group',
          column: LABEL.group,
          message: `"${text.group}" khớp với ${found.length} nhóm thành phần; hãy chọn một`,
          choices: found.map((g) => ({ id: g.id, title: g.title })),
        });
      } else if (!group) fail('group', `Không có nhóm thành phần "${text.group}" trong hội nghị`);
    } else if (!group && groups.length === 1 && !scope.all) group = groups[0];
    else if (!group) fail('group', 'Chưa chọn thành phần: chọn nhóm cho cả tệp hoặc thêm cột "Thành phần"');

    // Who sends them: the unit chosen for the file, a unit the officer added from this file, else the unit the
    // organization column names.
    const groupSeats = group ? (seatsOf.get(group.id) ?? []) : [];
    let unitId: string | null = defaults.unitId;
    if (!unitId && text.organization) unitId = addedByKey.get(unitMatchKey(text.organization))?.id ?? null;
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
      // A name merely containing a unit's points at it only when it names the same kind of unit: "Công ty Nông
      // sản Hoằng Hóa" is not the district it is named after.
      const kind = guessNewUnitKind(text.organization);
      const sameKind = kind ? within.filter((u) => u.unit.kind === kind) : within;
      unitId = (pick(exact) ?? pick(sameKind))?.unit.id ?? null;
    }
    if (!unitId && !scope.all) {
      unitId = scope.unitId;
      if (groupSeats.length && !groupSeats.some((s) => s.unit_id === unitId) && text.organization) {
        const offer = newUnitOffer(text.organization);
        if (offer) {
          errors.push({
            row: rowNumber,
            field: 'organization',
            column: LABEL.organization,
            message: `Chưa có "${text.organization}" trong danh mục đơn vị; có thể thêm ${KIND_LABEL[offer.kind]} "${offer.unitName}" thuộc ${offer.parentName}`,
            newUnit: offer,
          });
        } else {
          fail(
            'organization',
            `Không xác định được đơn vị cử "${text.organization}" trong các đơn vị của bạn`,
          );
        }
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

    const seatKey = group && unitId ? `${group.id}|${unitId}` : null;
    const unitName = unitId ? unitNameOf(unitId) : 'Đơn vị';
    const isNew = unitId !== null && addedIds.has(unitId);
    if (group && seatKey && !quota.has(seatKey) && !isNew && (groupSeats.length || !scope.all)) {
      fail('organization', `${unitName} không có chỉ tiêu trong nhóm "${group.title}"`);
    }

    // The real cause first: a person already listed is a duplicate, whatever the quota says.
    const identity = identityKey(fullName, unitId, text.organization || null);
    if (fullName && errors.length === before) {
      const seenIdentity = byIdentity.get(identity);
      if (seenIdentity) fail('fullName', `Trùng họ tên và đơn vị: ${seenIdentity}`);
      const seenPhone = phone ? byPhone.get(phone) : undefined;
      if (seenPhone) fail('phone', `Số điện thoại ${seenPhone}`);
    }

    // The seat: the quota counts rows that are otherwise valid. A unit added from this file takes a free place
    // of the officer's own seats in the group, so the group's total stays what the organizer planned.
    let seat: string | null = null;
    if (group && seatKey && errors.length === before) {
      if (isNew && (taken.get(seatKey) ?? 0) + 1 > (quota.get(seatKey) ?? 0)) {
        const lender = groupSeats.find(
          (s) =>
            inScope(scope, s.unit_id) &&
            !addedIds.has(s.unit_id) &&
            (taken.get(`${group.id}|${s.unit_id}`) ?? 0) < (quota.get(`${group.id}|${s.unit_id}`) ?? 0),
        );
        if (lender) {
          const lenderKey = `${group.id}|${lender.unit_id}`;
          quota.set(lenderKey, quota.get(lenderKey)! - 1);
          quota.set(seatKey, (quota.get(seatKey) ?? 0) + 1);
          moves.push({ groupId: group.id, from: lender.unit_id, to: unitId! });
        }
      }
      if (!quota.has(seatKey)) {
        if (isNew)
          fail('fullName', `Vượt chỉ tiêu: các đơn vị của bạn đã kín chỗ trong nhóm "${group.title}"`);
      } else if ((taken.get(seatKey) ?? 0) + 1 > quota.get(seatKey)!) {
        fail(
          'fullName',
          isNew
            ? `Vượt chỉ tiêu: các đơn vị của bạn đã kín chỗ trong nhóm "${group.title}"`
            : `Vượt chỉ tiêu: ${unitName} có ${quota.get(seatKey)} chỗ trong nhóm "${group.title}" và đã kín`,
        );
      } else seat = seatKey;
    }
    if (errors.length > before) continue;

    if (seat) taken.set(seat, (taken.get(seat) ?? 0) + 1);
    byIdentity.set(identity, `trùng với dòng ${rowNumber}`);
    if (phone) byPhone.set(phone, `trùng với dòng ${rowNumber}`);
    const unit = unitId ? ctx.seatUnits.get(unitId) : undefined;
    const addedUnit = unitId ? addedById.get(unitId) : undefined;
    planned.push({
      row: rowNumber,
      seat,
      groupTitle: group?.title ?? null,
      unitName: unit?.name ?? addedUnit?.name ?? null,
      unitNames: unit ? [unit.name, unit.shortName] : addedUnit ? [addedUnit.name, addedUnit.shortName] : [],
      group: group ?? null,
      delegate: {
        groupId: group?.id ?? null,
        unitId,
        organization: text.organization || unit?.name || addedUnit?.name || null,
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
  return { errors, planned, moves };
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
    createdUnits: [],
  };
}

/** The units the officer chose to add, as the check sees them: only communes and producers, named once. */
function addedUnits(input: ImportNewUnit[] | undefined, scope: Scope): AddedUnit[] {
  if (!input?.length) return [];
  if (scope.all || !scope.unitId) {
    throw new AppError(
      'IMPORT_FAILED',
      'Chỉ cán bộ đơn vị thêm được xã, chủ thể mới khi nhập danh sách; ban tổ chức thêm đơn vị ở Danh mục đơn vị',
    );
  }
  const byKey = new Map<string, AddedUnit>();
  for (const unit of input) {
    const key = unitMatchKey(unit.name);
    if (byKey.has(key)) continue;
    const names = newUnitNames(unit.name, unit.kind);
    byKey.set(key, { id: `new-unit:${key}`, key, kind: unit.kind, ...names });
  }
  return [...byKey.values()];
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
  const wanted = addedUnits(input.newUnits, scope);
  if (input.dryRun) {
    return summary(
      checkRows(await loadContext(db, scope, eventId, wanted), input.rows, defaults),
      input.rows.length,
      true,
    );
  }

  return db.transaction().execute(async (trx) => {
    await assertEventOpen(trx, eventId);
    await lockSeats(trx, eventId, scope);
    // Only the units some row still needs are added: the check against the virtual ones says which.
    const trial = checkRows(await loadContext(trx, scope, eventId, wanted), input.rows, defaults);
    const used = new Set(trial.planned.map((p) => p.delegate.unitId));
    const created: (AddedUnit & { unitId: string })[] = [];
    for (const unit of wanted.filter((w) => used.has(w.id))) {
      const row = await createUnitIn(trx, actor, {
        kind: unit.kind,
        name: unit.name,
        shortName: unit.shortName.slice(0, MAX_SHORT_NAME),
        parentId: !scope.all ? scope.unitId : null,
      });
      created.push({ ...unit, id: row.id, unitId: row.id });
    }
    const checked = checkRows(await loadContext(trx, scope, eventId, created), input.rows, defaults);
    if (checked.errors.length && input.mode === 'all_or_nothing') {
      throw wholeFileRefused('Danh sách', checked.errors);
    }
    if (checked.planned.length === 0) {
      throw new AppError('IMPORT_FAILED', 'Không có dòng hợp lệ nào để nhập', []);
    }
    await applySeatMoves(trx, actor, eventId, checked.moves);
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
    return {
      ...summary(checked, input.rows.length, false),
      createdUnits: created.map((c) => ({ id: c.id, name: c.name, kind: c.kind })),
    };
  });
}

/** The places new units took from the officer's free seats, written with the audit row the organizer reads. */
async function applySeatMoves(
  trx: Executor,
  actor: Actor,
  eventId: string,
  moves: SeatMove[],
): Promise<void> {
  const counted = new Map<string, SeatMove & { count: number }>();
  for (const m of moves) {
    const key = `${m.groupId}|${m.from}|${m.to}`;
    counted.set(key, { ...m, count: (counted.get(key)?.count ?? 0) + 1 });
  }
  for (const move of counted.values()) {
    const quotas = await moveSeatQuota(trx, eventId, move.groupId, move.from, move.to, move.count);
    await recordAudit(trx, actor, {
      eventId,
      entity: 'composition_seats',
      entityId: move.groupId,
      action: 'update',
      before: [{ unitId: move.from, quota: quotas.fromBefore }],
      after: [
        { unitId: move.from, quota: quotas.fromBefore - move.count },
        { unitId: move.to, quota: quotas.toAfter },
      ],
    });
  }
}
