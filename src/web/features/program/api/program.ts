import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Delegate } from '../../../../shared/delegates';
import type {
  CreateProgramItemInput,
  HallState,
  McScriptVersion,
  MoveHallInput,
  Paper,
  Program,
  ProgramItem,
  ReorderProgramInput,
  ReviewPaperInput,
  UpdateProgramItemInput,
} from '../../../../shared/program';
import { api, withQuery } from '../../../lib/api';

export const programKeys = {
  program: (eventId: string) => ['program', eventId] as const,
  papers: (eventId: string) => ['papers', eventId] as const,
  people: (eventId: string) => ['program-people', eventId] as const,
  hall: (eventId: string) => ['program-now', eventId] as const,
};

export const useProgram = (eventId: string) =>
  useQuery({
    queryKey: programKeys.program(eventId),
    queryFn: () => api.get<Program>(`/api/events/${eventId}/program`),
  });

/** The event's people in protocol order, for choosing speakers. */
export const useSpeakerChoices = (eventId: string, enabled: boolean) =>
  useQuery({
    queryKey: programKeys.people(eventId),
    enabled,
    queryFn: async () => {
      const first = await api.get<{ items: Delegate[]; total: number }>(
        withQuery(`/api/events/${eventId}/delegates`, { sort: 'protocol', pageSize: 200, page: 1 }),
      );
      const pages = Math.min(5, Math.ceil(first.total / 200));
      const rest = await Promise.all(
        Array.from({ length: Math.max(0, pages - 1) }, (_, i) =>
          api.get<{ items: Delegate[] }>(
            withQuery(`/api/events/${eventId}/delegates`, { sort: 'protocol', pageSize: 200, page: i + 2 }),
          ),
        ),
      );
      return [...first.items, ...rest.flatMap((r) => r.items)].filter((d) => d.status !== 'replaced');
    },
    staleTime: 60_000,
  });

export function useSaveProgramItem(eventId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      input,
    }: {
      id: string | null;
      input: CreateProgramItemInput | UpdateProgramItemInput;
    }) =>
      id
        ? api.patch<ProgramItem>(`/api/events/${eventId}/program/items/${id}`, input)
        : api.post<ProgramItem>(`/api/events/${eventId}/program/items`, input),
    onSuccess: () => client.invalidateQueries({ queryKey: programKeys.program(eventId) }),
  });
}

export function useDeleteProgramItem(eventId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/events/${eventId}/program/items/${id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: programKeys.program(eventId) }),
  });
}

export function useReorderProgram(eventId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ReorderProgramInput) =>
      api.put<Program>(`/api/events/${eventId}/program/order`, input),
    onSuccess: (program) => client.setQueryData(programKeys.program(eventId), program),
    onError: () => client.invalidateQueries({ queryKey: programKeys.program(eventId) }),
  });
}

export const usePapers = (eventId: string) =>
  useQuery({
    queryKey: programKeys.papers(eventId),
    queryFn: () => api.get<{ items: Paper[] }>(`/api/events/${eventId}/papers`),
  });

export function useSubmitPaper(eventId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ file, title, unitId }: { file: File; title: string; unitId: string | null }) =>
      api.upload<Paper>(
        withQuery(`/api/events/${eventId}/papers`, { title, unitId, fileName: file.name }),
        file,
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: programKeys.papers(eventId) }),
  });
}

export function useReviewPaper(eventId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: ReviewPaperInput }) =>
      api.post<Paper>(`/api/events/${eventId}/papers/${id}/review`, input),
    onSuccess: () => {
      client.invalidateQueries({ queryKey: programKeys.papers(eventId) });
      client.invalidateQueries({ queryKey: programKeys.program(eventId) });
    },
  });
}

export function useRegenerateScript(eventId: string) {
  return useMutation({
    mutationFn: () => api.post<McScriptVersion>(`/api/events/${eventId}/mc-script`),
  });
}

export function useMoveHall(eventId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: MoveHallInput) => api.post<HallState>(`/api/events/${eventId}/program/now`, input),
    onSuccess: (state) => client.setQueryData(programKeys.hall(eventId), state),
  });
}
