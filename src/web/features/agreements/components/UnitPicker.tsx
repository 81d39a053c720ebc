import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import type { UnitKind } from '../../../../shared/units';
import { useUnits } from '../../units/api/units';

/** Picks a unit of one or two kinds from the catalogue; the server searches as the user types. */
export function UnitPicker({
  kinds,
  value,
  valueLabel,
  onChange,
  label,
  placeholder,
  error,
}: {
  kinds: [UnitKind] | [UnitKind, UnitKind];
  value: string | null;
  valueLabel: string | null;
  onChange: (id: string | null, name: string | null, kind: UnitKind | null) => void;
  label: string;
  placeholder: string;
  error?: string | undefined;
}) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const first = useUnits({ q: debounced, kind: kinds[0], pageSize: 30 });
  const second = useUnits({ q: debounced, kind: kinds[1] ?? kinds[0], pageSize: 30 });
  const seen = new Set<string>();
  const options = [...(first.data?.items ?? []), ...(kinds[1] ? (second.data?.items ?? []) : [])]
    .filter((u) => !seen.has(u.id) && seen.add(u.id))
    .map((u) => ({ value: u.id, label: u.name, kind: u.kind as UnitKind | null }));
  if (value && valueLabel && !seen.has(value)) options.unshift({ value, label: valueLabel, kind: null });
  return (
    <Select
      label={label}
      placeholder={placeholder}
      searchable
      clearable
      filter={({ options: all }) => all}
      data={options}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(id) => {
        const picked = options.find((o) => o.value === id);
        onChange(id, picked?.label ?? null, picked?.kind ?? null);
      }}
      error={error}
    />
  );
}
