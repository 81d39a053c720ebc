import {
  Alert,
  Badge,
  Box,
  Button,
  Grid,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type KeyboardEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PresidiumRole } from '../../../../shared/protocol';
import { GROUP_COLOURS, type Seating, type SeatPosition, seatsOf } from '../../../../shared/seating';
import { foldVietnamese } from '../../../../shared/text';

type Entry = Seating['seats'][number];

const NO_GROUP = '#495057';
const colourOf = (position: number | null) =>
  position === null ? NO_GROUP : GROUP_COLOURS[position % GROUP_COLOURS.length]!;
/** Groups past the palette's length repeat a colour: stripes or a darker hatch tell them apart. */
const patternOf = (position: number | null): string | undefined => {
  const cycle = position === null ? 0 : Math.floor(position / GROUP_COLOURS.length) % 3;
  if (cycle === 1) return 'repeating-linear-gradient(45deg, rgba(0,0,0,0.45) 0 3px, transparent 3px 7px)';
  if (cycle === 2) return 'radial-gradient(rgba(0,0,0,0.5) 1.2px, transparent 1.4px) 0 0 / 5px 5px';
  return undefined;
};
const swatch = (position: number | null) => ({
  background: [patternOf(position), colourOf(position)].filter(Boolean).join(', '),
});
const RESERVED_BG = '#fff3bf';
const MARK = '#e8590c';

export interface SeatMapProps {
  eventId: string;
  data: Seating;
  roles: Map<string, PresidiumRole>;
  onMove: (
    delegateId: string,
    seat: string | null,
    done: () => void,
    failed: (message: string) => void,
  ) => void;
  moving: boolean;
  onBadge: (delegateId: string) => void;
}

/**
 * The hall as a map: blocks side by side under the stage, rows front to back, each seat coloured by the group of
 * whoever sits there, the chair (★) and the presidium (☆) marked, the reserved rows tinted. A click (or Enter on
 * the focused seat; arrow keys move between seats) shows who sits there; "Move" then a free seat moves them, and
 * a moved seat is pinned. The search finds a name and rings their seat.
 */
