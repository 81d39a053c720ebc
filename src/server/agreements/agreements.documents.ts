import { formatVnd } from '../../shared/format';
import type { Executor } from '../db/database';
import {
  agencyLines,
  documentTitle,
  headerTable,
  issuerPlace,
  listTable,
  officialDocument,
  para,
  placeDateLine,
  run,
} from '../documents/official-docx';
import { getEventById } from '../events/events.service';
import { nowIso } from '../util';
import { type CeremonyParty, signingCeremony } from './agreements.service';

function signerText(p: CeremonyParty): string {
  const s = p.signatory;
  if (!s) return `${p.unitName}\n(chưa có người ký)`;
  const person = [s.name, s.position].filter(Boolean).join(', ');
  const lines = [p.unitName, person];
  if (s.present === false && s.standIn) {
    lines.push(`Vắng mặt; ký thay: ${[s.standIn.name, s.standIn.position].filter(Boolean).join(', ')}`);
  } else if (s.present === false) {
    lines.push('Vắng mặt, chưa có người ký thay');
  } else if (s.standIn && s.delegateId) {
    lines.push(`Người ký thay (nếu vắng): ${s.standIn.name}`);
  }
  return lines.join('\n');
}

/**
 * The signing list the MC and the protocol staff hold: an official document (ND 30/2020) with one table, the
 * rounds as headed parts, each pair's seller and buyer with who signs for them.
 */
export async function buildSigningListDocx(db: Executor, eventId: string): Promise<Buffer> {
  const event = await getEventById(db, eventId);
  const rounds = await signingCeremony(db, eventId);
  const place = issuerPlace(event.planIssuer) || '……';
  const pairs = rounds.flatMap((r) => r.pairs);
  const total = pairs.reduce((s, p) => s + (p.valueVnd ?? 0), 0);
  let n = 0;
  const body = [
    headerTable({
      agencyLines: agencyLines(event.planIssuer ?? event.hostName),
      numberLine: '',
      placeDateLine: placeDateLine(place, nowIso().slice(0, 10), new Date().getUTCFullYear()),
    }),
    ...documentTitle(
      'Danh sách ký kết',
      `Các bản hợp đồng, ghi nhớ, cam kết về cung ứng, tiêu thụ sản phẩm OCOP tại ${event.name}`,
    ),
    para(
      [
        run(
          pairs.length
            ? `Tổng số: ${pairs.length} văn bản trong ${rounds.length} đợt ký; tổng giá trị ${formatVnd(total)}.`
            : 'Chưa có văn bản nào được xếp lên sân khấu.',
          { italics: true },
        ),
      ],
      { indent: {} },
    ),
    listTable(
      [
        { label: 'STT', share: 7 },
        { label: 'Văn bản', share: 27 },
        { label: 'Bên bán (chủ thể OCOP)', share: 26 },
        { label: 'Bên mua', share: 26 },
        { label: 'Giá trị', share: 14 },
      ],
      rounds.map((r) => ({
        title: `Đợt ${r.round}`,
        rows: r.pairs.map((p) => [
          String(++n),
          `${p.title}\n(${p.kind})`,
          p.parties
            .filter((x) => x.role === 'seller')
            .map(signerText)
            .join('\n\n'),
          p.parties
            .filter((x) => x.role === 'buyer')
            .map(signerText)
            .join('\n\n'),
          p.valueVnd === null ? '' : formatVnd(p.valueVnd),
        ]),
      })),
    ),
  ];
  return officialDocument(body, `Danh sách ký kết tại ${event.name}`);
}
