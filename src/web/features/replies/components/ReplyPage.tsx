import {
  Alert,
  Anchor,
  Button,
  Center,
  Divider,
  Group,
  Loader,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { formatTimeRange } from '../../../../shared/format';
import type { ReplyView } from '../../../../shared/replies';
import { apiFieldErrors } from '../../../lib/form';
import { useErrorMessage } from '../../../lib/i18n';
import { LanguageSwitch } from '../../auth/components/LanguageSwitch';
import { DocumentPack } from '../../program/components/DocumentPack';
import { useReply, useReplyView } from '../api/replies';

const clock = (time: string | null) => (time ? `${Number(time.slice(0, 2))}h${time.slice(3)}` : '');

function Answered({ view }: { view: ReplyView }) {
  const { t } = useTranslation();
  const { status } = view.delegate;
  if (view.substitute)
    return <Alert color="blue">{t('reply.substituted', { name: view.substitute.fullName })}</Alert>;
  if (status === 'confirmed') return <Alert color="green">{t('reply.confirmedNow')}</Alert>;
  if (status === 'declined') return <Alert color="orange">{t('reply.declinedNow')}</Alert>;
  if (status === 'checked_in' || status === 'absent')
    return <Alert color="gray">{t('reply.recorded')}</Alert>;
  return null;
}

/**
 * What a delegate opens from the QR code or the message: their invitation, when and where, the program, and three
 * answers. No sign-in; the link is the key. Made for a phone.
 */
export function ReplyPage() {
  const { token = '' } = useParams();
  const { t } = useTranslation();
  const view = useReplyView(token);
  const reply = useReply(token);
  const errorMessage = useErrorMessage();
  const [naming, setNaming] = useState(false);
  const [substitute, setSubstitute] = useState({ fullName: '', position: '', phone: '' });

  if (view.isPending)
    return (
      <Center component="main" mih="100dvh">
        <Loader />
      </Center>
    );
  if (view.error)
    return (
      <Center component="main" mih="100dvh" p="md">
        <Paper withBorder p="xl" maw={460}>
          <Title order={1} size="h4" mb="sm">
            {t('reply.title')}
          </Title>
          <Text>{errorMessage(view.error)}</Text>
        </Paper>
      </Center>
    );

  const v = view.data;
  const d = v.delegate;
  const canAnswer = !v.event.closed && ['draft', 'invited', 'confirmed', 'declined'].includes(d.status);
  const fieldErrors = apiFieldErrors(reply.error);
  return (
    <Center component="main" p="md" bg="gray.0" mih="100dvh" style={{ alignItems: 'flex-start' }}>
      <Paper withBorder shadow="sm" p="lg" radius="md" w="100%" maw={560}>
        <Stack gap="sm">
          <Group justify="space-between">
            <Text size="sm" c="dimmed" tt="uppercase" fw={600}>
              {t('reply.title')}
            </Text>
            <LanguageSwitch />
          </Group>
          <Text>
            {t('reply.dear')}{' '}
            <b>
              {d.honorific ? `${t(`delegates.honorifics.${d.honorific}`)} ` : ''}
              {d.fullName}
            </b>
            {[d.position, d.organization].filter(Boolean).map((x) => `, ${x}`)}
          </Text>
          <Title order={1} size="h3">
            {v.event.name}
          </Title>
          <Text>
            <b>{t('reply.when')}:</b> {formatTimeRange(v.event.startsAt, v.event.endsAt)}
          </Text>
          <Text>
            <b>{t('reply.where')}:</b>{' '}
            {[v.event.venueName, v.event.venueAddress].filter(Boolean).join(' - ') || '—'}
          </Text>
          {v.program.length > 0 && (
            <>
              <Divider label={t('reply.program')} labelPosition="left" />
              <Stack gap={2}>
                {v.program.map((item) => (
                  <Text
                    key={`${item.level}-${item.start}-${item.title}`}
                    size="sm"
                    pl={item.level ? 'lg' : 0}
                  >
                    {item.level ? '– ' : ''}
                    {item.start ? (
                      <b>{`${clock(item.start)}${item.end ? ` - ${clock(item.end)}` : ''}: `}</b>
                    ) : (
                      ''
                    )}
                    {item.title}
                  </Text>
                ))}
              </Stack>
            </>
          )}
          <DocumentPack token={token} />
          {/* The exhibition's public map, light enough for the delegate's phone. */}
          <Anchor href="/san-pham/gian-hang" size="sm">
            {t('signings.replyLink')}
          </Anchor>
          <Divider />
          <Answered view={v} />
          {v.event.closed && <Alert color="gray">{t('reply.closed')}</Alert>}
          {reply.error && !Object.keys(fieldErrors).length && (
            <Alert color="red">{errorMessage(reply.error)}</Alert>
          )}
          {canAnswer && !naming && (
            <Stack gap="xs">
              <Button
                size="md"
                color="green"
                loading={reply.isPending}
                onClick={() => reply.mutate({ action: 'confirm' })}
              >
                {t('reply.confirm')}
              </Button>
              <Button
                size="md"
                variant="light"
                color="orange"
                loading={reply.isPending}
                onClick={() => reply.mutate({ action: 'decline' })}
              >
                {t('reply.decline')}
              </Button>
              <Button size="md" variant="subtle" onClick={() => setNaming(true)}>
                {t('reply.substitute')}
              </Button>
            </Stack>
          )}
          {canAnswer && naming && (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                reply.mutate({ action: 'substitute', substitute }, { onSuccess: () => setNaming(false) });
              }}
              noValidate
            >
              <Stack gap="xs">
                <Text size="sm">{t('reply.substituteHelp')}</Text>
                <TextInput
                  label={t('delegates.fullName')}
                  required
                  value={substitute.fullName}
                  error={fieldErrors['substitute.fullName']}
                  onChange={(e) => setSubstitute({ ...substitute, fullName: e.currentTarget.value })}
                />
                <TextInput
                  label={t('delegates.position')}
                  value={substitute.position}
                  onChange={(e) => setSubstitute({ ...substitute, position: e.currentTarget.value })}
                />
                <TextInput
                  label={t('delegates.phone')}
                  inputMode="tel"
                  value={substitute.phone}
                  error={fieldErrors['substitute.phone']}
                  onChange={(e) => setSubstitute({ ...substitute, phone: e.currentTarget.value })}
                />
                <Group>
                  <Button type="submit" loading={reply.isPending}>
                    {t('reply.substituteSend')}
                  </Button>
                  <Button variant="default" onClick={() => setNaming(false)}>
                    {t('common.cancel')}
                  </Button>
                </Group>
              </Stack>
            </form>
          )}
        </Stack>
      </Paper>
    </Center>
  );
}
