import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventRole } from '../shared/auth';
import { DEMO_HALL } from '../shared/seating';
import { createAgreement, saveScan } from './agreements/agreements.service';
import { SYSTEM_ACTOR } from './auth/actor';
import { createBooth } from './booths/booths.service';
import { addReceipt, createBudgetLines } from './budget/budget.service';
import { issueBadgeTokens } from './checkin/badge-tokens.service';
import { checkIn } from './checkin/checkin.service';
import { autoAssignSeats } from './checkin/seating.service';
import { createGroup, setSeats } from './delegates/composition.service';
import { createDelegate } from './delegates/delegates.service';
import { XLSX_MEDIA_TYPE } from './http/types';
import { issueLetters } from './invitations/invitations.service';
import { startInvitationJob } from './invitations/jobs.service';
import { createMediaItem } from './media/media.service';
import { planAwards } from './ocop/awards.service';
import { addPhoto, createProduct, createGroup as createProductGroup } from './ocop/products.service';
import { reviewPaper, submitPaper } from './program/papers.service';
import { createProgramItem } from './program/program.service';
import { saveTitleRank } from './protocol/protocol.service';
import { issueReplyLink } from './replies/replies.service';
import { addTaskAttachment, createTask } from './tasks/tasks.service';
import { createTestContext, TEST_PASSWORD, TEST_PUBLIC_URL, type TestContext } from './test/harness';

/**
 * Every API route × every kind of caller. A route added without a row here fails the first test,
 * so no route ships without its authorization being proven. An allowed call is also read: nothing in the answer
 * may lie outside the caller's scope (no delegate or award recipient of another unit, nothing of another event).
 */
type Caller =
  | 'anonymous'
  | 'outsider'
  | 'admin'
  | 'organizer'
  | 'otherOrganizer'
  | 'officer'
  | 'otherOfficer'
  | 'checkin'
  | 'viewer';
const CALLERS: Caller[] = [
  'anonymous',
  'outsider',
  'admin',
  'organizer',
  'otherOrganizer',
  'officer',
  'otherOfficer',
  'checkin',
  'viewer',
];
const SIGNED_IN: Caller[] = CALLERS.filter((c) => c !== 'anonymous');
/** Organizing some event (not necessarily this one) is what these routes ask. */
const ORGANIZERS: Caller[] = ['organizer', 'otherOrganizer'];
const EVENT_ROLES: Caller[] = ['organizer', 'officer', 'otherOfficer', 'checkin', 'viewer'];

interface Cast {
  eventId: string;
  /** A group drawing from Hoằng Hóa (quota 50) and Nga Sơn (quota 50). */
  groupId: string;
  /** A delegate of Hoằng Hóa, registered fresh for each call. */
  delegate(): Promise<string>;
  /** A delegate of the given unit, registered fresh. */
  delegateOf(unitId: string): Promise<string>;
  /** Another event, organized by `otherOrganizer` alone: where they try the same call with this event's ids. */
  neighbour(): Promise<string>;
}
interface Request {
  url: string;
  payload?: object | Buffer;
  headers?: Record<string, string>;
}
interface Row {
  allowed: Caller[];
  /** Callers who pass authorization but get a known refusal after it (e.g. 409 "not configured"). */
  allowedStatus?: Partial<Record<Caller, number>>;
  /** The answer belongs to the credential sent (a password, a reply link), not to the session's caller. */
  answersForCredential?: true;
  /** Builds a fresh target for each call, so an allowed delete never disturbs the next caller. */
  request(cast: Cast): Promise<Request>;
}

let ctx: TestContext;
const users = {} as Record<Exclude<Caller, 'anonymous'>, { id: string; username: string }>;
const cookies = {} as Record<Caller, string | null>;
let hoangHoaId = '';
let ngaSonId = '';
let unitsXlsx: Buffer;
let productsXlsx: Buffer;
let producerId = '';
let ngaSonProducerId = '';
/** Each officer's reach: their district and the producers under it. */
const UNITS_OF = {} as Record<'officer' | 'otherOfficer', Set<string>>;
/** An event none of the cast belongs to (organized by `otherOrganizer`), full of people seated and awarded. */
let elsewhereId = '';

const ROLE_OF: Partial<Record<Caller, EventRole>> = {
  organizer: 'organizer',
  officer: 'unit_officer',
  otherOfficer: 'unit_officer',
  checkin: 'checkin',
  viewer: 'viewer',
};

/** A fresh event with the whole cast in their roles. */
async function castEvent(): Promise<Cast> {
  const event = await ctx.buildEvent();
  for (const caller of EVENT_ROLES) {
    const unitId = caller === 'officer' ? hoangHoaId : caller === 'otherOfficer' ? ngaSonId : null;
    await ctx.addMember(event.id, users[caller as keyof typeof users].id, ROLE_OF[caller]!, unitId);
  }
  const groupId = await createGroup(ctx.handle.db, SYSTEM_ACTOR, event.id, { title: 'Lãnh đạo huyện' });
  await setSeats(ctx.handle.db, SYSTEM_ACTOR, event.id, groupId, {
    seats: [
      { unitId: hoangHoaId, quota: 50 },
      { unitId: ngaSonId, quota: 50 },
    ],
  });
  const delegateOf = (unitId: string) => registerDelegate(event.id, groupId, unitId);
  const neighbour = async () => {
    const other = await ctx.buildEvent();
    await ctx.addMember(other.id, users.otherOrganizer.id, 'organizer');
    return other.id;
  };
  return { eventId: event.id, groupId, delegate: () => delegateOf(hoangHoaId), delegateOf, neighbour };
}

async function registerDelegate(eventId: string, groupId: string, unitId: string): Promise<string> {
  const letter = (from: string) => from[Math.floor(Math.random() * from.length)];
  const fullName = `Lê Văn ${letter('ABCDEGHIKLMNOPQRSTUVXY')}${letter('abcdeghiklmnopqrstuvxy')}${Math.random()
    .toString(36)
    .replace(/[^a-z]/g, '')
    .slice(0, 4)}`;
  return (
    await createDelegate(ctx.handle.db, SYSTEM_ACTOR, { all: true }, eventId, {
      groupId,
      unitId,
      fullName,
      // A leader's post, so automatic seating puts them in the reserved rows (placards are printed there).
      position: 'Phó Chủ tịch UBND huyện',
    })
  ).id;
}

const titleRankInput = () => ({
  rank: 455,
  level: null,
  titles: [
    `Trưởng đoàn ${Math.random()
      .toString(36)
      .replace(/[^a-z]/g, '')
      .slice(0, 5)}`,
  ],
  bodies: [],
  label: 'Trưởng đoàn',
  validFrom: null,
  validTo: null,
});
async function freshTitleRank(): Promise<string> {
  return (await saveTitleRank(ctx.handle.db, SYSTEM_ACTOR, null, titleRankInput(), async () => {})).id;
}

/** People of both districts, seated, and a ceremony calling up producers of both with a Nga Sơn presenter. */
async function seatAndAward(eventId: string, groupId: string) {
  await registerDelegate(eventId, groupId, hoangHoaId);
  const presenter = await registerDelegate(eventId, groupId, ngaSonId);
  await registerDelegate(eventId, groupId, ngaSonProducerId);
  await autoAssignSeats(ctx.handle.db, SYSTEM_ACTOR, eventId, true);
  await createProduct(ctx.handle.db, SYSTEM_ACTOR, { ...productInput(), producerId: ngaSonProducerId });
  await freshProduct();
  return planAwards(ctx.handle.db, SYSTEM_ACTOR, eventId, {
    batchSize: 60,
    order: 'district',
    presenterDelegateIds: [presenter],
  });
}

/** A program item whose speaker is a Nga Sơn delegate: a Hoằng Hóa officer reading the program must not see them. */
async function programItem(eventId: string, groupId: string): Promise<string> {
  const speaker = await registerDelegate(eventId, groupId, ngaSonId);
  return (
    await createProgramItem(ctx.handle.db, SYSTEM_ACTOR, eventId, {
      kind: 'speech',
      title: 'Huyện phát biểu',
      presenters: [{ delegateId: speaker }],
    })
  ).id;
}
const PDF_BYTES = Buffer.from('%PDF-1.4\n%tham luan\n');
/** A paper of Hoằng Hóa (accepted when asked), and one of Nga Sơn beside it. */
async function paperOf(eventId: string, accepted = false): Promise<string> {
  const send = (unitId: string) =>
    submitPaper(
      ctx.handle.db,
      SYSTEM_ACTOR,
      { all: true },
      eventId,
      { title: 'Tham luận', unitId },
      PDF_BYTES,
    );
  const paper = await send(hoangHoaId);
  await send(ngaSonId);
  if (accepted)
    await reviewPaper(ctx.handle.db, SYSTEM_ACTOR, eventId, paper.id, { status: 'accepted', comment: null });
  return paper.id;
}
const WATCHERS: Caller[] = ['admin', 'organizer', 'checkin', 'viewer'];

