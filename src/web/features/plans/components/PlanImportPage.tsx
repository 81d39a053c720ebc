import {
  Alert,
  Badge,
  Box,
  Button,
  Grid,
  Group,
  NumberInput,
  Paper,
  ScrollArea,
  Stack,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { vietnamLocalToInstant } from '../../../../shared/format';
import type { CompositionNode, PlanDraft, ProgramItem, Source } from '../../../../shared/plan';
import { draftToContents, draftToEvent } from '../../../../shared/plan-mapping';
import { VnDateInput, VnTimeInput } from '../../../lib/dates';
import { useErrorMessage } from '../../../lib/i18n';
import { type ParsedPlan, useCreateFromPlan, useParsePlan } from '../api/plans';
import { PlanSourceInput } from './PlanSourceInput';

type Highlight = Source | null;

/**
 * The document as read, line by line; the lines of the field in focus are marked and scrolled into view inside the
 * pane only. `scrollIntoView` also scrolled the window, so the field being typed in jumped off-screen.
 */
function SourcePane({ text, highlight, label }: { text: string; highlight: Highlight; label: string }) {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const refs = useRef<(HTMLDivElement | null)[]>([]);
  const viewport = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const line = highlight ? refs.current[highlight.from - 1] : null;
    const pane = viewport.current;
    if (!line || !pane) return;
    const offset = line.getBoundingClientRect().top - pane.getBoundingClientRect().top + pane.scrollTop;
    pane.scrollTo({ top: Math.max(0, offset - pane.clientHeight / 3), behavior: 'smooth' });
  }, [highlight]);
  return (
    // Focusable, so the plan's text can be scrolled with the keyboard as well as the mouse.
    <ScrollArea
      h="75vh"
      type="auto"
      viewportRef={viewport}
      viewportProps={{ tabIndex: 0, 'aria-label': label }}
    >
      <Box ff="monospace" fz="xs" aria-label="source">
        {lines.map((line, i) => {
          const n = i + 1;
          const marked = !!highlight && n >= highlight.from && n <= highlight.to;
          return (
            <div
              // biome-ignore lint/suspicious/noArrayIndexKey: a line's number is its identity
              key={i}
              ref={(el) => {
                refs.current[i] = el;
              }}
              data-line={n}
              data-highlighted={marked || undefined}
              style={{
                display: 'flex',
                gap: 8,
                background: marked ? 'var(--mantine-color-yellow-2)' : undefined,
              }}
            >
              {/* On the marked lines' yellow the dimmed grey is too faint: the number takes the text's colour. */}
              <span
                style={{
                  color: marked ? 'inherit' : 'var(--mantine-color-dimmed)',
                  minWidth: 32,
                  textAlign: 'right',
                }}
              >
                {n}
              </span>
              <span style={{ whiteSpace: 'pre-wrap' }}>{line.normalize('NFC')}</span>
            </div>
          );
        })}
      </Box>
    </ScrollArea>
  );
}

/** A field or block that marks its source lines while the user looks at or edits it. */
function Sourced({
  source,
  onFocus,
  children,
}: {
  source: Source | undefined | null;
  onFocus: (s: Highlight) => void;
  children: ReactNode;
}) {
  return (
    <Box onFocusCapture={() => source && onFocus(source)} onMouseEnter={() => source && onFocus(source)}>
      {children}
    </Box>
  );
}

function CompositionEditor({
  nodes,
  onChange,
  onFocus,
  depth = 0,
}: {
  nodes: CompositionNode[];
  onChange: (n: CompositionNode[]) => void;
  onFocus: (s: Highlight) => void;
  depth?: number;
}) {
  const { t } = useTranslation();
  const update = (i: number, patch: Partial<CompositionNode>) =>
    onChange(nodes.map((n, j) => (j === i ? { ...n, ...patch } : n)));
  return (
    <Stack gap={4} pl={depth ? 'md' : 0}>
      {nodes.map((node, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: items are never added, removed or reordered here, and titles change as the user types
        <Sourced key={`${node.source.from}-${i}`} source={node.source} onFocus={onFocus}>
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <Textarea
              aria-label={t('plans.groupTitle')}
              autosize
              minRows={1}
              style={{ flex: 1 }}
              value={node.title}
              onChange={(e) => update(i, { title: e.currentTarget.value })}
            />
            <NumberInput
              aria-label={t('plans.count')}
              w={90}
              min={0}
              placeholder="—"
              value={node.count ?? ''}
              onChange={(v) => update(i, { count: v === '' ? null : Number(v) })}
            />
          </Group>
          {node.perUnit !== null && node.unitCount !== null && (
            <Text size="xs" c="dimmed">
              {t('plans.formula', { units: node.unitCount, perUnit: node.perUnit })}
            </Text>
          )}
          {node.children.length > 0 && (
            <CompositionEditor
              nodes={node.children}
              onChange={(children) => update(i, { children })}
              onFocus={onFocus}
              depth={depth + 1}
            />
          )}
        </Sourced>
      ))}
    </Stack>
  );
}

