import { formatDate, formatTime } from '../../shared/format';
import { formatPhone } from '../../shared/phone';
import type { PersonalData } from '../../shared/privacy';
import { DELEGATE_STATUS_LABELS } from '../../shared/vocabulary';
import { writeListWorkbook } from '../documents/xlsx';

const when = (iso: string | null) => (iso ? `${formatTime(iso)} ${formatDate(iso)}` : null);

/** The same answer as the JSON, as the two-column sheet an office can print and hand to the person. */
export function buildPersonalDataXlsx(data: PersonalData): Promise<Buffer> {
  const d = data.delegate;
  const rows: (string | number | null)[][] = [
    ['Họ và tên', d.fullName],
    ['Chức vụ', d.position],
    ['Đơn vị', d.unitName ?? d.organization],
    ['Thành phần', d.groupTitle],
    ['Số điện thoại', d.phone ? formatPhone(d.phone) : null],
    ['Email', d.email],
    ['Giới tính', d.gender],
    ['Ghi chú', d.notes],
    ['Trạng thái', DELEGATE_STATUS_LABELS[d.status]],
    ...data.replyLinks.map((l) => [
      'Liên kết trả lời',
      `tạo ${when(l.createdAt)}${l.revokedAt ? `, thu hồi ${when(l.revokedAt)}` : ''}`,
    ]),
    ...data.invitations.map((i) => [
      'Giấy mời',
      `số ${i.number}, ${when(i.issuedAt)}, ${i.channel}: ${i.recipient}`,
    ]),
    ...data.checkins.map((c) => ['Quét điểm danh', `${when(c.scannedAt)} (${c.outcome})`]),
    ['Có mặt', data.attendance ? when(data.attendance.checkedInAt) : 'Không'],
    ['Ghế', data.seat],
    ...data.awards.map((a) => [
      a.role === 'presenter' ? 'Trao chứng nhận' : 'Nhận chứng nhận',
      `đợt ${a.batchNumber}${a.batchTitle ? ` — ${a.batchTitle}` : ''}${a.producerName ? `, thay mặt ${a.producerName}` : ''}`,
    ]),
    ...data.history.map((h) => [
      'Lịch sử',
      `${when(h.at)}: ${h.actorName ?? 'hệ thống'} — ${h.entity} ${h.action}`,
    ]),
  ];
  return writeListWorkbook({
    sheetName: 'Dữ liệu cá nhân',
    titleLines: [
      'DỮ LIỆU CÁ NHÂN LƯU TRONG HỆ THỐNG',
      `Hội nghị: ${data.event.name}`,
      `Lập lúc ${when(data.generatedAt)}`,
    ],
    columns: [
      { label: 'Mục', width: 24 },
      { label: 'Nội dung', width: 80 },
    ],
    rows,
  });
}
