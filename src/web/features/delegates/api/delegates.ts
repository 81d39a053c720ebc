import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Composition,
  CreateDelegateInput,
  CreateGroupInput,
  Delegate,
  DelegateImportInput,
  DelegateImportPreview,
  DelegateImportResult,
  DelegatePage,
  DelegateStatus,
  SetSeatsInput,
  SubstituteInput,
  UpdateDelegateInput,
  UpdateGroupInput,
} from '../../../../shared/delegates';
import { api, withQuery } from '../../../lib/api';

export interface DelegateFilter {
  q?: string;
  groupId?: string | null;
  unitId?: string | null;
  status?: DelegateStatus | null;
  sort?: 'name' | 'protocol';
  page?: number;
  pageSize?: number;
}

export const delegateKeys = {
  all: (eventId: string) => ['events', eventId, 'delegates'] as const,
  list: (eventId: string, f: DelegateFilter) => ['events', eventId, 'delegates', 'list', f] as const,
  composition: (eventId: string) => ['events', eventId, 'delegates', 'composition'] as const,
};

export const useComposition = (eventId: string) =>
  useQuery({
    queryKey: delegateKeys.composition(eventId),
    queryFn: () => api.get<Composition>(`/api/events/${eventId}/composition`),
  });

export const useDelegates = (eventId: string, filter: DelegateFilter) =>
  useQuery({
    queryKey: delegateKeys.list(eventId, filter),
    queryFn: () => api.get<DelegatePage>(withQuery(`/api/events/${eventId}/delegates`, { ...filter })),
    placeholderData: keepPreviousData,
  });

/** Every change to delegates or the composition refreshes both: the list and the fill rate move together. */
function useDelegateMutation<I, O>(eventId: string, fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => client.invalidateQueries({ queryKey: delegateKeys.all(eventId) }),
  });
}

export const useSaveDelegate = (eventId: string, id: string | null) =>
  useDelegateMutation(eventId, (input: CreateDelegateInput | UpdateDelegateInput) =>
    id
      ? api.patch<Delegate>(`/api/events/${eventId}/delegates/${id}`, input)
      : api.post<Delegate>(`/api/events/${eventId}/delegates`, input),
  );

export const useDelegateStatus = (eventId: string) =>
  useDelegateMutation(eventId, ({ id, status }: { id: string; status: DelegateStatus }) =>
    api.post<Delegate>(`/api/events/${eventId}/delegates/${id}/status`, { status }),
  );

export const useSubstitute = (eventId: string, id: string) =>
  useDelegateMutation(eventId, (input: SubstituteInput) =>
    api.post<Delegate>(`/api/events/${eventId}/delegates/${id}/substitute`, input),
  );

export const useDeleteDelegate = (eventId: string) =>
  useDelegateMutation(eventId, (id: string) => api.delete(`/api/events/${eventId}/delegates/${id}`));

export const useSaveGroup = (eventId: string, id: string | null) =>
  useDelegateMutation(eventId, (input: CreateGroupInput | UpdateGroupInput) =>
    id
      ? api.patch(`/api/events/${eventId}/composition/groups/${id}`, input)
      : api.post(`/api/events/${eventId}/composition/groups`, input),
  );

export const useDeleteGroup = (eventId: string) =>
  useDelegateMutation(eventId, (id: string) => api.delete(`/api/events/${eventId}/composition/groups/${id}`));

export const useSetSeats = (eventId: string, groupId: string) =>
  useDelegateMutation(eventId, (input: SetSeatsInput) =>
    api.put(`/api/events/${eventId}/composition/groups/${groupId}/seats`, input),
  );

export const usePreviewImport = (eventId: string) =>
  useMutation({
    mutationFn: ({ file, ...query }: { file: File; sheet?: string; groupId?: string; unitId?: string }) =>
      api.upload<DelegateImportPreview>(
        withQuery(`/api/events/${eventId}/delegates/import/preview`, query),
        file,
      ),
  });

export const useImportDelegates = (eventId: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: DelegateImportInput) =>
      api.post<DelegateImportResult>(`/api/events/${eventId}/delegates/import`, input),
    onSuccess: (result) => {
      if (!result.dryRun) void client.invalidateQueries({ queryKey: delegateKeys.all(eventId) });
    },
  });
};