function ProgramEditor({
  items,
  onChange,
  onFocus,
  depth = 0,
}: {
  items: ProgramItem[];
  onChange: (n: ProgramItem[]) => void;
  onFocus: (s: Highlight) => void;
  depth?: number;
}) {
  const { t } = useTranslation();
  const update = (i: number, patch: Partial<ProgramItem>) =>
    onChange(items.map((n, j) => (j === i ? { ...n, ...patch } : n)));
  return (
    <Stack gap={4} pl={depth ? 'md' : 0}>
      {items.map((item, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: items are never added, removed or reordered here, and titles change as the user types
        <Sourced key={`${item.source.from}-${i}`} source={item.source} onFocus={onFocus}>
          <Group gap="xs" wrap="nowrap">
            <TextInput
              aria-label={t('plans.start')}
              w={70}
              placeholder="HH:MM"
              value={item.start ?? ''}
              onChange={(e) => update(i, { start: e.currentTarget.value || null })}
            />
            <TextInput
              aria-label={t('plans.end')}
              w={70}
              placeholder="HH:MM"
              value={item.end ?? ''}
              onChange={(e) => update(i, { end: e.currentTarget.value || null })}
            />
            <TextInput
              aria-label={t('plans.itemTitle')}
              style={{ flex: 1 }}
              value={item.title}
              onChange={(e) => update(i, { title: e.currentTarget.value })}
            />
          </Group>
          {item.children.length > 0 && (
            <ProgramEditor
              items={item.children}
              onChange={(children) => update(i, { children })}
              onFocus={onFocus}
              depth={depth + 1}
            />
          )}
        </Sourced>
      ))}
    </Stack>
  );
}

const VN_DATE = (iso: string | null) => (iso ? iso.slice(0, 10) : null);
const VN_TIME = (iso: string | null, fallback: string) =>
  iso && iso.length > 10 ? iso.slice(11, 16) : fallback;

