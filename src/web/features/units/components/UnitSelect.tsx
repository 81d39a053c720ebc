import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnitKind } from '../../../../shared/units';
import { useUnits } from '../api/units';

interface Props {
  label: string;
  value: string | null;
  /** The current unit's name, shown before the search has loaded it. */
  valueLabel?: string | null;
  onChange: (id: string | null, name: string | null) => void;
  error?: string | undefined;
  /** Only units of this kind (districts, producers…). */
  kind?: UnitKind;
  placeholder?: string;
}

/** Picks a unit from the catalogue; the server searches, accent-insensitively, as the user types. */
export function UnitSelect({ label, value, valueLabel, onChange, error, kind, placeholder }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const units = useUnits({ q: debounced, pageSize: 30, kind: kind ?? null });
  const options = (units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }));
  if (value && valueLabel && !options.some((o) => o.value === value))
    options.unshift({ value, label: valueLabel });

  return (
    <Select
      label={label}
      placeholder={placeholder ?? t('events.pickUnit')}
      searchable
      clearable
      filter={({ options: all }) => all}
      data={options}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(id) => onChange(id, options.find((o) => o.value === id)?.label ?? null)}
      nothingFoundMessage={t('units.empty')}
      error={error}
    />
  );
}
