import { Anchor, Badge, Divider, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { DocumentPack as Pack } from '../../../../shared/program';
import { api } from '../../../lib/api';

/** The conference documents behind a delegate's reply link: the program, the report, the accepted papers. */
export function DocumentPack({ token }: { token: string }) {
  const { t } = useTranslation();
  const pack = useQuery({
    queryKey: ['document-pack', token],
    queryFn: () => api.get<Pack>(`/api/replies/${encodeURIComponent(token)}/pack`),
    retry: false,
  });
  if (!pack.data) return null;
  const label = {
    program: t('program.packProgram'),
    report: t('program.packReport'),
    paper: t('program.packPaper'),
  };
  return (
    <>
      <Divider label={t('program.pack')} labelPosition="left" />
      <Text size="sm" c="dimmed">
        {t('program.packHelp')}
      </Text>
      <Stack gap={6} component="ul" m={0} pl={0} style={{ listStyle: 'none' }}>
        {pack.data.documents.map((d) => (
          <li key={d.id}>
            <Group gap="xs" wrap="nowrap" align="flex-start">
              <Badge variant="light" size="sm" style={{ flexShrink: 0 }}>
                {label[d.kind]}
              </Badge>
              <Anchor href={d.path} target="_blank" rel="noreferrer">
                {d.title}
                {d.unitName ? ` — ${d.unitName}` : ''}
              </Anchor>
            </Group>
          </li>
        ))}
      </Stack>
    </>
  );
}