function Review({ parsed }: { parsed: ParsedPlan }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateFromPlan();
  const errorMessage = useErrorMessage();
  const [draft, setDraft] = useState<PlanDraft>(parsed.draft);
  const [highlight, setHighlight] = useState<Highlight>(null);
  const e = draft.event;
  const [startDate, setStartDate] = useState<string | null>(VN_DATE(e.time.start));
  const [startTime, setStartTime] = useState(VN_TIME(e.time.start, '08:00'));
  const [endDate, setEndDate] = useState<string | null>(VN_DATE(e.time.end) ?? VN_DATE(e.time.start));
  const [endTime, setEndTime] = useState(VN_TIME(e.time.end, '11:30'));
  const setEvent = (patch: Partial<PlanDraft['event']>) =>
    setDraft({ ...draft, event: { ...draft.event, ...patch } });
  const src = (path: string) => draft.sources[path];
  const link = (name: string | null) => (name ? (parsed.links[name] ?? null) : null);

  const onCreate = () => {
    if (!startDate || !/^\d{2}:\d{2}$/.test(startTime) || !/^\d{2}:\d{2}$/.test(endTime)) return;
    const times = {
      startsAt: vietnamLocalToInstant(startDate, startTime),
      endsAt: vietnamLocalToInstant(endDate ?? startDate, endTime),
    };
    create.mutate(
      {
        event: draftToEvent(draft, parsed.links, times),
        contents: draftToContents(draft, parsed.links),
        planText: parsed.text,
      },
      { onSuccess: (event) => navigate(`/events/${event.id}`) },
    );
  };

  return (
    <Grid>
      {/* On a phone the fields come first and the source below; on a laptop the source sits on the left. */}
      <Grid.Col span={{ base: 12, md: 5 }} order={{ base: 2, md: 1 }}>
        <Paper withBorder p="xs">
          <Text size="sm" fw={600} mb={4}>
            {parsed.ocr ? t('planReview.ocrText') : t('plans.source')}
          </Text>
          {parsed.ocr && (
            <Text size="xs" c="dimmed" mb={4}>
              {t('planReview.ocrNote')}
            </Text>
          )}
          <SourcePane
            text={parsed.text}
            highlight={highlight}
            label={parsed.ocr ? t('planReview.ocrText') : t('plans.source')}
          />
        </Paper>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 7 }} order={{ base: 1, md: 2 }}>
        <Stack>
          {draft.warnings.length > 0 && (
            <Alert color="orange" title={t('plans.warnings')}>
              <Stack gap={2}>
                {draft.warnings.map((w) => (
                  <Text
                    key={`${w.code}-${w.message}`}
                    size="sm"
                    onMouseEnter={() => w.source && setHighlight(w.source)}
                  >
                    {w.message}
                  </Text>
                ))}
              </Stack>
            </Alert>
          )}
          {create.error && <Alert color="red">{errorMessage(create.error)}</Alert>}
          <Tabs defaultValue="event" keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="event">{t('plans.tabEvent')}</Tabs.Tab>
              <Tabs.Tab value="composition">
                {t('plans.tabComposition')} ({draft.compositionTotal})
              </Tabs.Tab>
              <Tabs.Tab value="program">
                {t('plans.tabProgram')} ({draft.program.length})
              </Tabs.Tab>
              <Tabs.Tab value="tasks">
                {t('plans.tabTasks')} ({draft.tasks.length})
              </Tabs.Tab>
              <Tabs.Tab value="document">{t('planReview.documentTitle')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="event" pt="sm">
              <Stack gap="sm">
                <Sourced source={src('event.name')} onFocus={setHighlight}>
                  <Textarea
                    label={t('events.name')}
                    autosize
                    value={e.name ?? ''}
                    onChange={(ev) => setEvent({ name: ev.currentTarget.value })}
                    required
                  />
                </Sourced>
                <Sourced source={src('event.host')} onFocus={setHighlight}>
                  <TextInput
                    label={t('events.host')}
                    value={e.host ?? ''}
                    onChange={(ev) => setEvent({ host: ev.currentTarget.value })}
                    rightSectionWidth={110}
                    rightSection={<LinkBadge linked={!!link(e.host)} />}
                  />
                </Sourced>
                <Sourced source={src('event.lead')} onFocus={setHighlight}>
                  <TextInput
                    label={t('events.lead')}
                    value={e.lead ?? ''}
                    onChange={(ev) => setEvent({ lead: ev.currentTarget.value })}
                    rightSectionWidth={110}
                    rightSection={<LinkBadge linked={!!link(e.lead)} />}
                  />
                </Sourced>
                <Sourced source={src('event.partners')} onFocus={setHighlight}>
                  <Text size="sm" fw={500}>
                    {t('events.partners')} ({e.partners.length})
                  </Text>
                  <Group gap={6} mb={4}>
                    {e.partners.map((p) => (
                      <Badge
                        key={p.name}
                        variant={link(p.name) ? 'light' : 'outline'}
                        color={link(p.name) ? 'blue' : 'gray'}
                        tt="none"
                      >
                        {p.name}
                      </Badge>
                    ))}
                  </Group>
                  <Textarea
                    aria-label={t('plans.partnersEdit')}
                    description={t('plans.partnersEdit')}
                    autosize
                    value={e.partners.map((p) => p.name).join('\n')}
                    onChange={(ev) =>
                      setEvent({
                        partners: ev.currentTarget.value
                          .split('\n')
                          .map((name) => name.trim())
                          .filter(Boolean)
                          .map((name) => ({ name, source: src('event.partners') ?? { from: 0, to: 0 } })),
                      })
                    }
                  />
                </Sourced>
                <Sourced source={src('event.time')} onFocus={setHighlight}>
                  <TextInput label={t('events.timeText')} value={e.time.text ?? ''} readOnly />
                  <Group grow mt={4}>
                    <VnDateInput
                      label={t('events.startDate')}
                      value={startDate}
                      onChange={setStartDate}
                      required
                      error={!startDate ? t('plans.pickDay') : undefined}
                    />
                    <VnTimeInput label={t('events.startTime')} value={startTime} onChange={setStartTime} />
                    <VnDateInput label={t('events.endDate')} value={endDate} onChange={setEndDate} />
                    <VnTimeInput label={t('events.endTime')} value={endTime} onChange={setEndTime} />
                  </Group>
                </Sourced>
                <Sourced source={src('event.chair')} onFocus={setHighlight}>
                  <TextInput
                    label={t('planReview.chair')}
                    value={e.chair ?? ''}
                    onChange={(ev) => setEvent({ chair: ev.currentTarget.value || null })}
                  />
                </Sourced>
                <Sourced source={src('event.venue')} onFocus={setHighlight}>
                  <TextInput
                    label={t('events.venueName')}
                    value={e.venue ?? ''}
                    onChange={(ev) => setEvent({ venue: ev.currentTarget.value })}
                  />
                </Sourced>
                <Sourced source={src('composition')} onFocus={setHighlight}>
                  <NumberInput
                    label={t('events.expectedAttendees')}
                    value={e.expectedAttendees ?? ''}
                    onChange={(v) => setEvent({ expectedAttendees: v === '' ? null : Number(v) })}
                  />
                </Sourced>
                {draft.funding && (
                  <Sourced source={draft.funding.source} onFocus={setHighlight}>
                    <Textarea
                      label={t('events.fundingSource')}
                      autosize
                      value={draft.funding.text}
                      onChange={(ev) =>
                        setDraft({ ...draft, funding: { ...draft.funding!, text: ev.currentTarget.value } })
                      }
                    />
                  </Sourced>
                )}
                {draft.sideActivities.map((a, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: items are never added, removed or reordered here, and titles change as the user types
                  <Sourced key={`${a.source.from}-${i}`} source={a.source} onFocus={setHighlight}>
                    <TextInput
                      label={t('plans.sideActivity')}
                      value={`${a.title}${a.count !== null ? ` (${a.count} ${a.countUnit ?? ''})` : ''}`}
                      readOnly
                    />
                  </Sourced>
                ))}
              </Stack>
            </Tabs.Panel>
            <Tabs.Panel value="document" pt="sm">
              <DocumentReview draft={draft} onChange={setDraft} onFocus={setHighlight} />
            </Tabs.Panel>
            <Tabs.Panel value="composition" pt="sm">
              <CompositionEditor
                nodes={draft.composition}
                onChange={(composition) => setDraft({ ...draft, composition })}
                onFocus={setHighlight}
              />
            </Tabs.Panel>
            <Tabs.Panel value="program" pt="sm">
              <ProgramEditor
                items={draft.program}
                onChange={(program) => setDraft({ ...draft, program })}
                onFocus={setHighlight}
              />
            </Tabs.Panel>
            <Tabs.Panel value="tasks" pt="sm">
              <Stack gap="sm">
                {draft.tasks.map((task, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: items are never added, removed or reordered here, and titles change as the user types
                  <Sourced key={`${task.source.from}-${i}`} source={task.source} onFocus={setHighlight}>
                    <TextInput
                      label={t('plans.taskUnit')}
                      value={task.unit}
                      onChange={(ev) =>
                        setDraft({
                          ...draft,
                          tasks: draft.tasks.map((x, j) =>
                            j === i ? { ...x, unit: ev.currentTarget.value } : x,
                          ),
                        })
                      }
                    />
                    <DutiesInput
                      duties={task.duties}
                      onChange={(duties) =>
                        setDraft({
                          ...draft,
                          tasks: draft.tasks.map((x, j) => (j === i ? { ...x, duties } : x)),
                        })
                      }
                    />
                  </Sourced>
                ))}
              </Stack>
            </Tabs.Panel>
          </Tabs>
          <Group>
            <Button onClick={onCreate} loading={create.isPending} disabled={!startDate || !e.name}>
              {t('plans.create')}
            </Button>
          </Group>
        </Stack>
      </Grid.Col>
    </Grid>
  );
}

