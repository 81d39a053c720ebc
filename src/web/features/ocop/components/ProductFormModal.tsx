import {
  ActionIcon,
  Alert,
  Button,
  Checkbox,
  CloseButton,
  FileButton,
  Group,
  Image,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CERTIFYING_LEVELS,
  type CertifyingLevel,
  createProductSchema,
  defaultValidUntil,
  groupValidOn,
  MAX_PHOTO_BYTES,
  type Product,
  starsForScore,
} from '../../../../shared/ocop';
import { VnDateInput } from '../../../lib/dates';
import { apiFieldErrors, zodFieldErrors } from '../../../lib/form';
import { useErrorMessage } from '../../../lib/i18n';
import { UnitSelect } from '../../units/components/UnitSelect';
import { useProductGroups, useProductPhotos, useSaveProduct } from '../api/ocop';

interface Values {
  name: string;
  groupId: string;
  subGroup: string;
  producerId: string;
  producerName: string | null;
  districtId: string | null;
  districtName: string | null;
  communeId: string | null;
  communeName: string | null;
  score: number | string;
  stars: string | null;
  potential: boolean;
  evaluationYear: number | string;
  evaluationRound: number | string;
  certifyingLevel: CertifyingLevel | null;
  decisionNumber: string;
  decisionDate: string | null;
  validUntil: string | null;
  certificateNumber: string;
  description: string;
  whereToBuy: string;
}

const num = (v: number | string) => (v === '' || v === null ? null : Number(v));

function toInput({ producerName: _p, districtName: _d, communeName: _c, ...v }: Values) {
  return {
    ...v,
    score: num(v.score),
    stars: v.stars ? Number(v.stars) : null,
    evaluationYear: num(v.evaluationYear),
    evaluationRound: num(v.evaluationRound),
  };
}

function Photos({ product }: { product: Product }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const { add, remove } = useProductPhotos(product.id);
  // The modal opened with a snapshot; each upload or removal answers with the product as it now is.
  const [photos, setPhotos] = useState(product.photos);
  const keep = { onSuccess: (p: Product) => setPhotos(p.photos) };
  const tooBig = add.variables && add.variables.size > MAX_PHOTO_BYTES;
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        {t('ocop.photos')}
      </Text>
      <Group gap="xs">
        {photos.map((photo) => (
          <div key={photo.id} style={{ position: 'relative' }}>
            <Image
              src={`/api/public/products/${product.id}/photos/${photo.id}`}
              alt={product.name}
              w={96}
              h={96}
              fit="cover"
              radius="sm"
            />
            <CloseButton
              size="sm"
              aria-label={t('common.delete')}
              style={{ position: 'absolute', top: 2, right: 2, background: 'white' }}
              onClick={() => remove.mutate(photo.id, keep)}
            />
          </div>
        ))}
        <FileButton
          onChange={(file) => file && add.mutate(file, keep)}
          accept="image/jpeg,image/png,image/webp"
        >
          {(props) => (
            <ActionIcon
              {...props}
              variant="default"
              size={96}
              loading={add.isPending}
              aria-label={t('ocop.addPhoto')}
            >
              +
            </ActionIcon>
          )}
        </FileButton>
      </Group>
      <Text size="xs" c="dimmed">
        {t('ocop.photoHelp')}
      </Text>
      {(add.error || remove.error) && (
        <Alert color="red">{tooBig ? t('ocop.photoTooBig') : errorMessage(add.error ?? remove.error)}</Alert>
      )}
    </Stack>
  );
}

