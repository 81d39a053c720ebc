import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChangePasswordInput, LoginInput, Me } from '../../../../shared/auth';
import { ApiError, api } from '../../../lib/api';

export const meKey = ['me'] as const;

/** The signed-in user, or null when there is no session. */
export function useMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: async () => {
      try {
        return await api.get<Me>('/api/auth/me');
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
  });
}

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: LoginInput) => api.post<Me>('/api/auth/login', input),
    onSuccess: (me) => {
      client.clear();
      client.setQueryData(meKey, me);
    },
  });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post('/api/auth/logout'),
    onSettled: () => {
      client.clear();
      client.setQueryData(meKey, null);
    },
  });
}

export function useChangePassword() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ChangePasswordInput) => api.post('/api/auth/password', input),
    onSuccess: () => client.invalidateQueries({ queryKey: meKey }),
  });
}

/** Mirrors the server's policies for what the UI offers; the server still decides. */
export function abilities(me: Me | null | undefined) {
  const organizes = !!me?.memberships.some((m) => m.role === 'organizer');
  return {
    isAdmin: !!me?.isAdmin,
    canCreateEvent: !!me && (me.isAdmin || organizes),
    /** The units catalogue is shared by every event: admins only. */
    canEditUnits: !!me?.isAdmin,
    /** Admins and organizers keep the OCOP register. */
    canEditProducts: !!me && (me.isAdmin || organizes),
    canImportUnits: !!me?.isAdmin,
    canDeleteUnits: !!me?.isAdmin,
    canEditEvent: (eventId: string) =>
      !!me && (me.isAdmin || me.memberships.some((m) => m.eventId === eventId && m.role === 'organizer')),
    /** The reception desk: organizers and check-in staff. */
    canCheckIn: (eventId: string) =>
      !!me &&
      (me.isAdmin ||
        me.memberships.some(
          (m) => m.eventId === eventId && (m.role === 'organizer' || m.role === 'checkin'),
        )),
    /** The readiness board, the budget and the closing report: organizers and the leader (viewer). */
    canViewBoard: (eventId: string) =>
      !!me &&
      (me.isAdmin ||
        me.memberships.some((m) => m.eventId === eventId && (m.role === 'organizer' || m.role === 'viewer'))),
    /** Organizers register anyone; unit officers their own unit's people. */
    canWriteDelegates: (eventId: string) =>
      !!me &&
      (me.isAdmin ||
        me.memberships.some(
          (m) => m.eventId === eventId && (m.role === 'organizer' || m.role === 'unit_officer'),
        )),
  };
}
