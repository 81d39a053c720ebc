import { Alert, Button, CopyButton, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Delegate } from '../../../../shared/delegates';
import { useErrorMessage } from '../../../lib/i18n';
import { useIssueReplyLink, useRevokeReplyLink } from '../api/replies';

/**
 * A delegate's reply link, to send by SMS, Zalo or email; printed invitations carry it as their QR code. Making a
 * new one or revoking stops the old one.
 */
export function ReplyLinkModal({
  eventId,
  delegate,
  onClose,
}: {
  eventId: string;
  delegate: Delegate;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const issue = useIssueReplyLink(eventId);
  const revoke = useRevokeReplyLink(eventId);
  const errorMessage = useErrorMessage();
  const url = issue.data ? `${window.location.origin}${issue.data.path}` : null;
  return (
    <Modal opened onClose={onClose} title={t('replyLink.title', { name: delegate.fullName })} size="lg">
      <Stack>
        <Text size="sm">{t('replyLink.help')}</Text>
        {(issue.error || revoke.error) && (
          <Alert color="red">{errorMessage(issue.error ?? revoke.error)}</Alert>
        )}
        {revoke.isSuccess && !issue.data && <Alert color="gray">{t('replyLink.revoked')}</Alert>}
        {url && (
          <Group align="flex-end" wrap="nowrap">
            <TextInput label={t('replyLink.link')} value={url} readOnly style={{ flex: 1 }} />
            <CopyButton value={url}>
              {({ copied, copy }) => (
                <Button variant={copied ? 'light' : 'default'} onClick={copy}>
                  {copied ? t('replyLink.copied') : t('replyLink.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
        )}
        <Group justify="space-between">
          <Button
            color="red"
            variant="subtle"
            loading={revoke.isPending}
            onClick={() => {
              issue.reset();
              revoke.mutate(delegate.id);
            }}
          >
            {t('replyLink.revoke')}
          </Button>
          <Button loading={issue.isPending} onClick={() => issue.mutate(delegate.id)}>
            {url ? t('replyLink.again') : t('replyLink.make')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
