import { Select, SimpleGrid, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { GENDERS, type Gender, HONORIFICS, type Honorific } from '../../../../shared/delegates';

/** Who a person is, as a delegate form and a substitute form both ask it. */
export interface PersonValues {
  honorific: Honorific | null;
  fullName: string;
  gender: Gender | null;
  position: string;
  organization: string;
  phone: string;
  email: string;
}

export function PersonFields<V extends PersonValues>({ form }: { form: UseFormReturnType<V> }) {
  const { t } = useTranslation();
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select
          label={t('delegates.honorific')}
          clearable
          data={HONORIFICS.map((h) => ({ value: h, label: t(`delegates.honorifics.${h}`) }))}
          {...form.getInputProps('honorific')}
        />
        <TextInput label={t('delegates.fullName')} required {...form.getInputProps('fullName')} />
        <Select
          label={t('delegates.gender')}
          clearable
          data={GENDERS.map((g) => ({ value: g, label: t(`delegates.genders.${g}`) }))}
          {...form.getInputProps('gender')}
        />
      </SimpleGrid>
      <TextInput label={t('delegates.position')} {...form.getInputProps('position')} />
      <TextInput
        label={t('delegates.organization')}
        description={t('delegates.organizationHelp')}
        {...form.getInputProps('organization')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('delegates.phone')} inputMode="tel" {...form.getInputProps('phone')} />
        <TextInput label={t('delegates.email')} type="email" {...form.getInputProps('email')} />
      </SimpleGrid>
    </>
  );
}
