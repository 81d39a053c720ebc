import { Alert, Button, Code, Group, Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { publicUrlInputSchema } from '../../../../shared/settings';
import { apiFieldErrors, zodFieldErrors } from '../../../lib/form';
import { useErrorMessage } from '../../../lib/i18n';
import { usePublicUrlSetting, useSavePublicUrl } from '../api/settings';

/** Settings an administrator changes in the app: the public address printed on letters and badges. */
export function SettingsPage() {
  const { t } = useTranslation();
  const setting = usePublicUrlSetting();
  const save = useSavePublicUrl();
  const errorMessage = useErrorMessage();
  const form = useForm({
    initialValues: { publicUrl: '' },
    validate: (values) => zodFieldErrors(publicUrlInputSchema, { publicUrl: values.publicUrl || null }),
  });
  const { setValues } = form;
  useEffect(() => {
    if (setting.data) setValues({ publicUrl: setting.data.appValue ?? '' });
  }, [setting.data, setValues]);
  const data = setting.data;
  return (
    <Stack maw={720}>
      <Title order={1} size="h2">
        {t('letters.settingsTitle')}
      </Title>
      {setting.isPending && <Loader />}
      {setting.error && <Alert color="red">{errorMessage(setting.error)}</Alert>}
      {data && (
        <form
          noValidate
          onSubmit={form.onSubmit((values) =>
            save.mutate(
              { publicUrl: values.publicUrl.trim() || null },
              {
                onSuccess: () => notifications.show({ message: t('letters.publicUrlSaved'), color: 'green' }),
                onError: (e) => form.setErrors(apiFieldErrors(e)),
              },
            ),
          )}
        >
          <Stack>
            <Text>{t('letters.publicUrlHelp')}</Text>
            <Alert color={data.publicUrl ? 'blue' : 'orange'} data-testid="public-url-applies">
              {data.source === 'env'
                ? t('letters.publicUrlFromEnv', { url: data.publicUrl })
                : data.source === 'app'
                  ? t('letters.publicUrlFromApp', { url: data.publicUrl })
                  : t('letters.publicUrlNone')}
            </Alert>
            <TextInput
              label={t('letters.publicUrl')}
              description={t('letters.publicUrlExample')}
              placeholder="https://hoinghi.thanhhoa.gov.vn"
              {...form.getInputProps('publicUrl')}
            />
            <Text size="sm" c="dimmed">
              {t('letters.publicUrlEnv')} <Code>PUBLIC_URL=https://…</Code>
            </Text>
            {save.error && !Object.keys(form.errors).length && (
              <Alert color="red">{errorMessage(save.error)}</Alert>
            )}
            <Group>
              <Button type="submit" loading={save.isPending}>
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
