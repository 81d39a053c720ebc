import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCalendarDate } from '../../../../shared/format';
import { MEDIA_KINDS, type MediaKind } from '../../../../shared/report';
import { HiddenHeader } from '../../../lib/HiddenHeader';
import { useErrorMessage } from '../../../lib/i18n';
import { useMedia, useMediaActions } from '../api/closing';

/** The clip, the press invited (from the composition and added by hand) and the coverage links. */
export function MediaSection({ eventId, canEdit }: { eventId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const media = useMedia(eventId);
  const actions = useMediaActions(eventId);
  const errorMessage = useErrorMessage();
  const [kind, setKind] = useState<MediaKind>('coverage');
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  if (!media.data) return null;
  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={2} size="h5">
          {t('closing.media')}
        </Title>
        <Text size="sm">
          {t('closing.pressUnits')}:{' '}
          {media.data.pressUnits.length
            ? media.data.pressUnits.map((p) => `${p.name} (${p.seats})`).join(', ')
            : '—'}
        </Text>
        {media.data.items.length > 0 && (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('closing.mediaKind')}</Table.Th>
                <Table.Th>{t('closing.mediaTitle')}</Table.Th>
                <Table.Th>{t('closing.outlet')}</Table.Th>
                {canEdit && <HiddenHeader>{t('common.actions')}</HiddenHeader>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {media.data.items.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td>{t(`closing.mediaKinds.${m.kind}`)}</Table.Td>
                  <Table.Td>
                    {m.url ? (
                      <Anchor href={m.url} target="_blank" rel="noreferrer">
                        {m.title}
                      </Anchor>
                    ) : (
                      m.title
                    )}
                    {m.isSample && (
                      <Badge ml="xs" size="xs" color="gray.7" variant="outline">
                        {t('closing.sample')}
                      </Badge>
                    )}
                    {m.publishedOn && (
                      <Text size="xs" c="dimmed">
                        {formatCalendarDate(m.publishedOn)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{m.outlet ?? '—'}</Table.Td>
                  {canEdit && (
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        onClick={() => actions.remove.mutate(m.id)}
                      >
                        {t('common.delete')}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {canEdit && (
          <Group align="flex-end">
            <Select
              label={t('closing.mediaKind')}
              data={MEDIA_KINDS.map((k) => ({ value: k, label: t(`closing.mediaKinds.${k}`) }))}
              value={kind}
              onChange={(v) => v && setKind(v as MediaKind)}
              allowDeselect={false}
              w={200}
            />
            <TextInput
              label={t('closing.mediaTitle')}
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
            />
            <TextInput
              label={t('closing.link')}
              value={url}
              onChange={(e) => setUrl(e.currentTarget.value)}
              placeholder="https://"
            />
            <Button
              disabled={!title.trim()}
              loading={actions.add.isPending}
              onClick={() =>
                actions.add.mutate(
                  { kind, title, url: url.trim() || null },
                  {
                    onSuccess: () => {
                      setTitle('');
                      setUrl('');
                    },
                  },
                )
              }
            >
              {t('closing.addMedia')}
            </Button>
          </Group>
        )}
        {actions.add.error && <Alert color="red">{errorMessage(actions.add.error)}</Alert>}
      </Stack>
    </Paper>
  );
}