/** What the document itself says: its kind, number, issuer and date, legal bases, signer and recipients. */
function DocumentReview({
  draft,
  onChange,
  onFocus,
}: {
  draft: PlanDraft;
  onChange: (draft: PlanDraft) => void;
  onFocus: (s: Highlight) => void;
}) {
  const { t } = useTranslation();
  const h = draft.header;
  const signer = draft.signer ?? { authority: null, title: null, name: null, source: { from: 0, to: 0 } };
  const setSigner = (patch: Partial<typeof signer>) =>
    onChange({ ...draft, signer: { ...signer, ...patch } });
  const issued = h.date ? h.date.split('-').reverse().join('/') : (h.dateText ?? '');
  return (
    <Stack gap="sm">
      <Sourced source={draft.sources.documentType ?? draft.sources['header.number']} onFocus={onFocus}>
        <Group grow>
          <TextInput
            label={t('planReview.documentType')}
            value={t(`planReview.types.${draft.documentType}`)}
            readOnly
          />
          <TextInput
            label={t('planReview.number')}
            value={h.number ?? (h.symbol ? `…/${h.symbol}` : '')}
            readOnly
          />
        </Group>
      </Sourced>
      <Sourced source={draft.sources['header.issuer'] ?? draft.sources['header.date']} onFocus={onFocus}>
        <Group grow>
          <TextInput label={t('planReview.issuer')} value={h.issuer ?? ''} readOnly />
          <TextInput
            label={t('planReview.issued')}
            value={[h.place, issued].filter(Boolean).join(', ')}
            readOnly
          />
        </Group>
      </Sourced>
      <Text size="sm" fw={500}>
        {t('planReview.legalBases', { count: draft.legalBases.length })}
      </Text>
      <Stack gap={4} component="ol" m={0} pl="md">
        {draft.legalBases.map((basis) => (
          <Box
            component="li"
            key={`${basis.source.from}-${basis.text}`}
            tabIndex={0}
            onFocus={() => onFocus(basis.source)}
            onMouseEnter={() => onFocus(basis.source)}
          >
            <Text size="sm">{basis.text}</Text>
          </Box>
        ))}
      </Stack>
      <Sourced source={draft.sources.signer} onFocus={onFocus}>
        <Text size="sm" fw={500}>
          {t('planReview.signer')}
        </Text>
        <Group grow>
          <TextInput
            label={t('planReview.signerAuthority')}
            value={signer.authority ?? ''}
            onChange={(ev) => setSigner({ authority: ev.currentTarget.value || null })}
          />
          <TextInput
            label={t('planReview.signerTitle')}
            value={signer.title ?? ''}
            onChange={(ev) => setSigner({ title: ev.currentTarget.value || null })}
          />
          <TextInput
            label={t('planReview.signerName')}
            value={signer.name ?? ''}
            onChange={(ev) => setSigner({ name: ev.currentTarget.value || null })}
          />
        </Group>
      </Sourced>
      <Text size="sm" fw={500}>
        {t('planReview.recipients', { count: draft.recipients.length })}
      </Text>
      <Stack gap={2} component="ul" m={0} pl="md">
        {draft.recipients.map((r) => (
          <Box
            component="li"
            key={`${r.source.from}-${r.name}`}
            tabIndex={0}
            onFocus={() => onFocus(r.source)}
            onMouseEnter={() => onFocus(r.source)}
          >
            <Text size="sm">
              {r.name}
              {r.purpose ? ` (${r.purpose})` : ''}
            </Text>
          </Box>
        ))}
      </Stack>
    </Stack>
  );
}