const freshUnit = async () => (await ctx.buildUnit()).id;
/** A finished batch of the event's letters, made directly (not over HTTP) and waited for. */
async function finishedJob(eventId: string, _delegateId: string): Promise<string> {
  const job = await startInvitationJob(
    ctx.handle.db,
    ctx.secretKey,
    SYSTEM_ACTOR,
    eventId,
    { format: 'pdf', audience: 'people' },
    async () => TEST_PUBLIC_URL,
    new Date(),
  );
  for (let i = 0; i < 400; i++) {
    const row = await ctx.handle.db
      .selectFrom('document_jobs')
      .select('status')
      .where('id', '=', job.id)
      .executeTakeFirstOrThrow();
    if (row.status !== 'running') break;
    await new Promise((r) => setTimeout(r, 10));
  }
  return job.id;
}
const GROUP_INPUT = { code: '7', name: 'Nhóm thử', framework: 'QĐ thử', validFrom: '2030-01-01' };
const PNG_1PX = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const productInput = () => ({
  name: `Mắm tôm ${Math.random().toString(36).slice(2, 7)}`,
  groupId: 'g1048-1',
  producerId: producerId,
  stars: 3,
  evaluationYear: 2020,
});
const freshProduct = async () => (await createProduct(ctx.handle.db, SYSTEM_ACTOR, productInput())).id;
async function productWithPhoto() {
  const productId = await freshProduct();
  const product = await addPhoto(ctx.handle.db, SYSTEM_ACTOR, productId, PNG_1PX);
  return { productId, photoId: product.photos[0]!.id };
}
async function plannedAwards(eventId: string) {
  await freshProduct();
  return planAwards(ctx.handle.db, SYSTEM_ACTOR, eventId, { batchSize: 60, order: 'district' });
}
/** A retailer (the buyer side of agreements), made once. */
let retailerId = '';
async function retailer(): Promise<string> {
  retailerId ||= (await ctx.buildUnit({ kind: 'retailer', name: 'Siêu thị thử nghiệm' })).id;
  return retailerId;
}
/** An agreement of Hoằng Hóa's producer with a retailer; each side names who signs (stand-ins, no delegate). */
async function freshAgreement(eventId: string): Promise<string> {
  return (
    await createAgreement(ctx.handle.db, SYSTEM_ACTOR, eventId, {
      kind: 'mou',
      title: 'Biên bản ghi nhớ thử nghiệm',
      valueVnd: 1_000_000,
      parties: [
        { unitId: producerId, role: 'seller', standInName: 'Người ký bên bán' },
        { unitId: await retailer(), role: 'buyer', standInName: 'Người ký bên mua' },
      ],
    })
  ).id;
}
let boothNumber = 0;
async function freshBooth(eventId: string): Promise<string> {
  return (await createBooth(ctx.handle.db, SYSTEM_ACTOR, eventId, { number: ++boothNumber, kind: 'ocop' }))
    .id;
}
const scanOf = (delegateId: string) => ({
  delegateId,
  clientId: `ma-tran-${Math.random().toString(36).slice(2, 12)}`,
  scannedAt: new Date().toISOString(),
  deviceId: 'may-kiem-thu',
});
const replyToken = async (eventId: string, delegateId: string) =>
  (await issueReplyLink(ctx.handle.db, ctx.secretKey, SYSTEM_ACTOR, { all: true }, eventId, delegateId))
    .token;
/** A delegate whose letter is issued, so its GET (a reprint) has something to give. */
const issuedLetter = async (eventId: string, delegateId: string) => {
  await issueLetters(
    ctx.handle.db,
    ctx.secretKey,
    SYSTEM_ACTOR,
    eventId,
    { delegateId },
    TEST_PUBLIC_URL,
    new Date(),
  );
  return delegateId;
};
const freshUser = async () => (await ctx.buildUser()).id;

const BUDGET_LINE = {
  category: 'hall' as const,
  content: 'Thuê hội trường',
  quantity: 1,
  unitPriceVnd: 25_000_000,
};
const taskOf = async (eventId: string, unitId: string) =>
  (
    await createTask(ctx.handle.db, SYSTEM_ACTOR, eventId, {
      unitId,
      title: 'Chuẩn bị gian hàng',
      dueOffsetDays: -3,
    })
  ).id;
async function taskFileOf(eventId: string) {
  const taskId = await taskOf(eventId, hoangHoaId);
  const file = await addTaskAttachment(ctx.handle.db, SYSTEM_ACTOR, eventId, taskId, 'bien-ban', PDF_BYTES);
  return { taskId, attachmentId: file.id };
}
const budgetLineOf = async (eventId: string) =>
  (await createBudgetLines(ctx.handle.db, SYSTEM_ACTOR, eventId, [BUDGET_LINE]))[0]!.id;
async function receiptOf(eventId: string) {
  const lineId = await budgetLineOf(eventId);
  const file = await addReceipt(ctx.handle.db, SYSTEM_ACTOR, eventId, lineId, 'hoa-don', PDF_BYTES);
  return { lineId, attachmentId: file.id };
}

