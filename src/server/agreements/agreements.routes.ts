import { z } from 'zod';
import {
  agreementListSchema,
  agreementSchema,
  agreementStatusInputSchema,
  ceremonyPlanInputSchema,
  createAgreementSchema,
  MAX_SCAN_BYTES,
  signingCeremonySchema,
  standInInputSchema,
  updateAgreementSchema,
} from '../../shared/agreements';
import { idSchema, okSchema } from '../../shared/common';
import { scopeOf } from '../delegates/delegates.policy';
import { actorInEvent } from '../http/event-access';
import { type App, cookieAuth, DOCX_MEDIA_TYPE, type RouteDeps, sendDownload } from '../http/types';
import { buildSigningListDocx } from './agreements.documents';
import { canEditAgreements, canPrintSigningList, canReadScans, canViewAgreements } from './agreements.policy';
import {
  changeAgreementStatus,
  createAgreement,
  deleteAgreement,
  findAgreements,
  getScan,
  planSigningCeremony,
  saveScan,
  setStandIn,
  signingCeremony,
  updateAgreement,
} from './agreements.service';

const tags = ['agreements'];
const eventParams = z.object({ eventId: idSchema });
const agreementParams = eventParams.extend({ agreementId: idSchema });
/** A scan arrives as the raw file; its bytes decide what it is (a renamed PNG is refused). */
const SCAN_UPLOAD_TYPES = ['application/pdf', 'image/jpeg', 'image/png'];

