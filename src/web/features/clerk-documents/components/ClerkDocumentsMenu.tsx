import { Button, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const DOCUMENTS = ['signInSheet', 'attendance', 'replyStatistics'] as const;
type ClerkDocument = (typeof DOCUMENTS)[number];
const PATHS: Record<ClerkDocument, string> = {
  signInSheet: 'sign-in-sheet',
  attendance: 'attendance',
  replyStatistics: 'reply-statistics',
};

/**
 * The papers an office prints around an event: the sign-in sheet for the desk, the attendance summary after it,
 * the reply statistics — each as Word or Excel, straight downloads.
 */
export function ClerkDocumentsMenu({ eventId, only }: { eventId: string; only?: readonly ClerkDocument[] }) {
  const { t } = useTranslation();
  const shown = only ?? DOCUMENTS;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default">{t('clerkDocuments.menu')}</Button>
      </Menu.Target>
      <Menu.Dropdown>
        {shown.map((doc, i) => (
          <div key={doc}>
            {i > 0 && <Menu.Divider />}
            <Menu.Label>{t(`clerkDocuments.${doc}`)}</Menu.Label>
            {(['docx', 'xlsx'] as const).map((kind) => (
              <Menu.Item
                key={kind}
                component="a"
                href={`/api/events/${eventId}/${PATHS[doc]}.${kind}`}
                download
                aria-label={`${t(`clerkDocuments.${doc}`)} — ${t(`clerkDocuments.${kind}`)}`}
              >
                {t(`clerkDocuments.${kind}`)}
              </Menu.Item>
            ))}
          </div>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
