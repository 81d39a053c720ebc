import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AssignBoothInput,
  Booth,
  BoothList,
  CreateBoothInput,
  UpdateBoothInput,
} from '../../../../shared/booths';
import { api } from '../../../lib/api';

export const boothKeys = { list: (eventId: string) => ['events', eventId, 'booths'] as const };

export const useBooths = (eventId: string) =>
  useQuery({
    queryKey: boothKeys.list(eventId),
    queryFn: () => api.get<BoothList>(`/api/events/${eventId}/booths`),
  });

export function useBoothActions(eventId: string) {
  const client = useQueryClient();
  const base = `/api/events/${eventId}/booths`;
  const refresh = () => client.invalidateQueries({ queryKey: boothKeys.list(eventId) });
  return {
    save: useMutation({
      mutationFn: ({ id, input }: { id: string | null; input: CreateBoothInput | UpdateBoothInput }) =>
        id ? api.patch<Booth>(`${base}/${id}`, input) : api.post<Booth>(base, input),
      onSuccess: refresh,
    }),
    assign: useMutation({
      mutationFn: ({ id, input }: { id: string; input: AssignBoothInput }) =>
        api.put<Booth>(`${base}/${id}/assignment`, input),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: (id: string) => api.delete(`${base}/${id}`),
      onSuccess: refresh,
    }),
  };
}
