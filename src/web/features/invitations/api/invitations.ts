import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InvitationTemplate, LetterReadiness } from '../../../../shared/invitations';
import { api } from '../../../lib/api';

const templateKey = (eventId: string) => ['events', eventId, 'invitation-template'] as const;

export const useInvitationTemplate = (eventId: string) =>
  useQuery({
    queryKey: templateKey(eventId),
    queryFn: () => api.get<InvitationTemplate>(`/api/events/${eventId}/invitation-template`),
  });

export function useSaveInvitationTemplate(eventId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (template: InvitationTemplate) =>
      api.put<InvitationTemplate>(`/api/events/${eventId}/invitation-template`, template),
    onSuccess: (saved) => {
      client.setQueryData(templateKey(eventId), saved);
      // The issue date moves the QĐ 45 warning.
      void client.invalidateQueries({ queryKey: ['events', eventId, 'invitation-readiness'] });
    },
  });
}

/** Before printing: the address printed on letters (PUBLIC_URL) and QĐ 45/2018's three working days. */
export const useLetterReadiness = (eventId: string) =>
  useQuery({
    queryKey: ['events', eventId, 'invitation-readiness'] as const,
    queryFn: () => api.get<LetterReadiness>(`/api/events/${eventId}/invitations/readiness`),
  });
