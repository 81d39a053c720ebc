import { Container, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * What a phone shows when someone scans a badge's QR code outside the desk: the code checks its wearer in at the
 * reception desk only, and reveals nothing about them.
 */
export function BadgeCodePage() {
  const { t } = useTranslation();
  return (
    <Container size="xs" py="xl">
      <Stack>
        <Title order={1} size="h3">
          {t('letters.badgeCodeTitle')}
        </Title>
        <Text>{t('letters.badgeCodeHelp')}</Text>
      </Stack>
    </Container>
  );
}