const MATRIX: Record<string, Row> = {
  'GET /api/health': { allowed: CALLERS, request: async () => ({ url: '/api/health' }) },
  'POST /api/auth/login': {
    allowed: CALLERS,
    answersForCredential: true,
    request: async () => ({
      url: '/api/auth/login',
      payload: { username: users.viewer.username, password: TEST_PASSWORD },
    }),
  },
  'POST /api/auth/logout': { allowed: SIGNED_IN, request: async () => ({ url: '/api/auth/logout' }) },
  'GET /api/auth/me': { allowed: SIGNED_IN, request: async () => ({ url: '/api/auth/me' }) },
  'POST /api/auth/password': {
    allowed: SIGNED_IN,
    // Past authorization the same password again is refused, which leaves every caller's password as it was.
    allowedStatus: Object.fromEntries(SIGNED_IN.map((c) => [c, 400])),
    request: async () => ({
      url: '/api/auth/password',
      payload: { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD },
    }),
  },
  'GET /api/users': { allowed: ['admin', ...ORGANIZERS], request: async () => ({ url: '/api/users' }) },
  'POST /api/users': {
    allowed: ['admin'],
    request: async () => ({
      url: '/api/users',
      payload: {
        username: `moi${Math.random().toString(36).slice(2, 8)}`,
        fullName: 'Người mới',
        password: 'mat-khau-tam-thoi',
      },
    }),
  },
  'PATCH /api/users/{userId}': {
    allowed: ['admin'],
    request: async () => ({ url: `/api/users/${await freshUser()}`, payload: { fullName: 'Tên mới' } }),
  },
  'POST /api/users/{userId}/password': {
    allowed: ['admin'],
    request: async () => ({
      url: `/api/users/${await freshUser()}/password`,
      payload: { password: 'mat-khau-tam-thoi' },
    }),
  },
  'POST /api/users/{userId}/unlock': {
    allowed: ['admin'],
    request: async () => ({ url: `/api/users/${await freshUser()}/unlock` }),
  },
  'GET /api/units': { allowed: SIGNED_IN, request: async () => ({ url: '/api/units?q=hoang' }) },
  'GET /api/units/export.xlsx': {
    allowed: SIGNED_IN,
    request: async () => ({ url: '/api/units/export.xlsx' }),
  },
  'POST /api/units/import': {
    allowed: ['admin'],
    request: async () => ({
      url: '/api/units/import?dryRun=true',
      payload: unitsXlsx,
      headers: { 'content-type': XLSX_MEDIA_TYPE },
    }),
  },
  'GET /api/units/{unitId}': {
    allowed: SIGNED_IN,
    request: async () => ({ url: `/api/units/${hoangHoaId}` }),
  },
  'POST /api/units': {
    allowed: ['admin'],
    request: async () => ({
      url: '/api/units',
      payload: { kind: 'producer', shortName: 'HTX A', name: `HTX ${Math.random()}` },
    }),
  },
  'PATCH /api/units/{unitId}': {
    allowed: ['admin'],
    request: async () => ({ url: `/api/units/${await freshUnit()}`, payload: { notes: 'Ghi chú' } }),
  },
  'DELETE /api/units/{unitId}': {
    allowed: ['admin'],
    request: async () => ({ url: `/api/units/${await freshUnit()}` }),
  },
  'GET /api/protocol/titles': { allowed: SIGNED_IN, request: async () => ({ url: '/api/protocol/titles' }) },
  'POST /api/protocol/titles': {
    allowed: ['admin'],
    request: async () => ({ url: '/api/protocol/titles', payload: titleRankInput() }),
  },
  'POST /api/protocol/titles/preview': {
    allowed: ['admin'],
    request: async () => ({
      url: '/api/protocol/titles/preview',
      payload: { id: null, rule: titleRankInput() },
    }),
  },
  'PUT /api/protocol/titles/{id}': {
    allowed: ['admin'],
    request: async () => ({
      url: `/api/protocol/titles/${await freshTitleRank()}`,
      payload: titleRankInput(),
    }),
  },
  'DELETE /api/protocol/titles/{id}': {
    allowed: ['admin'],
    request: async () => ({ url: `/api/protocol/titles/${await freshTitleRank()}` }),
  },
  'GET /api/events/{eventId}/presidium': {
    allowed: ['admin', 'organizer', 'checkin', 'viewer'],
    request: async ({ eventId }) => ({ url: `/api/events/${eventId}/presidium` }),
  },
  'PUT /api/events/{eventId}/presidium': {
    allowed: ['admin', 'organizer'],
    request: async ({ eventId, delegate }) => ({
      url: `/api/events/${eventId}/presidium`,
      payload: { items: [{ delegateId: await delegate(), role: 'chair' }] },
    }),
  },
  'GET /api/events/{eventId}/delegates/{delegateId}/personal-data': {
    allowed: ['admin', 'organizer', 'officer'],
    request: async ({ eventId, delegate }) => ({
      url: `/api/events/${eventId}/delegates/${await delegate()}/personal-data`,
    }),
  },
  'POST /api/events/{eventId}/personal-data/erase': {
    allowed: ['admin', 'organizer'],
    // Each caller gets a fresh event, long past its retention period: an allowed erasure really erases.
    request: async ({ eventId }) => ({ url: `/api/events/${eventId}/personal-data/erase` }),
  },
  'GET /api/events': { allowed: SIGNED_IN, request: async () => ({ url: '/api/events' }) },
  'POST /api/events': {
    allowed: ['admin', ...ORGANIZERS],
    request: async () => ({
      url: '/api/events',
      payload: { name: 'Hội nghị mới', startsAt: '2021-01-05T01:00:00Z', endsAt: '2021-01-05T04:00:00Z' },
    }),
  },
  'GET /api/events/{eventId}': {
    allowed: ['admin', ...EVENT_ROLES],
    request: async ({ eventId }) => ({ url: `/api/events/${eventId}` }),
  },
  'PATCH /api/events/{eventId}': {
    allowed: ['admin', 'organizer'],
    request: async ({ eventId }) => ({
      url: `/api/events/${eventId}`,
      payload: { venueName: 'Hội trường 25B' },
    }),
  },
  'DELETE /api/events/{eventId}': {
    allowed: ['admin'],
    request: async ({ eventId }) => ({ url: `/api/events/${eventId}` }),
  },
  'POST /api/events/{eventId}/status': {
    allowed: ['admin', 'organizer'],
    request: async ({ eventId }) => ({
      url: `/api/events/${eventId}/status`,
      payload: { status: 'preparing' },
    }),
  },
  'GET /api/events/{eventId}/members': {
    allowed: ['admin', 'organizer'],
    request: async ({ eventId }) => ({ url: `/api/events/${eventId}/members` }),
  },
  'PUT /api/events/{eventId}/members/{userId}': {
    allowed: ['admin', 'organizer'],
    request: async ({ eventId }) => ({
      url: `/api/events/${eventId}/members/${await freshUser()}`,
      payload: { role: 'viewer' },
    }),
  },
  'DELETE /api/events/{eventId}/members/{userId}': {
    allowed: ['admin', 'organizer'],
    request: async ({ eventId }) => ({ url: `/api/events/${eventId}/members/${users.viewer.id}` }),
  },
  'POST /api/plans/parse': {
    allowed: ['admin', ...ORGANIZERS],
    request: async () => ({
      url: '/api/plans/parse',
      payload: { text: 'GIẤY MỜI\nDự Hội nghị giao ban\nĐịa điểm: Hội trường 25B.' },
    }),
  },
  'POST /api/events/from-plan': {
    allowed: ['admin', ...ORGANIZERS],
    request: async () => ({
      url: '/api/events/from-plan',
      payload: {
        event: {
          name: 'Hội nghị từ kế hoạch',
          startsAt: '2021-01-05T01:00:00Z',
          endsAt: '2021-01-05T04:00:00Z',
        },
        contents: { composition: [{ title: 'Đại biểu tỉnh', count: 5 }] },
      },
    }),
  },
  'POST /api/events/{eventId}/apply-plan': {
    allowed: ['admin', 'organizer'],
    request: async ({ eventId }) => ({
      url: `/api/events/${eventId}/apply-plan`,
      payload: { event: { venueName: 'Hội trường 25B' }, contents: { program: [{ title: 'Khai mạc' }] } },
    }),
  },
  'GET /api/events/{eventId}/plan-contents': {
    allowed: ['admin', ...EVENT_ROLES],
    request: async ({ eventId }) => ({ url: `/api/events/${eventId}/plan-contents` }),
  },
  'GET /api/events/{eventId}/plan.docx': {
    allowed: ['admin', ...EVENT_ROLES],
    request: async ({ eventId }) => ({ url: `/api/events/${eventId}/plan.docx` }),
  },
  'PUT /api/events/{eventId}/plan-contents': {
    allowed: ['admin', 'organizer'],
    request: async ({ eventId }) => ({
      url: `/api/events/${eventId}/plan-contents`,
      payload: { program: [{ title: 'Khai mạc' }] },
    }),
  },
  'GET /api/events/{eventId}/composition': {
    allowed: ['admin', ...EVENT_ROLES],
    request: async ({ eventId, delegate, delegateOf }) => {
      await Promise.all([delegate(), delegateOf(ngaSonId)]);
      return { url: `/api/events/${eventId}/composition` };
    },
  },
  'GET /api/events/{eventId}/agreements': {
    allowed: ['admin', ...EVENT_ROLES],
    request: async ({ eventId }) => {
      await freshAgreement(eventId);
      return { url: `/api/events/${eventId}/agreements` };
    },
  },
  'POST /api/events/{eventId}/agreements': {
    allowed: ['admin', 'organizer'],
    request: async ({ eventId }) => ({
      url: `/api/events/${eventId}/agreements`,
      payload: {
        kind: 'commitment',
        title: 'Cam kết thử nghiệm',
        parties: [{ unitId: producerId, role: 'seller' }],
      },
    }),
  },
  'PATCH /api/events/{eventId}/agreements/{agreementId}': {
    allowed: ['admin', 'organizer'],
    request: async ({ eventId }) => ({
      url: `/api/events/${eventId}/agreements/${await freshAgreement(eventId)}`,
      payload: { valueVnd: 2_000_000 },
    }),
  },
  'DELETE /api/events/{eventId}/agreements/{agreementId}': {
    allowed: ['admin', 'organizer'],
    request: async ({ eventId }) => ({
      url: `/api/events/${eventId}/agreements/${await freshAgreement(eventId)}`,
    }),
  },
  'POST /api/events/{eventId}/agreements/{agreementId}/status': {
    allowed: ['admin', 'organizer'],
    request: async ({ eventId }) => ({
      url: `/api/events/${eventId}/agreements/${await freshAgreement(eventId)}/status`,
      payload: { status: 'ready' },
    }),
  },
  'PUT /api/events/{eventId}/agreements/{agreementId}/parties/{unitId}/stand-in': {
    allowed: ['admin', 'organizer'],
    request: async ({ eventId }) => ({
      url: `/api/events/${eventId}/agreements/${await freshAgreement(eventId)}/parties/${producerId}/stand-in`,
      payload: { name: 'Nguyễn Văn Thay' },
    }),
  },
  'DELETE /api/events/{eventId}/agreements/{agreementId}/parties/{unitId}/stand-in': {
    allowed: ['admin', 'organizer'],
    request: async ({ eventId }) => ({
      url: `/api/events/${eventId}/agreements/${await freshAgreement(eventId)}/parties/${producerId}/stand-in`,
    }),
  },
  'PUT /api/events/{eventId}/agreements/{agreementId}/scan': {
    allowed: ['admin', 'organizer'],
    request: async ({ eventId }) => ({
      url: `/api/events/${eventId}/agreements/${await freshAgreement(eventId)}/scan`,
      payload: PDF_BYTES,
      headers: { 'content-type': 'application/pdf' },
    }),
  },
  'GET /api/events/{eventId}/agreements/{agreementId}/scan': {
    allowed: ['admin', 'organizer'],
    request: async ({ eventId }) => {
      const id = await freshAgreement(eventId);
      await saveScan(ctx.handle.db, SYSTEM_ACTOR, eventId, id, PDF_BYTES);
      return { url: `/api/events/${eventId}/agreements/${id}/scan` };
    },
  },
  'POST /api/events/{eventId}/agreements/ceremony': {
    allowed: ['admin', 'organizer'],
    request: async ({ eventId }) => ({
      url: `/api/events/${eventId}/agreements/ceremony`,
      payload: { pairsPerRound: 3 },
    }),
  },
  'GET /api/events/{eventId}/agreements/ceremony': {
    allowed: ['admin', 'organizer'],
    request: async ({ eventId }) => ({ url: `/api/events/${eventId}/agreements/ceremony` }),
  },
  'GET /api/events/{eventId}/agreements/signing-list.docx': {
    allowed: ['admin', 'organizer'],
    request: async ({ eventId }) => ({ url: `/api/events/${eventId}/agreements/signing-list.docx` }),
  },
  'GET /api/events/{eventId}/booths': {
    allowed: ['admin', ...EVENT_ROLES],
    request: async ({ eventId }) => {
      await freshBooth(eventId);
      return { url: `/api/events/${eventId}/booths` };
    },
  },
  'POST /api/events/{eventId}/booths': {
    allowed: ['admin', 'organizer'],
    request: async ({ eventId }) => ({
      url: `/api/events/${eventId}/booths`,
      payload: { number: ++boothNumber, kind: 'potential' },
    }),
  },
  'PATCH /api/events/{eventId}/booths/{boothId}': {
    allowed: ['admin', 'organizer'],
    request: async ({ eventId }) => ({
      url: `/api/events/${eventId}/booths/${await freshBooth(eventId)}`,
      payload: { personName: 'Lê Thị Phụ Trách' },
    }),
  },
  'PUT /api/events/{eventId}/booths/{boothId}/assignment': {
    allowed: ['admin', 'organizer'],
    request: async ({ eventId }) => ({
      url: `/api/events/${eventId}/booths/${await freshBooth(eventId)}/assignment`,
      payload: { unitId: producerId },
    }),
  },
  'DELETE /api/events/{eventId}/booths/{boothId}': {
    allowed: ['admin', 'organizer'],
    request: async ({ eventId }) => ({ url: `/api/events/${eventId}/booths/${await freshBooth(eventId)}` }),
  },
  'GET /api/events/{eventId}/booths.xlsx': {
    allowed: ['admin', 'organizer'],
    request: async ({ eventId }) => ({ url: `/api/events/${eventId}/booths.xlsx` }),
  },
  'GET /api/events/{eventId}/booths.docx': {
    allowed: ['admin', 'organizer'],
    request: async ({ eventId }) => ({ url: `/api/events/${eventId}/booths.docx` }),
  },
  'GET /api/public/booths': {
    allowed: CALLERS,
    request: async ({ eventId }) => {
      await freshBooth(eventId);
      return { url: '/api/public/booths' };
    },
  },
  'GET /api/public/events/{eventId}/booths': {
    allowed: CALLERS,
    request: async ({ eventId }) => {
      await freshBooth(eventId);
      return { url: `/api/public/events/${eventId}/booths` };
    },
  },
  'GET /api/events/{eventId}/tasks': {
    allowed: ['admin', ...EVENT_ROLES],
    request: async ({ eventId }) => {
      await taskOf(eventId, ngaSonId);
      return { url: `/api/events/${eventId}/tasks` };
    },
  },
  'POST /api/events/{eventId}/tasks': {
    allowed: ['admin', 'organizer'],
    request: async ({ eventId }) => ({
      url: `/api/events/${eventId}/tasks`,
      payload: { unitId: hoangHoaId, title: 'Mời đại diện các xã', dueOffsetDays: -10 },
    }),
  },
  'GET /api/events/{eventId}/tasks/{taskId}': {
    allowed: ['admin', 'organizer', 'officer', 'checkin', 'viewer'],
    // Another unit's duty is not shown to exist.
    allowedStatus: { otherOfficer: 404 },
    request: async ({ eventId }) => ({
      url: `/api/events/${eventId}/tasks/${await taskOf(eventId, hoangHoaId)}`,
    }),
  },
  'PATCH /api/events/{eventId}/tasks/{taskId}': {
    allowed: ['admin', 'organizer', 'officer'],
    request: async ({ eventId }) => ({
      url: `/api/events/${eventId}/tasks/${await taskOf(eventId, hoangHoaId)}`,
      payload: { status: 'in_progress' },
    }),
  },
  'DELETE /api/events/{eventId}/tasks/{taskId}': {
    allowed: ['admin', 'organizer'],
    request: async ({ eventId }) => ({
      url: `/api/events/${eventId}/tasks/${await taskOf(eventId, hoangHoaId)}`,
    }),
  },
  'POST /api/events/{eventId}/tasks/{taskId}/comments': {
    allowed: ['admin', 'organizer', 'officer'],
    request: async ({ eventId }) => ({
      url: `/api/events/${eventId}/tasks/${await taskOf(eventId, hoangHoaId)}/comments`,
      payload: { body: 'Đã xong' },
    }),
  },
  'POST /api/events/{eventId}/tasks/{taskId}/attachments': {
    allowed: ['admin', 'organizer', 'officer'],
    request: async ({ eventId }) => ({
      url: `/api/events/${eventId}/tasks/${await taskOf(eventId, hoangHoaId)}/attachments?name=bien-ban`,
      payload: PDF_BYTES,
      headers: { 'content-type': 'application/pdf' },
    }),
  },
  'GET /api/events/{eventId}/tasks/{taskId}/attachments/{attachmentId}': {
    allowed: ['admin', 'organizer', 'officer', 'checkin', 'viewer'],
    allowedStatus: { otherOfficer: 404 },
    request: async ({ eventId }) => {
      const { taskId, attachmentId } = await taskFileOf(eventId);
      return { url: `/api/events/${eventId}/tasks/${taskId}/attachments/${attachmentId}` };
    },
  },
  'DELETE /api/events/{eventId}/tasks/{taskId}/attachments/{attachmentId}': {
    allowed: ['admin', 'organizer', 'officer'],
    request: async ({ eventId }) => {
      const { taskId, attachmentId } = await taskFileOf(eventId);
      return { url: `/api/events/${eventId}/tasks/${taskId}/attachments/${attachmentId}` };
    },
  },
  'GET /api/events/{eventId}/budget': {
    allowed: ['admin', 'organizer', 'viewer'],
    request: async ({ eventId }) => {
      await budgetLineOf(eventId);
      return { url: `/api/events/${eventId}/budget` };
    },
  },
  'PUT /api/events/{eventId}/budget': {
    allowed: ['admin', 'organizer'],
    request: async ({ eventId }) => ({
      url: `/api/events/${eventId}/budget`,
      payload: { sourceDecision: 'Quyết định số 1726/QĐ-UBND' },
    }),
  },
  'POST /api/events/{eventId}/budget/lines': {
    allowed: ['admin', 'organizer'],
    request: async ({ eventId }) => ({ url: `/api/events/${eventId}/budget/lines`, payload: BUDGET_LINE }),
  },
  'PATCH /api/events/{eventId}/budget/lines/{lineId}': {
    allowed: ['admin', 'organizer'],
    request: async ({ eventId }) => ({
      url: `/api/events/${eventId}/budget/lines/${await budgetLineOf(eventId)}`,
      payload: { spentVnd: 1_000_000 },
    }),
  },
  'DELETE /api/events/{eventId}/budget/lines/{lineId}': {
    allowed: ['admin', 'organizer'],
    request: async ({ eventId }) => ({
      url: `/api/events/${eventId}/budget/lines/${await budgetLineOf(eventId)}`,
    }),
  },
  'POST /api/events/{eventId}/budget/lines/{lineId}/receipts': {
    allowed: ['admin', 'organizer'],
    request: async ({ eventId }) => ({
      url: `/api/events/${eventId}/budget/lines/${await budgetLineOf(eventId)}/receipts?name=hoa-don`,
      payload: PDF_BYTES,
      headers: { 'content-type': 'application/pdf' },
    }),
  },
  'GET /api/events/{eventId}/budget/lines/{lineId}/receipts/{attachmentId}': {
    allowed: ['admin', 'organizer', 'viewer'],
    request: async ({ eventId }) => {
      const { lineId, attachmentId } = await receiptOf(eventId);
      return { url: `/api/events/${eventId}/budget/lines/${lineId}/receipts/${attachmentId}` };
    },
  },
  'DELETE /api/events/{eventId}/budget/lines/{lineId}/receipts/{attachmentId}': {
    allowed: ['admin', 'organizer'],
    request: async ({ eventId }) => {
      const { lineId, attachmentId } = await receiptOf(eventId);
      return { url: `/api/events/${eventId}/budget/lines/${lineId}/receipts/${attachmentId}` };
    },
  },
  'GET /api/events/{eventId}/budget/estimate.xlsx': {
    allowed: ['admin', 'organizer', 'viewer'],
    request: async ({ eventId }) => {
      await budgetLineOf(eventId);
      return { url: `/api/events/${eventId}/budget/estimate.xlsx` };
    },
  },
  'GET /api/events/{eventId}/budget/settlement.xlsx': {
    allowed: ['admin', 'organizer', 'viewer'],
    request: async ({ eventId }) => {
      await budgetLineOf(eventId);
      return { url: `/api/events/${eventId}/budget/settlement.xlsx` };
    },
  },
  'GET /api/events/{eventId}/media': {
    allowed: ['admin', ...EVENT_ROLES],
    request: async ({ eventId }) => ({ url: `/api/events/${eventId}/media` }),
  },
  'POST /api/events/{eventId}/media': {
    allowed: ['admin', 'organizer'],
    request: async ({ eventId }) => ({
      url: `/api/events/${eventId}/media`,
      payload: { kind: 'coverage', title: 'Tin hội nghị', url: 'https://example.org/tin' },
    }),
  },
  'DELETE /api/events/{eventId}/media/{itemId}': {
    allowed: ['admin', 'organizer'],
    request: async ({ eventId }) => {
      const media = await createMediaItem(ctx.handle.db, SYSTEM_ACTOR, eventId, {
        kind: 'clip',
        title: 'Clip',
      });
      return { url: `/api/events/${eventId}/media/${media.items[0]!.id}` };
    },
  },
  'GET /api/events/{eventId}/readiness': {
    allowed: ['admin', 'organizer', 'viewer'],
    request: async ({ eventId }) => ({ url: `/api/events/${eventId}/readiness` }),
  },
  'GET /api/events/{eventId}/report.docx': {
    allowed: ['admin', 'organizer', 'viewer'],
    request: async ({ eventId, delegate }) => {
      await delegate();
      return { url: `/api/events/${eventId}/report.docx` };
    },
  },
  'GET /api/events/{eventId}/report-annex.xlsx': {
    allowed: ['admin', 'organizer', 'viewer'],
    request: async ({ eventId, delegate }) => {
      await delegate();
      return { url: `/api/events/${eventId}/report-annex.xlsx` };
    },
  },
  'POST /api/events/{eventId}/composition/groups': {
    allowed: ['admin', 'organizer'],
    request: async ({ eventId }) => ({
      url: `/api/events/${eventId}/composition/groups`,
      payload: { title: 'Đại biểu xã', plannedCount: 11 },
    }),
  },
  'PATCH /api/events/{eventId}/composition/groups/{groupId}': {
    allowed: ['admin', 'organizer'],
    request: async ({ eventId, groupId }) => ({
      url: `/api/events/${eventId}/composition/groups/${groupId}`,
      payload: { protocolRank: 3 },
    }),
  },
  'DELETE /api/events/{eventId}/composition/groups/{groupId}': {
    allowed: ['admin', 'organizer'],
    request: async ({ eventId, groupId }) => ({
      url: `/api/events/${eventId}/composition/groups/${groupId}`,
    }),
  },
  'PUT /api/events/{eventId}/composition/groups/{groupId}/seats': {
    allowed: ['admin', 'organizer'],
    request: async ({ eventId, groupId }) => ({
      url: `/api/events/${eventId}/composition/groups/${groupId}/seats`,
      payload: { seats: [{ unitId: hoangHoaId, quota: 4 }] },
    }),
  },
  'GET /api/events/{eventId}/delegates': {
    allowed: ['admin', ...EVENT_ROLES],
    request: async ({ eventId, delegate, delegateOf }) => {
      await Promise.all([delegate(), delegateOf(ngaSonId)]);
      return { url: `/api/events/${eventId}/delegates?q=le` };
    },
  },
  'POST /api/events/{eventId}/delegates': {
    allowed: ['admin', 'organizer', 'officer'],
    request: async ({ eventId, groupId }) => ({
      url: `/api/events/${eventId}/delegates`,
      payload: {
        groupId,
        unitId: hoangHoaId,
        fullName: `Trần Thị ${Math.random()
          .toString(36)
          .replace(/[^a-z]/g, '')}`,
      },
    }),
  },
  'GET /api/events/{eventId}/delegates/export.xlsx': {
    allowed: ['admin', ...EVENT_ROLES],
    request: async ({ eventId, delegate, delegateOf }) => {
      await Promise.all([delegate(), delegateOf(ngaSonId)]);
      return { url: `/api/events/${eventId}/delegates/export.xlsx` };
    },
  },
  'GET /api/events/{eventId}/delegates/export.docx': {
    allowed: ['admin', ...EVENT_ROLES],
    request: async ({ eventId, delegate, delegateOf }) => {
      await Promise.all([delegate(), delegateOf(ngaSonId)]);
      return { url: `/api/events/${eventId}/delegates/export.docx` };
    },
  },
  'GET /api/events/{eventId}/delegates/template.xlsx': {
    allowed: ['admin', 'organizer', 'officer', 'otherOfficer'],
    request: async ({ eventId }) => ({ url: `/api/events/${eventId}/delegates/template.xlsx` }),
  },
  'POST /api/events/{eventId}/delegates/import/preview': {
    allowed: ['admin', 'organizer', 'officer', 'otherOfficer'],
    request: async ({ eventId }) => ({
      url: `/api/events/${eventId}/delegates/import/preview`,
      payload: Buffer.from('Họ và tên;Chức vụ\nLê Văn Một;Cán bộ\n'),
      headers: { 'content-type': 'text/csv' },
    }),
  },
  'POST /api/events/{eventId}/delegates/import': {
    allowed: ['admin', 'organizer', 'officer'],
    request: async ({ eventId, groupId }) => ({
      url: `/api/events/${eventId}/delegates/import`,
      payload: {
        groupId,
        unitId: hoangHoaId,
        rows: [
          {
            rowNumber: 2,
            values: {
              fullName: `Lê Văn ${Math.random()
                .toString(36)
                .replace(/[^a-z]/g, '')}`,
            },
          },
        ],
      },
    }),
  },
  'GET /api/events/{eventId}/delegates/{delegateId}': {
    allowed: ['admin', 'organizer', 'officer', 'checkin', 'viewer'],
    request: async ({ eventId, delegate }) => ({
      url: `/api/events/${eventId}/delegates/${await delegate()}`,
    }),
  },
  'PATCH /api/events/{eventId}/delegates/{delegateId}': {
    allowed: ['admin', 'organizer', 'officer'],
    request: async ({ eventId, delegate }) => ({
      url: `/api/events/${eventId}/delegates/${await delegate()}`,
      payload: { position: 'Phó Chủ tịch UBND huyện' },
    }),
  },
  'DELETE /api/events/{eventId}/delegates/{delegateId}': {
    allowed: ['admin', 'organizer', 'officer'],
    request: async ({ eventId, delegate }) => ({
      url: `/api/events/${eventId}/delegates/${await delegate()}`,
    }),
  },
  'POST /api/events/{eventId}/delegates/{delegateId}/status': {
    allowed: ['admin', 'organizer', 'officer'],
    request: async ({ eventId, delegate }) => ({
      url: `/api/events/${eventId}/delegates/${await delegate()}/status`,
      payload: { status: 'confirmed' },
    }),
  },
  'POST /api/events/{eventId}/delegates/{delegateId}/substitute': {
    allowed: ['admin', 'organizer', 'officer'],
    request: async ({ eventId, delegate }) => ({
      url: `/api/events/${eventId}/delegates/${await delegate()}/substitute`,
      payload: {
        fullName: `Phạm Văn ${Math.random()
          .toString(36)
          .replace(/[^a-z]/g, '')}`,
      },
    }),
  },
  'POST /api/events/{eventId}/delegates/{delegateId}/reply-link': {
    allowed: ['admin', 'organizer', 'officer'],
    request: async ({ eventId, delegate }) => ({
      url: `/api/events/${eventId}/delegates/${await delegate()}/reply-link`,
    }),
  },
  'DELETE /api/events/{eventId}/delegates/{delegateId}/reply-link': {
    allowed: ['admin', 'organizer', 'officer'],
    request: async ({ eventId, delegate }) => ({
      url: `/api/events/${eventId}/delegates/${await delegate()}/reply-link`,
    }),
  },
  'GET /api/replies/{token}': {
    allowed: CALLERS,
    answersForCredential: true,
    request: async ({ eventId, delegate }) => ({
      url: `/api/replies/${await replyToken(eventId, await delegate())}`,
    }),
  },
  'POST /api/replies/{token}': {
    allowed: CALLERS,
    answersForCredential: true,
    request: async ({ eventId, delegate }) => ({
      url: `/api/replies/${await replyToken(eventId, await delegate())}`,
      payload: { action: 'confirm' },
    }),
  },
  'GET /api/events/{eventId}/invitation-template': {
    allowed: ['admin', 'organizer'],
    request: async ({ eventId }) => ({ url: `/api/events/${eventId}/invitation-template` }),
  },
  'PUT /api/events/{eventId}/invitation-template': {
    allowed: ['admin', 'organizer'],
    request: async ({ eventId }) => ({
      url: `/api/events/${eventId}/invitation-template`,
      payload: {
        agencyLines: ['UBND TỈNH THANH HÓA', 'VĂN PHÒNG ĐIỀU PHỐI NTM'],
        symbol: 'GM-VPĐP',
        place: 'Thanh Hóa',
        body: 'Trân trọng kính mời {{danh_xung}} {{ho_ten}} tới dự {{ten_hoi_nghi}}.',
        bring: '',
        contact: '',
        signerAuthority: '',
        signerTitle: 'Chánh Văn phòng',
        signerName: 'Lê Văn Ký',
      },
    }),
  },
  'GET /api/events/{eventId}/invitations': {
    allowed: ['admin', 'organizer'],
    request: async ({ eventId }) => ({ url: `/api/events/${eventId}/invitations` }),
  },
  'GET /api/events/{eventId}/invitations/readiness': {
    allowed: ['admin', 'organizer'],
    request: async ({ eventId }) => ({ url: `/api/events/${eventId}/invitations/readiness` }),
  },
  'GET /api/settings/public-url': {
    allowed: ['admin'],
    request: async () => ({ url: '/api/settings/public-url' }),
  },
  'PUT /api/settings/public-url': {
    allowed: ['admin'],
    request: async () => ({
      url: '/api/settings/public-url',
      payload: { publicUrl: 'https://hoinghi.thanhhoa.gov.vn' },
    }),
  },
  'POST /api/events/{eventId}/delegates/{delegateId}/invitation.docx': {
    allowed: ['admin', 'organizer'],
    request: async ({ eventId, delegate }) => ({
      url: `/api/events/${eventId}/delegates/${await delegate()}/invitation.docx`,
    }),
  },
  'GET /api/events/{eventId}/delegates/{delegateId}/invitation.docx': {
    allowed: ['admin', 'organizer'],
    request: async ({ eventId, delegate }) => ({
      url: `/api/events/${eventId}/delegates/${await issuedLetter(eventId, await delegate())}/invitation.docx`,
    }),
  },
  'POST /api/events/{eventId}/delegates/{delegateId}/invitation.pdf': {
    allowed: ['admin', 'organizer'],
    request: async ({ eventId, delegate }) => ({
      url: `/api/events/${eventId}/delegates/${await delegate()}/invitation.pdf`,
    }),
  },
  'GET /api/events/{eventId}/delegates/{delegateId}/invitation.pdf': {
    allowed: ['admin', 'organizer'],
    request: async ({ eventId, delegate }) => ({
      url: `/api/events/${eventId}/delegates/${await issuedLetter(eventId, await delegate())}/invitation.pdf`,
    }),
  },
  'POST /api/events/{eventId}/invitations.zip': {
    allowed: ['admin', 'organizer'],
    request: async ({ eventId, delegate }) => {
      await delegate();
      return { url: `/api/events/${eventId}/invitations.zip` };
    },
  },
  'POST /api/events/{eventId}/invitations.pdf': {
    allowed: ['admin', 'organizer'],
    request: async ({ eventId, delegate }) => {
      await delegate();
      return { url: `/api/events/${eventId}/invitations.pdf` };
    },
  },
  'GET /api/events/{eventId}/replies/summary': {
    allowed: ['admin', ...EVENT_ROLES],
    request: async ({ eventId }) => ({ url: `/api/events/${eventId}/replies/summary` }),
  },
  'GET /api/events/{eventId}/replies/call-list.xlsx': {
    allowed: ['admin', 'organizer', 'officer', 'otherOfficer'],
    request: async ({ eventId, delegate, delegateOf }) => {
      await Promise.all([delegate(), delegateOf(ngaSonId)]);
      return { url: `/api/events/${eventId}/replies/call-list.xlsx` };
    },
  },
  'GET /api/events/{eventId}/sign-in-sheet.docx': {
    allowed: ['admin', ...EVENT_ROLES],
    request: async ({ eventId, delegate, delegateOf }) => {
      await Promise.all([delegate(), delegateOf(ngaSonId)]);
      return { url: `/api/events/${eventId}/sign-in-sheet.docx` };
    },
  },
  'GET /api/events/{eventId}/sign-in-sheet.xlsx': {
    allowed: ['admin', ...EVENT_ROLES],
    request: async ({ eventId, delegate, delegateOf }) => {
      await Promise.all([delegate(), delegateOf(ngaSonId)]);
      return { url: `/api/events/${eventId}/sign-in-sheet.xlsx` };
    },
  },
  'GET /api/events/{eventId}/attendance.docx': {
    allowed: ['admin', ...EVENT_ROLES],
    request: async ({ eventId, delegate, delegateOf }) => {
      await Promise.all([delegate(), delegateOf(ngaSonId)]);
      return { url: `/api/events/${eventId}/attendance.docx` };
    },
  },
  'GET /api/events/{eventId}/attendance.xlsx': {
    allowed: ['admin', ...EVENT_ROLES],
    request: async ({ eventId, delegate, delegateOf }) => {
      await Promise.all([delegate(), delegateOf(ngaSonId)]);
      return { url: `/api/events/${eventId}/attendance.xlsx` };
    },
  },
  'GET /api/events/{eventId}/reply-statistics.docx': {
    allowed: ['admin', ...EVENT_ROLES],
    request: async ({ eventId, delegate, delegateOf }) => {
      await Promise.all([delegate(), delegateOf(ngaSonId)]);
      return { url: `/api/events/${eventId}/reply-statistics.docx` };
    },
  },
  'GET /api/events/{eventId}/reply-statistics.xlsx': {
    allowed: ['admin', ...EVENT_ROLES],
    request: async ({ eventId, delegate, delegateOf }) => {
      await Promise.all([delegate(), delegateOf(ngaSonId)]);
      return { url: `/api/events/${eventId}/reply-statistics.xlsx` };
    },
  },
  'POST /api/events/{eventId}/invitations/send': {
    // No SMTP in this app: an allowed caller gets the 409 that says so; the others never reach it.
    allowed: [],
    request: async ({ eventId }) => ({ url: `/api/events/${eventId}/invitations/send` }),
    allowedStatus: { admin: 409, organizer: 409 },
  },
  'POST /api/events/{eventId}/invitations/links.xlsx': {
    allowed: ['admin', 'organizer'],
    request: async ({ eventId, delegate }) => {
      await delegate();
      return { url: `/api/events/${eventId}/invitations/links.xlsx` };
    },
  },
  'POST /api/events/{eventId}/unit-invitations.pdf': {
    allowed: ['admin', 'organizer'],
    request: async ({ eventId }) => ({ url: `/api/events/${eventId}/unit-invitations.pdf` }),
  },
  'POST /api/events/{eventId}/unit-invitations.zip': {
    allowed: ['admin', 'organizer'],
    request: async ({ eventId }) => ({ url: `/api/events/${eventId}/unit-invitations.zip` }),
  },
  'POST /api/events/{eventId}/invitation-jobs': {
    allowed: ['admin', 'organizer'],
    request: async ({ eventId, delegate }) => {
      await delegate();
      return {
        url: `/api/events/${eventId}/invitation-jobs`,
        payload: { format: 'pdf', audience: 'people' },
      };
    },
  },
  'GET /api/events/{eventId}/invitation-jobs/{jobId}': {
    allowed: ['admin', 'organizer'],
    request: async ({ eventId, delegate }) => ({
      url: `/api/events/${eventId}/invitation-jobs/${await finishedJob(eventId, await delegate())}`,
    }),
  },
  'GET /api/events/{eventId}/invitation-jobs/{jobId}/file': {
    allowed: ['admin', 'organizer'],
    request: async ({ eventId, delegate }) => ({
      url: `/api/events/${eventId}/invitation-jobs/${await finishedJob(eventId, await delegate())}/file`,
    }),
  },
  'GET /api/events/{eventId}/audit': {
    allowed: ['admin', 'organizer'],
    request: async ({ eventId }) => ({ url: `/api/events/${eventId}/audit` }),
  },
  'GET /api/events/{eventId}/audit/export.xlsx': {
    allowed: ['admin', 'organizer'],
    request: async ({ eventId }) => ({ url: `/api/events/${eventId}/audit/export.xlsx?entity=member` }),
  },
  'POST /api/events/{eventId}/members/{userId}/password-reset': {
    allowed: ['admin', 'organizer'],
    request: async ({ eventId }) => {
      const userId = await freshUser();
      await ctx.addMember(eventId, userId, 'viewer');
      return { url: `/api/events/${eventId}/members/${userId}/password-reset` };
    },
  },

  'GET /api/product-groups': { allowed: SIGNED_IN, request: async () => ({ url: '/api/product-groups' }) },
  'POST /api/product-groups': {
    allowed: ['admin'],
    request: async () => ({ url: '/api/product-groups', payload: GROUP_INPUT }),
  },
  'PUT /api/product-groups/{groupId}': {
    allowed: ['admin'],
    request: async () => ({
      url: `/api/product-groups/${(await createProductGroup(ctx.handle.db, SYSTEM_ACTOR, GROUP_INPUT)).id}`,
      payload: { ...GROUP_INPUT, name: 'Nhóm đã sửa' },
    }),
  },
  'GET /api/products': { allowed: SIGNED_IN, request: async () => ({ url: '/api/products?q=mam' }) },
  'GET /api/products/export.xlsx': {
    allowed: SIGNED_IN,
    request: async () => ({ url: '/api/products/export.xlsx' }),
  },
  'POST /api/products/import': {
    allowed: ['admin', ...ORGANIZERS],
    request: async () => ({
      url: '/api/products/import?dryRun=true',
      payload: productsXlsx,
      headers: { 'content-type': XLSX_MEDIA_TYPE },
    }),
  },
  'GET /api/ocop/statistics': { allowed: SIGNED_IN, request: async () => ({ url: '/api/ocop/statistics' }) },
  'GET /api/ocop/statistics.xlsx': {
    allowed: SIGNED_IN,
    request: async () => ({ url: '/api/ocop/statistics.xlsx' }),
  },
  'GET /api/ocop/statistics.docx': {
    allowed: SIGNED_IN,
    request: async () => ({ url: '/api/ocop/statistics.docx' }),
  },
  'GET /api/products/{productId}': {
    allowed: SIGNED_IN,
    request: async () => ({ url: `/api/products/${await freshProduct()}` }),
  },
  'POST /api/products': {
    allowed: ['admin', ...ORGANIZERS],
    request: async () => ({ url: '/api/products', payload: productInput() }),
  },
  'PATCH /api/products/{productId}': {
    allowed: ['admin', ...ORGANIZERS],
    request: async () => ({ url: `/api/products/${await freshProduct()}`, payload: { score: 72, stars: 4 } }),
  },
  'DELETE /api/products/{productId}': {
    allowed: ['admin', ...ORGANIZERS],
    request: async () => ({ url: `/api/products/${await freshProduct()}` }),
  },
  'POST /api/products/{productId}/photos': {
    allowed: ['admin', ...ORGANIZERS],
    request: async () => ({
      url: `/api/products/${await freshProduct()}/photos`,
      payload: PNG_1PX,
      headers: { 'content-type': 'image/png' },
    }),
  },
  'DELETE /api/products/{productId}/photos/{photoId}': {
    allowed: ['admin', ...ORGANIZERS],
    request: async () => {
      const { productId, photoId } = await productWithPhoto();
      return { url: `/api/products/${productId}/photos/${photoId}` };
    },
  },
  'GET /api/events/{eventId}/awards': {
    allowed: ['admin', ...EVENT_ROLES],
    request: async ({ eventId, groupId }) => {
      await seatAndAward(eventId, groupId);
      return { url: `/api/events/${eventId}/awards` };
    },
  },
  'POST /api/events/{eventId}/awards/plan': {
    allowed: ['admin', 'organizer'],
    request: async ({ eventId }) => {
      await freshProduct();
      return { url: `/api/events/${eventId}/awards/plan`, payload: { batchSize: 10, order: 'district' } };
    },
  },
  'DELETE /api/events/{eventId}/awards': {
    allowed: ['admin', 'organizer'],
    request: async ({ eventId }) => ({ url: `/api/events/${eventId}/awards` }),
  },
  'PATCH /api/events/{eventId}/awards/batches/{batchId}': {
    allowed: ['admin', 'organizer'],
    request: async ({ eventId }) => {
      const awards = await plannedAwards(eventId);
      return {
        url: `/api/events/${eventId}/awards/batches/${awards.batches[0]!.id}`,
        payload: { title: 'Đợt 1' },
      };
    },
  },
  'PATCH /api/events/{eventId}/awards/recipients/{recipientId}': {
    allowed: ['admin', 'organizer'],
    request: async ({ eventId }) => {
      const awards = await plannedAwards(eventId);
      return {
        url: `/api/events/${eventId}/awards/recipients/${awards.batches[0]!.recipients[0]!.id}`,
        payload: { standInName: 'Nguyễn Văn Thay' },
      };
    },
  },
  'GET /api/events/{eventId}/certificate-template': {
    allowed: ['admin', 'organizer'],
    request: async ({ eventId }) => ({ url: `/api/events/${eventId}/certificate-template` }),
  },
  'PUT /api/events/{eventId}/certificate-template': {
    allowed: ['admin', 'organizer'],
    request: async ({ eventId }) => ({
      url: `/api/events/${eventId}/certificate-template`,
      payload: {
        issuer: 'UBND tỉnh Thanh Hóa',
        place: 'Thanh Hóa',
        signerTitle: 'Chủ tịch',
        signerName: 'Đỗ Minh Tuấn',
      },
    }),
  },
  'GET /api/events/{eventId}/certificates.pdf': {
    allowed: ['admin', 'organizer'],
    request: async ({ eventId }) => {
      await plannedAwards(eventId);
      // The fresh products have no certificate number: printing them blank is asked for explicitly.
      return { url: `/api/events/${eventId}/certificates.pdf?allowBlankNumber=true` };
    },
  },
  'GET /api/events/{eventId}/certificates/{productId}': {
    allowed: ['admin', 'organizer'],
    request: async ({ eventId }) => ({
      url: `/api/events/${eventId}/certificates/${await freshProduct()}?allowBlankNumber=true`,
    }),
  },
  'POST /api/events/{eventId}/checkins': {
    allowed: ['admin', 'organizer', 'checkin'],
    request: async ({ eventId, delegate }) => ({
      url: `/api/events/${eventId}/checkins`,
      payload: scanOf(await delegate()),
    }),
  },
  'POST /api/events/{eventId}/checkins/batch': {
    allowed: ['admin', 'organizer', 'checkin'],
    request: async ({ eventId, delegate }) => ({
      url: `/api/events/${eventId}/checkins/batch`,
      payload: { checkins: [scanOf(await delegate())] },
    }),
  },
  'POST /api/events/{eventId}/checkins/walk-in': {
    allowed: ['admin', 'organizer', 'checkin'],
    request: async ({ eventId }) => ({
      url: `/api/events/${eventId}/checkins/walk-in`,
      payload: (({ delegateId: _d, ...scan }) => ({
        fullName: 'Lê Văn Khách',
        reason: 'Phóng viên',
        ...scan,
      }))(scanOf('')),
    }),
  },
  'POST /api/events/{eventId}/checkins/substitute': {
    allowed: ['admin', 'organizer', 'checkin'],
    request: async ({ eventId, delegate }) => {
      const { delegateId, ...scan } = scanOf(await delegate());
      return {
        url: `/api/events/${eventId}/checkins/substitute`,
        payload: { delegateId, fullName: 'Trần Thị Thay', ...scan },
      };
    },
  },
  'POST /api/events/{eventId}/checkins/{delegateId}/documents': {
    allowed: ['admin', 'organizer', 'checkin'],
    request: async ({ eventId, delegate }) => {
      const id = await delegate();
      await checkIn(ctx.handle.db, { changed: async () => {} }, SYSTEM_ACTOR, eventId, scanOf(id));
      return { url: `/api/events/${eventId}/checkins/${id}/documents` };
    },
  },
  'GET /api/events/{eventId}/checkin-snapshot': {
    allowed: ['admin', 'organizer', 'checkin'],
    request: async ({ eventId }) => ({ url: `/api/events/${eventId}/checkin-snapshot` }),
  },
  'GET /api/events/{eventId}/checkins/duplicates': {
    allowed: ['admin', 'organizer', 'checkin'],
    request: async ({ eventId }) => ({ url: `/api/events/${eventId}/checkins/duplicates` }),
  },
  'GET /api/events/{eventId}/room': {
    allowed: ['admin', ...EVENT_ROLES],
    request: async ({ eventId }) => ({ url: `/api/events/${eventId}/room` }),
  },
  'GET /api/events/{eventId}/room/live': {
    allowed: ['admin', ...EVENT_ROLES],
    request: async ({ eventId }) => ({ url: `/api/events/${eventId}/room/live` }),
  },
  'GET /api/events/{eventId}/hall': {
    allowed: ['admin', ...EVENT_ROLES],
    request: async ({ eventId }) => ({ url: `/api/events/${eventId}/hall` }),
  },
  'PUT /api/events/{eventId}/hall': {
    allowed: ['admin', 'organizer'],
    request: async ({ eventId }) => ({ url: `/api/events/${eventId}/hall`, payload: DEMO_HALL }),
  },
  'GET /api/events/{eventId}/seating': {
    allowed: ['admin', ...EVENT_ROLES],
    request: async ({ eventId, groupId }) => {
      await seatAndAward(eventId, groupId);
      return { url: `/api/events/${eventId}/seating` };
    },
  },
  'POST /api/events/{eventId}/seating/auto': {
    allowed: ['admin', 'organizer'],
    request: async ({ eventId }) => ({
      url: `/api/events/${eventId}/seating/auto`,
      payload: { reset: true },
    }),
  },
  'PATCH /api/events/{eventId}/seating/{delegateId}': {
    allowed: ['admin', 'organizer'],
    request: async ({ eventId, delegate }) => ({
      url: `/api/events/${eventId}/seating/${await delegate()}`,
      payload: { seat: 'J30' },
    }),
  },
  'GET /api/events/{eventId}/seating.pdf': {
    allowed: ['admin', 'organizer'],
    request: async ({ eventId }) => ({ url: `/api/events/${eventId}/seating.pdf` }),
  },
  'GET /api/events/{eventId}/placards.pdf': {
    allowed: ['admin', 'organizer'],
    request: async ({ eventId, delegate }) => {
      await delegate();
      await autoAssignSeats(ctx.handle.db, SYSTEM_ACTOR, eventId, true);
      return { url: `/api/events/${eventId}/placards.pdf` };
    },
  },
  'POST /api/events/{eventId}/badges.pdf': {
    allowed: ['admin', 'organizer', 'checkin'],
    request: async ({ eventId, delegate }) => ({
      url: `/api/events/${eventId}/badges.pdf?delegateId=${await delegate()}`,
    }),
  },
  'GET /api/events/{eventId}/badges.pdf': {
    allowed: ['admin', 'organizer', 'checkin'],
    request: async ({ eventId, delegate }) => {
      const delegateId = await delegate();
      await issueBadgeTokens(ctx.handle.db, ctx.secretKey, SYSTEM_ACTOR, eventId, [delegateId]);
      return { url: `/api/events/${eventId}/badges.pdf?delegateId=${delegateId}` };
    },
  },
  'GET /api/public/products': {
    allowed: CALLERS,
    request: async () => ({ url: '/api/public/products?q=mam' }),
  },
  'GET /api/public/product-filters': {
    allowed: CALLERS,
    request: async () => ({ url: '/api/public/product-filters' }),
  },
  'GET /api/public/products/{productId}': {
    allowed: CALLERS,
    request: async () => ({ url: `/api/public/products/${await freshProduct()}` }),
  },
  'GET /api/public/products/{productId}/photos/{photoId}': {
    allowed: CALLERS,
    request: async () => {
      const { productId, photoId } = await productWithPhoto();
      return { url: `/api/public/products/${productId}/photos/${photoId}` };
    },
  },
  'GET /api/events/{eventId}/program': {
    allowed: ['admin', ...EVENT_ROLES],
    request: async ({ eventId, groupId }) => {
      await programItem(eventId, groupId);
      return { url: `/api/events/${eventId}/program` };
    },
  },
  'POST /api/events/{eventId}/program/items': {
    allowed: ['admin', 'organizer'],
    request: async ({ eventId }) => ({
      url: `/api/events/${eventId}/program/items`,
      payload: { kind: 'break', title: 'Giải lao' },
    }),
  },
  'PATCH /api/events/{eventId}/program/items/{itemId}': {
    allowed: ['admin', 'organizer'],
    request: async ({ eventId, groupId }) => ({
      url: `/api/events/${eventId}/program/items/${await programItem(eventId, groupId)}`,
      payload: { durationMinutes: 12 },
    }),
  },
  'DELETE /api/events/{eventId}/program/items/{itemId}': {
    allowed: ['admin', 'organizer'],
    request: async ({ eventId, groupId }) => ({
      url: `/api/events/${eventId}/program/items/${await programItem(eventId, groupId)}`,
    }),
  },
  'PUT /api/events/{eventId}/program/order': {
    allowed: ['admin', 'organizer'],
    request: async ({ eventId, groupId }) => ({
      url: `/api/events/${eventId}/program/order`,
      payload: { parentId: null, ids: [await programItem(eventId, groupId)] },
    }),
  },
  'GET /api/events/{eventId}/program.docx': {
    allowed: ['admin', ...EVENT_ROLES],
    request: async ({ eventId, groupId }) => {
      await programItem(eventId, groupId);
      return { url: `/api/events/${eventId}/program.docx` };
    },
  },
  'GET /api/events/{eventId}/program.pdf': {
    allowed: ['admin', ...EVENT_ROLES],
    request: async ({ eventId, groupId }) => {
      await programItem(eventId, groupId);
      return { url: `/api/events/${eventId}/program.pdf` };
    },
  },
  'POST /api/events/{eventId}/mc-script': {
    allowed: WATCHERS,
    request: async ({ eventId, groupId }) => {
      await programItem(eventId, groupId);
      return { url: `/api/events/${eventId}/mc-script` };
    },
  },
  'GET /api/events/{eventId}/mc-script.docx': {
    allowed: WATCHERS,
    request: async ({ eventId, groupId }) => {
      await programItem(eventId, groupId);
      return { url: `/api/events/${eventId}/mc-script.docx` };
    },
  },
  'GET /api/events/{eventId}/program/now': {
    allowed: WATCHERS,
    request: async ({ eventId }) => ({ url: `/api/events/${eventId}/program/now` }),
  },
  'POST /api/events/{eventId}/program/now': {
    allowed: ['admin', 'organizer', 'checkin'],
    request: async ({ eventId, groupId }) => {
      await programItem(eventId, groupId);
      return { url: `/api/events/${eventId}/program/now`, payload: { action: 'next' } };
    },
  },
  'GET /api/events/{eventId}/program/now/live': {
    allowed: WATCHERS,
    request: async ({ eventId }) => ({ url: `/api/events/${eventId}/program/now/live` }),
  },
  'GET /api/events/{eventId}/papers': {
    allowed: ['admin', ...EVENT_ROLES],
    request: async ({ eventId }) => {
      await paperOf(eventId);
      return { url: `/api/events/${eventId}/papers` };
    },
  },
  'POST /api/events/{eventId}/papers': {
    // Sent for Hoằng Hóa: Nga Sơn's officer is refused by unit scope.
    allowed: ['admin', 'organizer', 'officer'],
    request: async ({ eventId }) => ({
      url: `/api/events/${eventId}/papers?title=Tham+lu%E1%BA%ADn&unitId=${hoangHoaId}`,
      payload: PDF_BYTES,
      headers: { 'content-type': 'application/pdf' },
    }),
  },
  'GET /api/events/{eventId}/papers/accepted.zip': {
    allowed: ['admin', 'organizer'],
    request: async ({ eventId }) => {
      await paperOf(eventId, true);
      return { url: `/api/events/${eventId}/papers/accepted.zip` };
    },
  },
  'GET /api/events/{eventId}/papers/{paperId}/file': {
    allowed: ['admin', ...EVENT_ROLES],
    allowedStatus: { otherOfficer: 404 },
    request: async ({ eventId }) => ({ url: `/api/events/${eventId}/papers/${await paperOf(eventId)}/file` }),
  },
  'POST /api/events/{eventId}/papers/{paperId}/review': {
    allowed: ['admin', 'organizer'],
    request: async ({ eventId }) => ({
      url: `/api/events/${eventId}/papers/${await paperOf(eventId)}/review`,
      payload: { status: 'returned', comment: 'Cần bổ sung số liệu' },
    }),
  },
  'DELETE /api/events/{eventId}/papers/{paperId}': {
    allowed: ['admin', 'organizer', 'officer'],
    allowedStatus: { otherOfficer: 404 },
    request: async ({ eventId }) => ({ url: `/api/events/${eventId}/papers/${await paperOf(eventId)}` }),
  },
  'GET /api/replies/{token}/pack': {
    allowed: CALLERS,
    answersForCredential: true,
    request: async ({ eventId, delegate }) => {
      await paperOf(eventId, true);
      return { url: `/api/replies/${await replyToken(eventId, await delegate())}/pack` };
    },
  },
  'GET /api/replies/{token}/pack/program.pdf': {
    allowed: CALLERS,
    answersForCredential: true,
    request: async ({ eventId, delegate }) => ({
      url: `/api/replies/${await replyToken(eventId, await delegate())}/pack/program.pdf`,
    }),
  },
  'GET /api/replies/{token}/pack/papers/{paperId}': {
    allowed: CALLERS,
    answersForCredential: true,
    request: async ({ eventId, delegate }) => ({
      url: `/api/replies/${await replyToken(eventId, await delegate())}/pack/papers/${await paperOf(eventId, true)}`,
    }),
  },
};

