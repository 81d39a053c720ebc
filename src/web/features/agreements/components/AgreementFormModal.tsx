import {
  Alert,
  Button,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  AGREEMENT_KINDS,
  type Agreement,
  type AgreementKind,
  createAgreementSchema,
} from '../../../../shared/agreements';
import { apiFieldErrors, zodFieldErrors } from '../../../lib/form';
import { useErrorMessage } from '../../../lib/i18n';
import { useDelegates } from '../../delegates/api/delegates';
import { useAgreementActions, useProducerProducts } from '../api/agreements';
import { UnitPicker } from './UnitPicker';

function SignatoryPicker({
  eventId,
  unitId,
  value,
  onChange,
  label,
  error,
}: {
  eventId: string;
  unitId: string | null;
  value: string | null;
  onChange: (id: string | null) => void;
  label: string;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const found = useDelegates(eventId, { unitId: unitId ?? undefined, pageSize: 50, sort: 'protocol' });
  const options = unitId
    ? (found.data?.items ?? [])
        .filter((d) => d.unitId === unitId && d.status !== 'replaced')
        .map((d) => ({ value: d.id, label: d.position ? `${d.fullName} — ${d.position}` : d.fullName }))
    : [];
  return (
    <Select
      label={label}
      placeholder={t('signings.pickSignatory')}
      data={options}
      value={value}
      onChange={onChange}
      clearable
      disabled={!unitId}
      error={error}
    />
  );
}

interface Side {
  unitId: string | null;
  name: string | null;
  signatoryDelegateId: string | null;
}

/** Create or edit an agreement: one seller and one buyer (the usual pair on stage), products, value, dates. */
export function AgreementFormModal({
  eventId,
  agreement,
  onClose,
}: {
  eventId: string;
  agreement: Agreement | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const { save } = useAgreementActions(eventId);
  const side = (role: 'seller' | 'buyer'): Side => {
    const p = agreement?.parties.find((x) => x.role === role);
    return {
      unitId: p?.unitId ?? null,
      name: p?.name ?? null,
      signatoryDelegateId: p?.signatory?.delegateId ?? null,
    };
  };
  const [kind, setKind] = useState<AgreementKind>(agreement?.kind ?? 'supply_contract');
  const [title, setTitle] = useState(agreement?.title ?? '');
  const [seller, setSeller] = useState<Side>(side('seller'));
  const [buyer, setBuyer] = useState<Side>(side('buyer'));
  const [productIds, setProductIds] = useState<string[]>(agreement?.productIds ?? []);
  const [value, setValue] = useState<number | string>(agreement?.valueVnd ?? '');
  const [startsOn, setStartsOn] = useState(agreement?.startsOn ?? '');
  const [endsOn, setEndsOn] = useState(agreement?.endsOn ?? '');
  const [notes, setNotes] = useState(agreement?.notes ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const products = useProducerProducts(seller.unitId);
  const productOptions = (products.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }));
  for (const p of agreement?.products ?? [])
    if (!productOptions.some((o) => o.value === p.id)) productOptions.push({ value: p.id, label: p.name });

  const submit = () => {
    const input = {
      kind,
      title,
      valueVnd: value === '' ? null : Number(value),
      startsOn: startsOn || null,
      endsOn: endsOn || null,
      parties: [
        ...(seller.unitId
          ? [
              {
                unitId: seller.unitId,
                role: 'seller' as const,
                signatoryDelegateId: seller.signatoryDelegateId,
              },
            ]
          : []),
        ...(buyer.unitId
          ? [{ unitId: buyer.unitId, role: 'buyer' as const, signatoryDelegateId: buyer.signatoryDelegateId }]
          : []),
      ],
      productIds,
      notes,
    };
    const local = zodFieldErrors(createAgreementSchema, input);
    setErrors(local);
    if (Object.keys(local).length) return;
    save.mutate(
      { id: agreement?.id ?? null, input },
      { onSuccess: onClose, onError: (e) => setErrors(apiFieldErrors(e)) },
    );
  };

  return (
    <Modal opened onClose={onClose} title={agreement ? t('signings.edit') : t('signings.add')} size="lg">
      <Stack>
        <Select
          label={t('signings.kind')}
          data={AGREEMENT_KINDS.map((k) => ({ value: k, label: t(`signings.kinds.${k}`) }))}
          value={kind}
          onChange={(v) => v && setKind(v as AgreementKind)}
          allowDeselect={false}
        />
        <TextInput
          label={t('signings.titleLabel')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={errors.title}
          required
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <UnitPicker
            kinds={['producer']}
            label={t('signings.seller')}
            placeholder={t('signings.pickUnit')}
            value={seller.unitId}
            valueLabel={seller.name}
            onChange={(unitId, name) => {
              setSeller({ unitId, name, signatoryDelegateId: null });
              setProductIds([]);
            }}
            error={errors['parties.0.unitId'] ?? errors.parties}
          />
          <SignatoryPicker
            eventId={eventId}
            unitId={seller.unitId}
            label={`${t('signings.signatory')} — ${t('signings.seller')}`}
            value={seller.signatoryDelegateId}
            onChange={(id) => setSeller({ ...seller, signatoryDelegateId: id })}
            error={errors['parties.0.signatoryDelegateId']}
          />
          <UnitPicker
            kinds={['retailer', 'distributor']}
            label={t('signings.buyer')}
            placeholder={t('signings.pickUnit')}
            value={buyer.unitId}
            valueLabel={buyer.name}
            onChange={(unitId, name) => setBuyer({ unitId, name, signatoryDelegateId: null })}
            error={errors['parties.1.unitId']}
          />
          <SignatoryPicker
            eventId={eventId}
            unitId={buyer.unitId}
            label={`${t('signings.signatory')} — ${t('signings.buyer')}`}
            value={buyer.signatoryDelegateId}
            onChange={(id) => setBuyer({ ...buyer, signatoryDelegateId: id })}
            error={errors['parties.1.signatoryDelegateId']}
          />
        </SimpleGrid>
        <MultiSelect
          label={t('signings.products')}
          data={productOptions}
          value={productIds}
          onChange={setProductIds}
          searchable
          disabled={!seller.unitId}
          error={Object.entries(errors).find(([k]) => k.startsWith('productIds'))?.[1]}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NumberInput
            label={t('signings.value')}
            value={value}
            onChange={setValue}
            thousandSeparator="."
            decimalSeparator=","
            allowDecimal={false}
            allowNegative={false}
            suffix=" đ"
            error={errors.valueVnd}
          />
          <TextInput
            type="date"
            label={t('signings.startsOn')}
            value={startsOn}
            onChange={(e) => setStartsOn(e.currentTarget.value)}
            error={errors.startsOn}
          />
          <TextInput
            type="date"
            label={t('signings.endsOn')}
            value={endsOn}
            onChange={(e) => setEndsOn(e.currentTarget.value)}
            error={errors.endsOn}
          />
        </SimpleGrid>
        <Textarea
          label={t('signings.notes')}
          value={notes}
          onChange={(e) => setNotes(e.currentTarget.value)}
        />
        {save.error && <Alert color="red">{errorMessage(save.error)}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
