import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReplyInput, ReplyLink, ReplyView } from '../../../../shared/replies';
import { api } from '../../../lib/api';

const replyKey = (token: string) => ['reply', token] as const;

export const useReplyView = (token: string) =>
  useQuery({
    queryKey: replyKey(token),
    queryFn: () => api.get<ReplyView>(`/api/replies/${token}`),
    retry: false,
  });

export function useReply(token: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ReplyInput) => api.post<ReplyView>(`/api/replies/${token}`, input),
    onSuccess: (view) => client.setQueryData(replyKey(token), view),
  });
}

export const useIssueReplyLink = (eventId: string) =>
  useMutation({
    mutationFn: (delegateId: string) =>
      api.post<ReplyLink>(`/api/events/${eventId}/delegates/${delegateId}/reply-link`),
  });

export const useRevokeReplyLink = (eventId: string) =>
  useMutation({
    mutationFn: (delegateId: string) =>
      api.delete(`/api/events/${eventId}/delegates/${delegateId}/reply-link`),
  });
