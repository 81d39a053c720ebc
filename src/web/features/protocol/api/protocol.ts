import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Presidium,
  PreviewTitleRankInput,
  SaveTitleRankInput,
  SetPresidiumInput,
  TitleRank,
  TitleRankPreview,
} from '../../../../shared/protocol';
import { api } from '../../../lib/api';

const titlesKey = ['protocol', 'titles'] as const;
export const presidiumKey = (eventId: string) => ['events', eventId, 'presidium'] as const;

export const useTitleRanks = () =>
  useQuery({
    queryKey: titlesKey,
    queryFn: async () => (await api.get<{ items: TitleRank[] }>('/api/protocol/titles')).items,
  });

/** A ladder edit re-ranks every event's people: lists and seating read fresh ranks afterwards. */
function useLadderMutation<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: titlesKey });
      await client.invalidateQueries({ queryKey: ['events'] });
    },
  });
}

export const useSaveTitleRank = (id: string | null) =>
  useLadderMutation((input: SaveTitleRankInput) =>
    id
      ? api.put<TitleRank>(`/api/protocol/titles/${id}`, input)
      : api.post<TitleRank>('/api/protocol/titles', input),
  );

export const useDeleteTitleRank = () =>
  useLadderMutation((id: string) => api.delete(`/api/protocol/titles/${id}`));

export const usePreviewTitleRank = () =>
  useMutation({
    mutationFn: (input: PreviewTitleRankInput) =>
      api.post<TitleRankPreview>('/api/protocol/titles/preview', input),
  });

export const usePresidium = (eventId: string) =>
  useQuery({
    queryKey: presidiumKey(eventId),
    queryFn: () => api.get<Presidium>(`/api/events/${eventId}/presidium`),
  });

export const useSetPresidium = (eventId: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: SetPresidiumInput) => api.put<Presidium>(`/api/events/${eventId}/presidium`, input),
    onSuccess: (data) => client.setQueryData(presidiumKey(eventId), data),
  });
};
