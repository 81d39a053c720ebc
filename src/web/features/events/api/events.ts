import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AuditPage } from '../../../../shared/audit';
import type {
  CreateEventInput,
  Event,
  EventStatus,
  EventSummary,
  Member,
  SetMemberInput,
  UpdateEventInput,
} from '../../../../shared/events';
import { api, withQuery } from '../../../lib/api';

export const eventKeys = {
  all: ['events'] as const,
  one: (id: string) => ['events', id] as const,
  members: (id: string) => ['events', id, 'members'] as const,
  audit: (id: string, filter: object) => ['events', id, 'audit', filter] as const,
};

export const useEvents = () =>
  useQuery({ queryKey: eventKeys.all, queryFn: () => api.get<EventSummary[]>('/api/events') });

export const useEvent = (id: string | undefined) =>
  useQuery({
    queryKey: eventKeys.one(id ?? ''),
    queryFn: () => api.get<Event>(`/api/events/${id}`),
    enabled: !!id,
  });

export function useSaveEvent(id: string | undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateEventInput | UpdateEventInput) =>
      id ? api.patch<Event>(`/api/events/${id}`, input) : api.post<Event>('/api/events', input),
    onSuccess: (event) => {
      client.setQueryData(eventKeys.one(event.id), event);
      void client.invalidateQueries({ queryKey: eventKeys.all, exact: true });
      // The creator became an organizer: their roles changed.
      if (!id) void client.invalidateQueries({ queryKey: ['me'] });
    },
  });
}

export function useChangeStatus(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (status: EventStatus) => api.post<Event>(`/api/events/${id}/status`, { status }),
    onSuccess: (event) => {
      client.setQueryData(eventKeys.one(id), event);
      void client.invalidateQueries({ queryKey: eventKeys.all, exact: true });
    },
  });
}

export const useMembers = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: eventKeys.members(id),
    queryFn: () => api.get<Member[]>(`/api/events/${id}/members`),
    enabled,
  });

export function useSetMember(eventId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, input }: { userId: string; input: SetMemberInput }) =>
      api.put<Member[]>(`/api/events/${eventId}/members/${userId}`, input),
    onSuccess: (members) => client.setQueryData(eventKeys.members(eventId), members),
  });
}

export function useRemoveMember(eventId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => api.delete(`/api/events/${eventId}/members/${userId}`),
    onSuccess: () => client.invalidateQueries({ queryKey: eventKeys.members(eventId) }),
  });
}

export interface AuditFilter {
  action?: string | null;
  actorId?: string | null;
  entity?: string | null;
  from?: string | null;
  to?: string | null;
  page: number;
}

export const useAudit = (id: string, filter: AuditFilter, enabled: boolean) =>
  useQuery({
    queryKey: eventKeys.audit(id, filter),
    queryFn: () => api.get<AuditPage>(withQuery(`/api/events/${id}/audit`, { ...filter, pageSize: 50 })),
    enabled,
  });

/** An organizer resets a member's password: the temporary one comes back once, to hand over. */
export const useResetMemberPassword = (eventId: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) =>
      api.post<{ temporaryPassword: string }>(`/api/events/${eventId}/members/${userId}/password-reset`, {}),
    onSuccess: () =>
      client.invalidateQueries({ queryKey: eventKeys.audit(eventId, { page: 1 }).slice(0, 3) }),
  });
};