/**
 * Ids and names the caller must never read: everything of an event they have no role in, and in their own event,
 * a unit officer's view of people and award recipients of other units.
 */
async function outOfScope(caller: Caller, cast: Cast): Promise<string[]> {
  elsewhereTokens[caller] ??= await outOfScopeIn(caller, elsewhereId, caller === 'otherOrganizer');
  return [
    ...(await outOfScopeIn(caller, cast.eventId, EVENT_ROLES.includes(caller))),
    ...elsewhereTokens[caller],
  ];
}
/** The event nobody else touches never changes after it is set up: read once per caller. */
const elsewhereTokens: Partial<Record<Caller, string[]>> = {};

async function outOfScopeIn(caller: Caller, eventId: string, member: boolean): Promise<string[]> {
  const { db } = ctx.handle;
  const tokens: string[] = [];
  const reach = member && (caller === 'officer' || caller === 'otherOfficer') ? UNITS_OF[caller] : null;
  const outside = (unitId: string | null) => !member || (reach !== null && !reach.has(unitId ?? ''));
  if (!member) tokens.push(eventId);
  const people = await db
    .selectFrom('delegates')
    .select(['id', 'full_name', 'unit_id'])
    .where('event_id', '=', eventId)
    .execute();
  for (const p of people) if (outside(p.unit_id)) tokens.push(p.id, p.full_name);
  const recipients = await db
    .selectFrom('award_recipients')
    .select(['id', 'producer_id'])
    .where('event_id', '=', eventId)
    .execute();
  for (const r of recipients) if (outside(r.producer_id)) tokens.push(r.id);
  const tasks = await db
    .selectFrom('tasks')
    .select(['id', 'unit_id'])
    .where('event_id', '=', eventId)
    .execute();
  for (const t of tasks) if (outside(t.unit_id)) tokens.push(t.id);
  return tokens;
}

