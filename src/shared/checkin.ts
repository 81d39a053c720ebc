import { z } from 'zod';
import { idSchema, nameSchema, optionalTextSchema } from './common';
import { MAX_NAME, MAX_SHORT_NAME } from './limits';

/** One scan as a device sends it: the QR token or the delegate picked by name, with the device's own ids. */
export const checkinInputSchema = z
  .strictObject({
    token: z.string().min(1).max(2000).optional(),
    delegateId: idSchema.optional(),
    /** Made by the device when the scan happens; a retried upload carries the same one and never counts twice. */
    clientId: z.string().min(8).max(100),
    scannedAt: z.iso.datetime({ offset: true }),
    deviceId: z.string().min(1).max(100),
  })
  .refine((v) => (v.token === undefined) !== (v.delegateId === undefined), {
    message: 'Gửi đúng một trong hai: token (mã QR) hoặc delegateId',
    path: ['token'],
  });
export type CheckinInput = z.infer<typeof checkinInputSchema>;

export const CHECKIN_STATUSES = ['checked_in', 'already_checked_in'] as const;

export const checkinDelegateSchema = z.object({
  id: z.string(),
  fullName: z.string(),
  honorific: z.string().nullable(),
  position: z.string().nullable(),
  organization: z.string().nullable(),
  groupTitle: z.string().nullable(),
  seat: z.string().nullable(),
  status: z.string(),
  documentsAt: z.string().nullable(),
});
export type CheckinDelegate = z.infer<typeof checkinDelegateSchema>;

export const checkinResultSchema = z.object({
  status: z.enum(CHECKIN_STATUSES),
  delegate: checkinDelegateSchema,
  /** When the scan that counts was made (the earliest of all scans of this person). */
  checkedInAt: z.string(),
});
export type CheckinResult = z.infer<typeof checkinResultSchema>;

export const MAX_CHECKIN_BATCH = 500;
export const checkinBatchSchema = z.strictObject({
  checkins: z.array(checkinInputSchema).min(1).max(MAX_CHECKIN_BATCH),
});
export const checkinBatchResultSchema = z.object({
  results: z.array(
    z.object({
      clientId: z.string(),
      result: checkinResultSchema.nullable(),
      /** A scan the server refuses for good (unknown QR, not of this event): the device stops retrying it. */
      error: z.object({ code: z.string(), message: z.string() }).nullable(),
    }),
  ),
});

export const walkInInputSchema = z.strictObject({
  fullName: nameSchema(MAX_SHORT_NAME),
  position: optionalTextSchema(MAX_SHORT_NAME),
  organization: optionalTextSchema(MAX_NAME),
  /** Why someone not on the list is let in: "Phóng viên báo Thanh Hóa", "Đi cùng lãnh đạo huyện"… */
  reason: nameSchema(MAX_NAME),
  clientId: z.string().min(8).max(100),
  scannedAt: z.iso.datetime({ offset: true }),
  deviceId: z.string().min(1).max(100),
});
export type WalkInInput = z.infer<typeof walkInInputSchema>;

export const doorSubstituteSchema = z.strictObject({
  delegateId: idSchema,
  fullName: nameSchema(MAX_SHORT_NAME),
  position: optionalTextSchema(MAX_SHORT_NAME),
  clientId: z.string().min(8).max(100),
  scannedAt: z.iso.datetime({ offset: true }),
  deviceId: z.string().min(1).max(100),
});
export type DoorSubstituteInput = z.infer<typeof doorSubstituteSchema>;

/** The event's list as a check-in phone keeps it offline: what the desk shows, QR tokens only as SHA-256. */
export const checkinSnapshotSchema = z.object({
  eventId: z.string(),
  eventName: z.string(),
  generatedAt: z.string(),
  delegates: z.array(
    checkinDelegateSchema.extend({
      /** Folded name, position and unit words for accent-insensitive search on the device. */
      searchKey: z.string(),
      /** SHA-256 (hex) of the delegate's QR token; null when no invitation QR was issued. */
      tokenHash: z.string().nullable(),
      /** SHA-256 (hex) of the delegate's badge check-in code (the QR on the badge); null when no badge was printed. */
      badgeTokenHash: z.string().nullable(),
      checkedInAt: z.string().nullable(),
    }),
  ),
});
export type CheckinSnapshot = z.infer<typeof checkinSnapshotSchema>;

export const roomSummarySchema = z.object({
  expected: z.number().int(),
  arrived: z.number().int(),
  walkIns: z.number().int(),
  duplicates: z.number().int(),
  documents: z.number().int(),
  groups: z.array(
    z.object({
      groupId: z.string().nullable(),
      title: z.string(),
      expected: z.number().int(),
      arrived: z.number().int(),
    }),
  ),
  updatedAt: z.string(),
});
export type RoomSummary = z.infer<typeof roomSummarySchema>;

export const duplicateScanSchema = z.object({
  delegateId: z.string(),
  fullName: z.string(),
  scannedAt: z.string(),
  deviceId: z.string(),
  checkedInAt: z.string(),
  firstDeviceId: z.string(),
});