export function ProductFormModal({ product, onClose }: { product: Product | null; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSaveProduct(product?.id ?? null);
  const groups = useProductGroups().data ?? [];
  const errorMessage = useErrorMessage();
  const form = useForm<Values>({
    initialValues: {
      name: product?.name ?? '',
      groupId: product?.groupId ?? '',
      subGroup: product?.subGroup ?? '',
      producerId: product?.producerId ?? '',
      producerName: product?.producerName ?? null,
      districtId: product?.districtId ?? null,
      districtName: product?.districtName ?? null,
      communeId: product?.communeId ?? null,
      communeName: product?.communeName ?? null,
      score: product?.score ?? '',
      stars: product?.stars ? String(product.stars) : null,
      potential: product?.potential ?? false,
      evaluationYear: product?.evaluationYear ?? '',
      evaluationRound: product?.evaluationRound ?? '',
      certifyingLevel: product?.certifyingLevel ?? null,
      decisionNumber: product?.decisionNumber ?? '',
      decisionDate: product?.decisionDate ?? null,
      validUntil: product?.validUntil ?? null,
      certificateNumber: product?.certificateNumber ?? '',
      description: product?.description ?? '',
      whereToBuy: product?.whereToBuy ?? '',
    },
    validate: (values) => zodFieldErrors(createProductSchema, toInput(values)),
  });
  const v = form.values;
  const day = v.decisionDate ?? (v.evaluationYear ? `${v.evaluationYear}-12-31` : null);
  const groupOptions = groups
    .filter((g) => !day || groupValidOn(g, day) || g.id === v.groupId)
    .map((g) => ({ value: g.id, label: `${g.name} (${g.framework})` }));
  const scoreStars = num(v.score) !== null ? starsForScore(num(v.score)!) : null;

  const onSubmit = (values: Values) =>
    save.mutate(toInput(values), {
      onSuccess: onClose,
      onError: (error) => form.setErrors(apiFieldErrors(error)),
    });

  return (
    <Modal opened onClose={onClose} title={product ? t('ocop.editTitle') : t('ocop.new')} size="xl">
      <form onSubmit={form.onSubmit(onSubmit)} noValidate>
        <Stack>
          {save.error && <Alert color="red">{errorMessage(save.error)}</Alert>}
          <TextInput label={t('ocop.name')} required {...form.getInputProps('name')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <UnitSelect
              label={t('ocop.producer')}
              kind="producer"
              value={v.producerId || null}
              valueLabel={v.producerName}
              onChange={(id, name) => form.setValues({ producerId: id ?? '', producerName: name })}
              error={form.errors.producerId as string | undefined}
            />
            <Select
              label={t('ocop.group')}
              required
              data={groupOptions}
              allowDeselect={false}
              {...form.getInputProps('groupId')}
            />
            <TextInput label={t('ocop.subGroup')} {...form.getInputProps('subGroup')} />
            <UnitSelect
              label={t('ocop.district')}
              kind="district"
              placeholder={t('ocop.districtFromProducer')}
              value={v.districtId}
              valueLabel={v.districtName}
              onChange={(id, name) => form.setValues({ districtId: id, districtName: name })}
              error={form.errors.districtId as string | undefined}
            />
            <UnitSelect
              label={t('ocop.commune')}
              kind="commune"
              value={v.communeId}
              valueLabel={v.communeName}
              onChange={(id, name) => form.setValues({ communeId: id, communeName: name })}
              error={form.errors.communeId as string | undefined}
            />
            <Checkbox
              mt={28}
              label={t('ocop.potential')}
              {...form.getInputProps('potential', { type: 'checkbox' })}
            />
            <NumberInput
              label={t('ocop.score')}
              min={0}
              max={100}
              allowDecimal={false}
              description={scoreStars ? t('ocop.scoreBand', { stars: scoreStars }) : undefined}
              {...form.getInputProps('score')}
            />
            <Select
              label={t('ocop.stars')}
              clearable
              data={['1', '2', '3', '4', '5'].map((s) => ({ value: s, label: '★'.repeat(Number(s)) }))}
              {...form.getInputProps('stars')}
            />
            <NumberInput
              label={t('ocop.year')}
              min={2000}
              max={2100}
              allowDecimal={false}
              {...form.getInputProps('evaluationYear')}
            />
            <NumberInput
              label={t('ocop.round')}
              min={1}
              max={12}
              allowDecimal={false}
              {...form.getInputProps('evaluationRound')}
            />
            <TextInput
              label={t('ocop.decisionNumber')}
              placeholder="5445/QĐ-UBND"
              {...form.getInputProps('decisionNumber')}
            />
            <VnDateInput
              label={t('ocop.decisionDate')}
              valueFormat="DD/MM/YYYY"
              clearable
              maxDate={new Date()}
              {...form.getInputProps('decisionDate')}
            />
            <VnDateInput
              label={t('ocop.validUntil')}
              valueFormat="DD/MM/YYYY"
              clearable
              placeholder={
                v.decisionDate ? defaultValidUntil(v.decisionDate).split('-').reverse().join('/') : undefined
              }
              description={t('ocop.validUntilHelp')}
              {...form.getInputProps('validUntil')}
            />
            <Select
              label={t('ocop.certifyingLevel')}
              placeholder={t('ocop.certifyingLevelAuto')}
              clearable
              data={CERTIFYING_LEVELS.map((l) => ({ value: l, label: t(`ocop.levels.${l}`) }))}
              {...form.getInputProps('certifyingLevel')}
            />
            <TextInput label={t('ocop.certificateNumber')} {...form.getInputProps('certificateNumber')} />
          </SimpleGrid>
          <Textarea
            label={t('ocop.description')}
            autosize
            minRows={2}
            {...form.getInputProps('description')}
          />
          <Textarea label={t('ocop.whereToBuy')} autosize minRows={2} {...form.getInputProps('whereToBuy')} />
          {product ? (
            <Photos product={product} />
          ) : (
            <Text size="xs" c="dimmed">
              {t('ocop.photosAfterSave')}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