/** The text a caller can read in an answer: JSON or text as is, the XML parts of an XLSX/DOCX. */
async function readableText(
  response: Awaited<ReturnType<TestContext['app']['inject']>>,
): Promise<string | null> {
  const type = String(response.headers['content-type'] ?? '');
  // PDF text is compressed and set in subset glyphs: the routes that send PDFs are closed to unit officers.
  if (type.includes('pdf') || type.startsWith('image/')) return null;
  if (type.includes('openxmlformats') || type.includes('zip')) {
    const zip = await JSZip.loadAsync(response.rawPayload);
    const parts = Object.values(zip.files).filter((f) => f.name.endsWith('.xml'));
    return (await Promise.all(parts.map((f) => f.async('string')))).join('\n');
  }
  return response.body;
}

async function expectWithinScope(
  caller: Caller,
  cast: Cast,
  response: Awaited<ReturnType<TestContext['app']['inject']>>,
  label: string,
) {
  if (caller === 'admin') return;
  const text = await readableText(response);
  if (text === null) return;
  const leaked = (await outOfScope(caller, cast)).filter((token) => text.includes(token));
  expect(leaked, `${label}: out of scope`).toEqual([]);
}

beforeAll(async () => {
  ctx = await createTestContext();
  hoangHoaId = (await ctx.buildUnit({ name: 'Huyện Hoằng Hóa', adminCode: '399' })).id;
  ngaSonId = (await ctx.buildUnit({ name: 'Huyện Nga Sơn', adminCode: '401' })).id;
  for (const caller of SIGNED_IN) {
    const user = await ctx.buildUser({ username: caller.toLowerCase(), isAdmin: caller === 'admin' });
    users[caller as keyof typeof users] = user;
  }
  // Organizing some event is what makes an organizer; the cast events add the rest.
  const home = await ctx.buildEvent();
  await ctx.addMember(home.id, users.organizer.id, 'organizer');
  UNITS_OF.officer = new Set([hoangHoaId]);
  UNITS_OF.otherOfficer = new Set([ngaSonId]);
  cookies.anonymous = null;
  for (const caller of SIGNED_IN)
    cookies[caller] = await ctx.login(users[caller as keyof typeof users].username);

  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Đơn vị').addRows([
    ['Tên đơn vị', 'Loại'],
    ['Huyện Thử', 'Đơn vị cấp huyện'],
  ]);
  unitsXlsx = Buffer.from(await workbook.xlsx.writeBuffer());
  producerId = (await ctx.buildUnit({ kind: 'producer', name: 'HTX thử nghiệm OCOP', parentId: hoangHoaId }))
    .id;
  ngaSonProducerId = (await ctx.buildUnit({ kind: 'producer', name: 'HTX cói Nga Sơn', parentId: ngaSonId }))
    .id;
  UNITS_OF.officer.add(producerId);
  UNITS_OF.otherOfficer.add(ngaSonProducerId);
  const elsewhere = await ctx.buildEvent();
  elsewhereId = elsewhere.id;
  await ctx.addMember(elsewhereId, users.otherOrganizer.id, 'organizer');
  const elsewhereGroup = await createGroup(ctx.handle.db, SYSTEM_ACTOR, elsewhereId, {
    title: 'Đại biểu huyện',
  });
  await seatAndAward(elsewhereId, elsewhereGroup);
  const products = new ExcelJS.Workbook();
  products.addWorksheet('Sản phẩm').addRows([
    ['Tên sản phẩm', 'Chủ thể', 'Số sao', 'Nhóm'],
    ['Nước mắm thử', 'HTX thử nghiệm OCOP', 3, 'Thực phẩm'],
  ]);
  productsXlsx = Buffer.from(await products.xlsx.writeBuffer());
});
afterAll(() => ctx.close());