export async function agreementsRoutes(app: App, { handle: { db } }: RouteDeps) {
  app.addContentTypeParser(
    SCAN_UPLOAD_TYPES,
    { parseAs: 'buffer', bodyLimit: MAX_SCAN_BYTES },
    (_req, body, done) => done(null, body),
  );

  app.get(
    '/api/events/:eventId/agreements',
    {
      schema: {
        tags,
        summary: 'Các thỏa thuận, hợp đồng, biên bản ghi nhớ: các bên, giá trị, trạng thái, đợt ký và thứ tự',
        security: cookieAuth,
        params: eventParams,
        response: { 200: agreementListSchema },
      },
    },
    async (request) => {
      const actor = await actorInEvent(db, request, canViewAgreements);
      return findAgreements(db, request.params.eventId, await scopeOf(db, actor, request.params.eventId));
    },
  );

  app.post(
    '/api/events/:eventId/agreements',
    {
      schema: {
        tags,
        summary: 'Thêm thỏa thuận (dự thảo): loại, các bên, sản phẩm, giá trị (đồng), thời hạn',
        security: cookieAuth,
        params: eventParams,
        body: createAgreementSchema,
        response: { 201: agreementSchema },
      },
    },
    async (request, reply) => {
      const actor = await actorInEvent(db, request, canEditAgreements);
      reply.status(201);
      return createAgreement(db, actor, request.params.eventId, request.body);
    },
  );

  app.patch(
    '/api/events/:eventId/agreements/:agreementId',
    {
      schema: {
        tags,
        summary: 'Sửa thỏa thuận; sau khi ký chỉ sửa ghi chú, theo dõi thực hiện, đợt và thứ tự',
        security: cookieAuth,
        params: agreementParams,
        body: updateAgreementSchema,
        response: { 200: agreementSchema },
      },
    },
    async (request) => {
      const actor = await actorInEvent(db, request, canEditAgreements);
      const { eventId, agreementId } = request.params;
      return updateAgreement(db, actor, eventId, agreementId, request.body);
    },
  );

  app.delete(
    '/api/events/:eventId/agreements/:agreementId',
    {
      schema: {
        tags,
        summary: 'Xóa thỏa thuận chưa ký',
        security: cookieAuth,
        params: agreementParams,
        response: { 200: okSchema },
      },
    },
    async (request) => {
      const actor = await actorInEvent(db, request, canEditAgreements);
      await deleteAgreement(db, actor, request.params.eventId, request.params.agreementId);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/events/:eventId/agreements/:agreementId/status',
    {
      schema: {
        tags,
        summary: 'Chuyển trạng thái: dự thảo → sẵn sàng ký → đã ký → đã theo dõi (hoặc lùi một bước)',
        security: cookieAuth,
        params: agreementParams,
        body: agreementStatusInputSchema,
        response: { 200: agreementSchema },
      },
    },
    async (request) => {
      const actor = await actorInEvent(db, request, canEditAgreements);
      const { eventId, agreementId } = request.params;
      return changeAgreementStatus(db, actor, eventId, agreementId, request.body.status);
    },
  );

  app.put(
    '/api/events/:eventId/agreements/:agreementId/parties/:unitId/stand-in',
    {
      schema: {
        tags,
        summary: 'Người ký thay cho một bên (khi người ký vắng mặt)',
        security: cookieAuth,
        params: agreementParams.extend({ unitId: idSchema }),
        body: standInInputSchema,
        response: { 200: agreementSchema },
      },
    },
    async (request) => {
      const actor = await actorInEvent(db, request, canEditAgreements);
      const { eventId, agreementId, unitId } = request.params;
      return setStandIn(db, actor, eventId, agreementId, unitId, request.body);
    },
  );

  app.delete(
    '/api/events/:eventId/agreements/:agreementId/parties/:unitId/stand-in',
    {
      schema: {
        tags,
        summary: 'Bỏ người ký thay',
        security: cookieAuth,
        params: agreementParams.extend({ unitId: idSchema }),
        response: { 200: agreementSchema },
      },
    },
    async (request) => {
      const actor = await actorInEvent(db, request, canEditAgreements);
      const { eventId, agreementId, unitId } = request.params;
      return setStandIn(db, actor, eventId, agreementId, unitId, null);
    },
  );

  app.put(
    '/api/events/:eventId/agreements/:agreementId/scan',
    {
      config: { fileBody: 'scan' },
      schema: {
        tags,
        summary: 'Tải lên bản scan đã ký (PDF hoặc JPEG, tối đa 10 MB; gửi nguyên tệp)',
        security: cookieAuth,
        params: agreementParams,
        consumes: SCAN_UPLOAD_TYPES,
        response: { 200: agreementSchema },
      },
    },
    async (request) => {
      const actor = await actorInEvent(db, request, canEditAgreements);
      const { eventId, agreementId } = request.params;
      return saveScan(db, actor, eventId, agreementId, request.body as Buffer);
    },
  );

  app.get(
    '/api/events/:eventId/agreements/:agreementId/scan',
    {
      schema: {
        tags,
        summary: 'Bản scan đã ký',
        security: cookieAuth,
        params: agreementParams,
        response: {
          200: { description: 'PDF hoặc JPEG', content: { 'application/pdf': { schema: z.string() } } },
        },
      },
    },
    async (request, reply) => {
      await actorInEvent(db, request, canReadScans);
      const scan = await getScan(db, request.params.eventId, request.params.agreementId);
      const ext = scan.mediaType === 'application/pdf' ? 'pdf' : 'jpg';
      sendDownload(reply, {
        buffer: scan.bytes,
        mediaType: scan.mediaType,
        asciiName: `ban-ky-${request.params.agreementId}.${ext}`,
        name: `Bản ký ${request.params.agreementId}.${ext}`,
      });
    },
  );

  app.post(
    '/api/events/:eventId/agreements/ceremony',
    {
      schema: {
        tags,
        summary: 'Xếp lễ ký kết: chia các văn bản (trừ dự thảo) thành đợt, theo bên mua và giá trị',
        security: cookieAuth,
        params: eventParams,
        body: ceremonyPlanInputSchema,
        response: { 200: agreementListSchema },
      },
    },
    async (request) => {
      const actor = await actorInEvent(db, request, canEditAgreements);
      return planSigningCeremony(db, actor, request.params.eventId, request.body);
    },
  );

  app.get(
    '/api/events/:eventId/agreements/ceremony',
    {
      schema: {
        tags,
        summary: 'Lễ ký kết theo đợt: các cặp lên ký, người ký, có mặt (theo điểm danh), người ký thay',
        security: cookieAuth,
        params: eventParams,
        response: { 200: signingCeremonySchema },
      },
    },
    async (request) => {
      await actorInEvent(db, request, canPrintSigningList);
      return { rounds: await signingCeremony(db, request.params.eventId) };
    },
  );

  app.get(
    '/api/events/:eventId/agreements/signing-list.docx',
    {
      schema: {
        tags,
        summary: 'Danh sách ký kết (DOCX) theo đợt, cho người dẫn chương trình và bộ phận lễ tân',
        security: cookieAuth,
        params: eventParams,
        response: {
          200: { description: 'Tệp DOCX', content: { [DOCX_MEDIA_TYPE]: { schema: z.string() } } },
        },
      },
    },
    async (request, reply) => {
      await actorInEvent(db, request, canPrintSigningList);
      sendDownload(reply, {
        buffer: await buildSigningListDocx(db, request.params.eventId),
        mediaType: DOCX_MEDIA_TYPE,
        asciiName: 'danh-sach-ky-ket.docx',
        name: 'Danh sách ký kết.docx',
      });
    },
  );
}
