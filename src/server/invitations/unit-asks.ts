import type { CompositionGroup } from '../../shared/delegates';
import { foldTitle } from '../../shared/protocol';
import type { Unit } from '../../shared/units';

/**
 * Who is asked to send people, by protocol: a body asks bodies of its own level or below to send delegates; it
 * never writes to itself; the province's Party committee, People's Council and leadership, and central guests,
 * receive personal invitations, never a "cử đại biểu" request; and a group the plan leaves to the districts
 * (communes, producers — the seed's IV.5) is relayed through each district's People's Committee instead of a
 * letter from the province to every commune and business.
 */
export interface UnitAsk {
  unitId: string;
  /** "UBND huyện Hoằng Hóa": a district or commune is written to through its People's Committee. */
  name: string;
  /** "- 03 đại biểu: Lãnh đạo huyện;" — people the unit sends itself. */
  send: string[];
  sendTotal: number;
  /** "- 02 đại biểu: Đại diện các xã có sản phẩm OCOP (Xã Hoằng Đạo, Xã Hoằng Xuân);" — the district invites. */
  relay: string[];
  relayTotal: number;
}

/** Invited in person, never asked to send someone: the province's leadership bodies and central agencies. */
const PERSONAL_ONLY = new Set(['provincial_leadership', 'central_agency']);

export function addressOf(unitName: string): string {
  const m = /^(Huyện|Thị xã|Thành phố|Xã|Phường|Thị trấn) (.+)$/u.exec(unitName);
  return m ? `UBND ${m[1]!.toLocaleLowerCase('vi')} ${m[2]}` : unitName;
}

const two = (n: number) => String(n).padStart(2, '0');

export function planUnitAsks(
  groups: CompositionGroup[],
  units: Map<string, Unit>,
  /** The issuing body: its names as written (agency lines, the event's host) and units (the lead unit). */
  issuer: { names: string[]; unitIds: string[] },
  onlyUnitId?: string,
): UnitAsk[] {
  const issuers = issuer.names.map((n) => foldTitle(n).trim()).filter(Boolean);
  // A letterhead line may shorten the body ("VĂN PHÒNG ĐIỀU PHỐI NTM" for "Văn phòng Điều phối nông thôn mới
  // tỉnh"): a long enough name also matches as the start of a unit's; a bare "ỦY BAN NHÂN DÂN" never does.
  const isPrefix = (i: string) =>
    i.split(' ').length >= 4 && !/^(uy ban nhan dan|hoi dong nhan dan)$/.test(i);
  const isIssuer = (unit: Unit) =>
    issuer.unitIds.includes(unit.id) ||
    [unit.name, unit.shortName, addressOf(unit.name)].some((n) => {
      const folded = foldTitle(n).trim();
      return issuers.some((i) => folded === i || (isPrefix(i) && folded.startsWith(`${i} `)));
    });
  const asks = new Map<string, UnitAsk>();
  const askOf = (unit: Unit) => {
    let ask = asks.get(unit.id);
    if (!ask) {
      ask = { unitId: unit.id, name: addressOf(unit.name), send: [], sendTotal: 0, relay: [], relayTotal: 0 };
      asks.set(unit.id, ask);
    }
    return ask;
  };
  for (const group of groups) {
    const relayed = new Map<string, { quota: number; names: string[] }>();
    for (const seat of group.seats) {
      const unit = units.get(seat.unitId);
      if (!unit || seat.quota === 0 || PERSONAL_ONLY.has(unit.kind) || isIssuer(unit)) continue;
      const district = unit.parentId ? units.get(unit.parentId) : undefined;
      if (group.inviter === 'district' && district?.kind === 'district' && !isIssuer(district)) {
        const entry = relayed.get(district.id) ?? { quota: 0, names: [] };
        entry.quota += seat.quota;
        entry.names.push(unit.name);
        relayed.set(district.id, entry);
        continue;
      }
      const ask = askOf(unit);
      ask.send.push(`- ${two(seat.quota)} đại biểu: ${group.title};`);
      ask.sendTotal += seat.quota;
    }
    for (const [districtId, { quota, names }] of relayed) {
      const ask = askOf(units.get(districtId)!);
      ask.relay.push(`- ${two(quota)} đại biểu: ${group.title} (${names.join(', ')});`);
      ask.relayTotal += quota;
    }
  }
  return [...asks.values()].filter((a) => !onlyUnitId || a.unitId === onlyUnitId);
}

/** The request's opening and its lines, the last closed with a full stop. */
export function askWording(eventName: string, ask: UnitAsk): { body: string; lines: string[] } {
  const close = (lines: string[]) => lines.map((l, i) => (i === lines.length - 1 ? `${l.slice(0, -1)}.` : l));
  if (!ask.relay.length) {
    return {
      body: `Để tổ chức ${eventName}, đề nghị ${ask.name} cử ${two(ask.sendTotal)} đại biểu tới dự, cụ thể:`,
      lines: close(ask.send),
    };
  }
  const relayIntro = `Mời ${two(ask.relayTotal)} đại biểu các xã, chủ thể trên địa bàn tới dự (${ask.name} mời trực tiếp):`;
  if (!ask.send.length) {
    return {
      body: `Để tổ chức ${eventName}, đề nghị ${ask.name}:`,
      lines: [relayIntro, ...close(ask.relay)],
    };
  }
  return {
    body: `Để tổ chức ${eventName}, đề nghị ${ask.name}:`,
    lines: [`Cử ${two(ask.sendTotal)} đại biểu tới dự:`, ...ask.send, relayIntro, ...close(ask.relay)],
  };
}