describe('authorization matrix', () => {
  it('covers every route in the OpenAPI document', async () => {
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(routes.sort()).toEqual(Object.keys(MATRIX).sort());
  });

  for (const [route, row] of Object.entries(MATRIX)) {
    const [method, path] = route.split(' ') as ['GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', string];
    it(`${route}`, async () => {
      for (const caller of CALLERS) {
        const cast = await castEvent();
        const { url, payload, headers } = await row.request(cast);
        // Signing out ends a session, so that caller signs in afresh for it.
        const cookie =
          path === '/api/auth/logout' && caller !== 'anonymous'
            ? await ctx.login(users[caller].username)
            : cookies[caller];
        const response = await ctx.app.inject({
          method,
          url,
          headers: { ...(cookie ? { cookie } : {}), ...headers },
          ...(payload ? { payload } : {}),
        });
        const status = response.statusCode;
        const label = `${route} as ${caller} → ${status} ${response.body.slice(0, 200)}`;
        if (status < 400 && !row.answersForCredential) await expectWithinScope(caller, cast, response, label);
        if (row.allowedStatus?.[caller]) {
          expect(status, label).toBe(row.allowedStatus[caller]);
        } else if (row.allowed.includes(caller)) {
          expect(status < 400, label).toBe(true);
        } else if (caller === 'anonymous') {
          expect(status, label).toBe(401);
          expect(response.json().error.code).toBe('UNAUTHENTICATED');
        } else {
          expect(status, label).toBe(403);
          expect(response.json().error.code).toBe('FORBIDDEN');
          expect(response.json().error.message).toMatch(/^Bạn không có quyền thực hiện thao tác này/);
        }
        // The organizer of another event tries the same ids through their own event: refused, or nothing of
        // this event comes back.
        if (caller === 'otherOrganizer' && url.includes(`/api/events/${cast.eventId}`)) {
          const across = await ctx.app.inject({
            method,
            url: url.replace(`/api/events/${cast.eventId}`, `/api/events/${await cast.neighbour()}`),
            headers: { cookie: cookies.otherOrganizer!, ...headers },
            ...(payload ? { payload } : {}),
          });
          const acrossLabel = `${route} across events → ${across.statusCode} ${across.body.slice(0, 200)}`;
          expect(across.statusCode < 500, acrossLabel).toBe(true);
          if (across.statusCode < 400) await expectWithinScope(caller, cast, across, acrossLabel);
        }
      }
      // Nine callers, each with an event of their own: slow on a busy PostgreSQL, and no speed is measured here.
    }, 180_000);
  }
});