export function SeatMap({ eventId, data, roles, onMove, moving: pending, onBadge }: SeatMapProps) {
  const { t } = useTranslation();
  const { layout } = data;
  const seats = useMemo(() => seatsOf(layout), [layout]);
  const bySeat = useMemo(() => new Map(data.seats.map((s) => [s.seat, s])), [data.seats]);
  const [selected, setSelected] = useState<string | null>(null);
  const [focusKey, setFocusKey] = useState<string>(seats[0]?.label ?? 'A01');
  const [moving, setMoving] = useState<Entry | null>(null);
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const needle = foldVietnamese(query.trim());
  const matches = useMemo(
    () =>
      needle.length < 2
        ? []
        : data.seats
            .filter((s) => foldVietnamese(s.fullName).includes(needle))
            .sort((a, b) => a.fullName.localeCompare(b.fullName, 'vi')),
    [data.seats, needle],
  );
  const found = new Set(matches.map((m) => m.seat));
  const seatId = (label: string) => `seat-${eventId}-${label}`;
  const rows = Array.from({ length: layout.rows }, (_, r) => seats.filter((s) => s.row === r));
  const width = layout.blocks.reduce((s, b) => s + b.seatsPerRow, 0);
  const person = selected ? bySeat.get(selected) : undefined;

  const focusSeat = (label: string) => {
    setFocusKey(label);
    document.getElementById(seatId(label))?.focus();
  };
  const select = (label: string) => {
    setSelected(label);
    setFocusKey(label);
    setNotice(null);
  };
  const moveTo = (who: Entry, seat: string) => {
    onMove(
      who.delegateId,
      seat,
      () => {
        setMoving(null);
        setTyped('');
        select(seat);
        notifications.show({ message: t('protocol.moved', { name: who.fullName, seat }) });
      },
      setNotice,
    );
  };
  const click = (seat: SeatPosition) => {
    const holder = bySeat.get(seat.label);
    if (moving) {
      if (holder && holder.delegateId !== moving.delegateId) {
        setNotice(t('protocol.taken', { seat: seat.label }));
        return;
      }
      if (!holder) {
        moveTo(moving, seat.label);
        return;
      }
    }
    select(seat.label);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape' && moving) {
      setMoving(null);
      return;
    }
    const current = seats.find((s) => s.label === focusKey);
    if (!current) return;
    const step: Record<string, [number, number]> = {
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
    };
    const d = step[e.key];
    if (!d) return;
    e.preventDefault();
    const row = Math.min(layout.rows - 1, Math.max(0, current.row + d[0]));
    const number = Math.min(width, Math.max(1, current.number + d[1]));
    const next = seats.find((s) => s.row === row && s.number === number);
    if (next) focusSeat(next.label);
  };
  const seatLabel = (seat: SeatPosition, holder: Entry | undefined) => {
    if (!holder) return t('protocol.seatFree', { seat: seat.label });
    const role = roles.get(holder.delegateId);
    const base = t('protocol.seatTaken', {
      seat: seat.label,
      name: holder.fullName,
      position: holder.position ?? '',
    });
    return role ? `${base} (${t(`protocol.${role}`)})` : base;
  };
  const groups = useMemo(() => {
    const seen = new Map<number | null, string>();
    for (const s of data.seats) if (!seen.has(s.groupPosition)) seen.set(s.groupPosition, s.groupTitle ?? '');
    return [...seen.entries()].sort(
      ([a], [b]) => (a ?? Number.MAX_SAFE_INTEGER) - (b ?? Number.MAX_SAFE_INTEGER),
    );
  }, [data.seats]);

  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, lg: 9 }}>
        <Stack gap="xs">
          <Group align="flex-end" gap="sm">
            <TextInput
              type="search"
              label={t('protocol.searchName')}
              placeholder={t('protocol.searchPlaceholder')}
              w={320}
              value={query}
              onChange={(e) => setQuery(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && matches[0]) {
                  e.preventDefault();
                  select(matches[0].seat);
                  focusSeat(matches[0].seat);
                }
              }}
            />
            {needle.length >= 2 && (
              <Text size="sm" role="status">
                {matches.length ? t('protocol.matches', { count: matches.length }) : t('protocol.noMatch')}
              </Text>
            )}
          </Group>
          {matches.length > 0 && (
            <Group gap={6}>
              {matches.slice(0, 8).map((m) => (
                <Button
                  key={m.delegateId}
                  size="compact-sm"
                  variant="light"
                  onClick={() => {
                    select(m.seat);
                    focusSeat(m.seat);
                  }}
                >
                  {m.seat} · {m.fullName}
                </Button>
              ))}
            </Group>
          )}
          <Paper withBorder p="xs" style={{ overflowX: 'auto' }}>
            <Box
              role="group"
              aria-label={t('protocol.hallMap', { name: layout.name })}
              onKeyDown={onKeyDown}
              miw={31 * 18 + 80}
            >
              <Box
                mx="auto"
                mb={8}
                py={4}
                w="50%"
                ta="center"
                fw={700}
                fz="sm"
                style={{ background: '#e9ecef', border: '1px solid #343a40', borderRadius: 4 }}
              >
                {t('protocol.stage')}
              </Box>
              {rows.map((rowSeats, r) => {
                const letter = rowSeats[0]?.label[0] ?? '';
                const reserved = r < layout.reservedRows;
                return (
                  <Group
                    key={letter}
                    role="group"
                    aria-label={
                      reserved
                        ? `${t('protocol.row', { row: letter })} (${t('protocol.reservedRow')})`
                        : t('protocol.row', { row: letter })
                    }
                    gap={0}
                    wrap="nowrap"
                    mb={2}
                    py={1}
                    style={{ background: reserved ? RESERVED_BG : undefined, borderRadius: 4 }}
                  >
                    <Text aria-hidden fz="xs" fw={700} w={18} ta="center">
                      {letter}
                    </Text>
                    {layout.blocks.map((block, b) => (
                      <Group
                        // biome-ignore lint/suspicious/noArrayIndexKey: blocks are positional, left to right
                        key={b}
                        gap={2}
                        wrap="nowrap"
                        style={{ flex: `${block.seatsPerRow} 1 0`, marginInline: 6 }}
                      >
                        {rowSeats
                          .filter((s) => s.block === b)
                          .map((seat) => {
                            const holder = bySeat.get(seat.label);
                            const role = holder ? roles.get(holder.delegateId) : undefined;
                            const isSelected = selected === seat.label;
                            const isFound = found.has(seat.label);
                            const rings = [
                              isSelected && '0 0 0 2px #fff, 0 0 0 4px #1864ab',
                              isFound && !isSelected && `0 0 0 2px #fff, 0 0 0 5px ${MARK}`,
                            ].filter(Boolean);
                            return (
                              <button
                                key={seat.label}
                                id={seatId(seat.label)}
                                type="button"
                                tabIndex={focusKey === seat.label ? 0 : -1}
                                aria-pressed={isSelected}
                                title={seatLabel(seat, holder)}
                                data-seat={seat.label}
                                data-found={isFound || undefined}
                                onFocus={() => setFocusKey(seat.label)}
                                onClick={() => click(seat)}
                                style={{
                                  flex: '1 1 0',
                                  minWidth: 16,
                                  maxWidth: 34,
                                  height: 24,
                                  padding: 0,
                                  fontSize: role ? 13 : 10,
                                  lineHeight: 1,
                                  fontWeight: 700,
                                  cursor: 'pointer',
                                  borderRadius: 4,
                                  color: holder ? '#fff' : '#343a40',
                                  background: holder
                                    ? swatch(holder.groupPosition).background
                                    : reserved
                                      ? '#fffbeb'
                                      : '#fff',
                                  border: role
                                    ? `${role === 'chair' ? 3 : 2}px solid #000`
                                    : holder
                                      ? '1px solid transparent'
                                      : '1px solid #868e96',
                                  boxShadow: rings.join(', ') || undefined,
                                  position: 'relative',
                                  zIndex: rings.length ? 1 : undefined,
                                }}
                              >
                                <span aria-hidden="true">
                                  {role === 'chair' ? '★' : role === 'member' ? '☆' : seat.label.slice(1)}
                                </span>
                                <VisuallyHidden>{seatLabel(seat, holder)}</VisuallyHidden>
                              </button>
                            );
                          })}
                      </Group>
                    ))}
                    <Text aria-hidden fz="xs" fw={700} w={18} ta="center">
                      {letter}
                    </Text>
                  </Group>
                );
              })}
            </Box>
          </Paper>
          <Paper withBorder p="xs">
            <Title order={3} size="h6" mb={4}>
              {t('protocol.legend')}
            </Title>
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing={4} verticalSpacing={2}>
              {groups.map(([position, title]) => (
                <Group key={position ?? 'none'} gap={6} wrap="nowrap">
                  <Box w={14} h={14} style={{ ...swatch(position), borderRadius: 3, flex: 'none' }} />
                  <Text size="xs" lineClamp={1} title={title}>
                    {title || t('protocol.noGroup')}
                  </Text>
                </Group>
              ))}
              <Group gap={6} wrap="nowrap">
                <Box
                  w={14}
                  h={14}
                  style={{ background: RESERVED_BG, border: '1px solid #868e96', flex: 'none' }}
                />
                <Text size="xs">{t('protocol.reservedLegend')}</Text>
              </Group>
              <Text size="xs">
                ★ {t('protocol.chair')} · ☆ {t('protocol.member')} ·{' '}
                <Text span size="xs" fw={700} c="#1864ab">
                  ◻ {t('protocol.selectedLegend')}
                </Text>{' '}
                ·{' '}
                <Text span size="xs" fw={700} c="#c2410c">
                  ◻ {t('protocol.foundLegend')}
                </Text>
              </Text>
            </SimpleGrid>
          </Paper>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 3 }}>
        <Paper withBorder p="sm" style={{ position: 'sticky', top: 72 }} aria-live="polite">
          <Stack gap="xs">
            {moving && (
              <Alert color="blue" p="xs">
                <Stack gap={6}>
                  <Text size="sm">{t('protocol.moveHint', { name: moving.fullName })}</Text>
                  <Group gap={4} align="flex-end" wrap="nowrap">
                    <TextInput
                      size="xs"
                      w={90}
                      label={t('protocol.moveToSeat')}
                      placeholder="A01"
                      value={typed}
                      onChange={(e) => setTyped(e.currentTarget.value.toUpperCase())}
                    />
                    <Button
                      size="xs"
                      disabled={!/^[A-Z]\d{2}$/.test(typed)}
                      loading={pending}
                      onClick={() => moveTo(moving, typed)}
                    >
                      {t('seating.move')}
                    </Button>
                    <Button size="xs" variant="default" onClick={() => setMoving(null)}>
                      {t('protocol.cancelMove')}
                    </Button>
                  </Group>
                </Stack>
              </Alert>
            )}
            {notice && (
              <Alert color="orange" p="xs">
                {notice}
              </Alert>
            )}
            {!selected && <Text size="sm">{t('protocol.clickSeat')}</Text>}
            {selected && !person && <Text size="sm">{t('protocol.seatEmpty', { seat: selected })}</Text>}
            {person && (
              <>
                <Group gap="xs">
                  <Badge size="lg" variant="outline" color="dark">
                    {person.seat}
                  </Badge>
                  {roles.get(person.delegateId) && (
                    <Badge color="red">{t(`protocol.${roles.get(person.delegateId)}`)}</Badge>
                  )}
                </Group>
                <Title order={3} size="h4">
                  {person.fullName}
                </Title>
                {person.position && <Text size="sm">{person.position}</Text>}
                {person.unitName && <Text size="sm">{person.unitName}</Text>}
                <Group gap={6} wrap="nowrap" align="flex-start">
                  <Box
                    w={12}
                    h={12}
                    mt={4}
                    style={{ ...swatch(person.groupPosition), borderRadius: 3, flex: 'none' }}
                  />
                  <Text size="xs">{person.groupTitle ?? t('protocol.noGroup')}</Text>
                </Group>
                <Text size="xs">{t('protocol.rankLine', { rank: person.protocolRank })}</Text>
                {person.pinned && <Text size="xs">{t('protocol.pinned')}</Text>}
                <Group gap={4}>
                  <Button
                    size="xs"
                    onClick={() => setMoving(person)}
                    disabled={moving?.delegateId === person.delegateId}
                  >
                    {t('protocol.startMove')}
                  </Button>
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => onMove(person.delegateId, null, () => setSelected(null), setNotice)}
                  >
                    {t('seating.unseat')}
                  </Button>
                  <Button size="xs" variant="default" onClick={() => onBadge(person.delegateId)}>
                    {t('seating.badge')}
                  </Button>
                </Group>
              </>
            )}
          </Stack>
        </Paper>
      </Grid.Col>
    </Grid>
  );
}
