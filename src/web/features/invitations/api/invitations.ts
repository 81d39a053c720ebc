import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InvitationTemplate } from '../../../../shared/invitations';
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
    onSuccess: (saved) => client.setQueryData(templateKey(eventId), saved),
  });
}
