import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Event } from '../../../../shared/events';
import type { PlanDraft } from '../../../../shared/plan';
import type { CreateEventFromPlanInput, PlanContents } from '../../../../shared/plan-contents';
import { api } from '../../../lib/api';

export interface ParsedPlan {
  text: string;
  draft: PlanDraft;
  links: Record<string, string | null>;
  /** The text was read from a scan by OCR. */
  ocr?: boolean;
}

export function useParsePlan() {
  return useMutation({
    mutationFn: (input: { file: File } | { text: string }) =>
      'file' in input
        ? api.upload<ParsedPlan>('/api/plans/parse', input.file)
        : api.post<ParsedPlan>('/api/plans/parse', input),
  });
}

export function useCreateFromPlan() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateEventFromPlanInput) => api.post<Event>('/api/events/from-plan', input),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['events'] });
      void client.invalidateQueries({ queryKey: ['me'] });
    },
  });
}

export const usePlanContents = (eventId: string) =>
  useQuery({
    queryKey: ['events', eventId, 'plan-contents'],
    queryFn: () =>
      api.get<PlanContents & { planText: string | null }>(`/api/events/${eventId}/plan-contents`),
  });