/**
 * One duty per line. The text is kept as typed: rebuilding it from the list dropped the empty line Enter had just
 * made, so the next words were glued onto the previous duty.
 */
function DutiesInput({ duties, onChange }: { duties: string[]; onChange: (duties: string[]) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(duties.join('\n'));
  return (
    <Textarea
      aria-label={t('plans.duties')}
      autosize
      value={text}
      onChange={(ev) => {
        setText(ev.currentTarget.value);
        onChange(
          ev.currentTarget.value
            .split('\n')
            .map((d) => d.trim())
            .filter(Boolean),
        );
      }}
    />
  );
}

function LinkBadge({ linked }: { linked: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge size="xs" variant={linked ? 'light' : 'outline'} color={linked ? 'blue' : 'gray'}>
      {linked ? t('plans.linked') : t('plans.notLinked')}
    </Badge>
  );
}

/** "Tạo hội nghị từ kế hoạch": upload or paste a plan, check every field beside its source, create the event. */
export function PlanImportPage() {
  const { t } = useTranslation();
  const parse = useParsePlan();
  const errorMessage = useErrorMessage();

  if (parse.data) {
    return (
      <Stack>
        <Group justify="space-between">
          <Title order={1} size="h3">
            {t('plans.reviewTitle')}
          </Title>
          <Button variant="default" onClick={() => parse.reset()}>
            {t('plans.another')}
          </Button>
        </Group>
        <Review parsed={parse.data} />
      </Stack>
    );
  }

  return (
    <Stack maw={800}>
      <Title order={1} size="h3">
        {t('plans.title')}
      </Title>
      <Text size="sm">{t('plans.help')}</Text>
      {parse.error && (
        <Alert color="red" role="alert">
          {errorMessage(parse.error)}
        </Alert>
      )}
      <PlanSourceInput loading={parse.isPending} onRead={(input) => parse.mutate(input)} />
    </Stack>
  );
}
