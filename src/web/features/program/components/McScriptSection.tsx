import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { formatDate, formatTime } from '../../../../shared/format';
import { useErrorMessage } from '../../../lib/i18n';
import { useRegenerateScript } from '../api/program';

/** The MC script: one click makes it again from who is in the hall, and the lines that changed are shown. */
export function McScriptSection({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const regenerate = useRegenerateScript(eventId);
  const version = regenerate.data;
  const changed = version?.changes.filter((c) => c.added || c.removed) ?? [];
  return (
    <Paper withBorder p="md">
      <Stack>
        <Group justify="space-between">
          <Title order={3} size="h5">
            {t('program.script')}
          </Title>
          <Group gap="xs">
            <Button
              onClick={() =>
                regenerate.mutate(undefined, {
                  onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
                })
              }
              loading={regenerate.isPending}
            >
              {t('program.regenerate')}
            </Button>
            <Button variant="default" component="a" href={`/api/events/${eventId}/mc-script.docx`}>
              {t('program.downloadScript')}
            </Button>
          </Group>
        </Group>
        <Text size="sm" c="dimmed">
          {t('program.scriptHelp')}
        </Text>
        {version && (
          <Stack gap="xs">
            <Group gap="xs">
              <Badge variant="light">
                {version.script.mode === 'present' ? t('program.modePresent') : t('program.modeExpected')}
              </Badge>
              <Text size="sm">
                {version.previousGeneratedAt
                  ? t('program.comparedWith', {
                      time: `${formatTime(version.previousGeneratedAt)} ${formatDate(version.previousGeneratedAt)}`,
                    })
                  : t('program.firstVersion')}
              </Text>
            </Group>
            <Title order={4} size="h6">
              {t('program.changes')}
            </Title>
            {changed.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('program.noChanges')}
              </Text>
            ) : (
              // A scrolling region a keyboard can reach (focusable, named).
              <section
                // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (axe scrollable-region-focusable)
                tabIndex={0}
                aria-label={t('program.changes')}
                style={{ maxHeight: 320, overflow: 'auto' }}
              >
                <Stack gap={2} data-testid="script-diff">
                  {changed.flatMap((c, i) =>
                    c.value
                      .split('\n')
                      .filter((line) => line.trim())
                      .map((line, j) => (
                        <Text
                          // biome-ignore lint/suspicious/noArrayIndexKey: the diff is rebuilt whole at each regeneration; its lines never move
                          key={`${i}-${j}`}
                          component="div"
                          size="sm"
                          px="xs"
                          style={{
                            whiteSpace: 'pre-wrap',
                            background: c.added ? '#dcfce7' : '#fee2e2',
                            color: c.added ? '#14532d' : '#7f1d1d',
                          }}
                        >
                          {c.added ? `+ ${t('program.added')}: ` : `− ${t('program.removed')}: `}
                          {line}
                        </Text>
                      )),
                  )}
                </Stack>
              </section>
            )}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
