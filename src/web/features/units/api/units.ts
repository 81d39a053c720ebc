import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateUnitInput,
  Unit,
  UnitImportResult,
  UnitKind,
  UpdateUnitInput,
} from '../../../../shared/units';
import { api, withQuery } from '../../../lib/api';

export interface UnitFilter {
  q?: string;
  kind?: UnitKind | null;
  validOn?: string | null;
  page?: number;
  pageSize?: number;
}

export const unitKeys = { all: ['units'] as const, list: (f: UnitFilter) => ['units', 'list', f] as const };

export const useUnits = (filter: UnitFilter) =>
  useQuery({
    queryKey: unitKeys.list(filter),
    queryFn: () =>
      api.get<{ items: Unit[]; total: number; page: number; pageSize: number }>(
        withQuery('/api/units', { ...filter }),
      ),
    placeholderData: (previous) => previous,
  });

export function useSaveUnit(id: string | null) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateUnitInput | UpdateUnitInput) =>
      id ? api.patch<Unit>(`/api/units/${id}`, input) : api.post<Unit>('/api/units', input),
    onSuccess: () => client.invalidateQueries({ queryKey: unitKeys.all }),
  });
}

export function useDeleteUnit() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/units/${id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: unitKeys.all }),
  });
}

export function useImportUnits() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({
      file,
      mode,
      dryRun,
    }: {
      file: File;
      mode: 'all_or_nothing' | 'valid_rows_only';
      dryRun: boolean;
    }) => api.upload<UnitImportResult>(withQuery('/api/units/import', { mode, dryRun }), file),
    onSuccess: (result) => {
      if (!result.dryRun) void client.invalidateQueries({ queryKey: unitKeys.all });
    },
  });
}
