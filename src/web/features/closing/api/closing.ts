import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Budget, CreateBudgetLineInput, UpdateBudgetLineInput } from '../../../../shared/budget';
import type { CreateMediaItemInput, Media, Readiness } from '../../../../shared/report';
import type {
  Attachment,
  CreateTaskInput,
  Task,
  TaskDetail,
  TaskList,
  UpdateTaskInput,
} from '../../../../shared/tasks';
import { api } from '../../../lib/api';

export const closingKeys = {
  tasks: (eventId: string) => ['tasks', eventId] as const,
  task: (eventId: string, taskId: string) => ['tasks', eventId, taskId] as const,
  budget: (eventId: string) => ['budget', eventId] as const,
  media: (eventId: string) => ['media', eventId] as const,
  readiness: (eventId: string) => ['readiness', eventId] as const,
};

export const useTasks = (eventId: string) =>
  useQuery({
    queryKey: closingKeys.tasks(eventId),
    queryFn: () => api.get<TaskList>(`/api/events/${eventId}/tasks`),
  });

export const useTask = (eventId: string, taskId: string | null) =>
  useQuery({
    queryKey: closingKeys.task(eventId, taskId ?? ''),
    queryFn: () => api.get<TaskDetail>(`/api/events/${eventId}/tasks/${taskId}`),
    enabled: !!taskId,
  });

export function useTaskActions(eventId: string) {
  const client = useQueryClient();
  const done = () => {
    client.invalidateQueries({ queryKey: ['tasks', eventId] });
    client.invalidateQueries({ queryKey: closingKeys.readiness(eventId) });
  };
  const base = `/api/events/${eventId}/tasks`;
  return {
    create: useMutation({
      mutationFn: (input: CreateTaskInput) => api.post<Task>(base, input),
      onSuccess: done,
    }),
    update: useMutation({
      mutationFn: ({ id, input }: { id: string; input: UpdateTaskInput }) =>
        api.patch<Task>(`${base}/${id}`, input),
      onSuccess: done,
    }),
    remove: useMutation({ mutationFn: (id: string) => api.delete(`${base}/${id}`), onSuccess: done }),
    comment: useMutation({
      mutationFn: ({ id, body }: { id: string; body: string }) =>
        api.post<TaskDetail>(`${base}/${id}/comments`, { body }),
      onSuccess: done,
    }),
    attach: useMutation({
      mutationFn: ({ id, file }: { id: string; file: File }) =>
        api.upload<Attachment>(`${base}/${id}/attachments?name=${encodeURIComponent(file.name)}`, file),
      onSuccess: done,
    }),
    detach: useMutation({
      mutationFn: ({ id, fileId }: { id: string; fileId: string }) =>
        api.delete(`${base}/${id}/attachments/${fileId}`),
      onSuccess: done,
    }),
  };
}

export const useBudget = (eventId: string) =>
  useQuery({
    queryKey: closingKeys.budget(eventId),
    queryFn: () => api.get<Budget>(`/api/events/${eventId}/budget`),
  });

export function useBudgetActions(eventId: string) {
  const client = useQueryClient();
  const done = () => {
    client.invalidateQueries({ queryKey: closingKeys.budget(eventId) });
    client.invalidateQueries({ queryKey: closingKeys.readiness(eventId) });
  };
  const base = `/api/events/${eventId}/budget`;
  return {
    source: useMutation({
      mutationFn: (sourceDecision: string | null) => api.put<Budget>(base, { sourceDecision }),
      onSuccess: done,
    }),
    add: useMutation({
      mutationFn: (input: CreateBudgetLineInput) => api.post<Budget>(`${base}/lines`, input),
      onSuccess: done,
    }),
    update: useMutation({
      mutationFn: ({ id, input }: { id: string; input: UpdateBudgetLineInput }) =>
        api.patch<Budget>(`${base}/lines/${id}`, input),
      onSuccess: done,
    }),
    remove: useMutation({ mutationFn: (id: string) => api.delete(`${base}/lines/${id}`), onSuccess: done }),
    receipt: useMutation({
      mutationFn: ({ id, file }: { id: string; file: File }) =>
        api.upload<Attachment>(`${base}/lines/${id}/receipts?name=${encodeURIComponent(file.name)}`, file),
      onSuccess: done,
    }),
  };
}

export const useMedia = (eventId: string) =>
  useQuery({
    queryKey: closingKeys.media(eventId),
    queryFn: () => api.get<Media>(`/api/events/${eventId}/media`),
  });

export function useMediaActions(eventId: string) {
  const client = useQueryClient();
  const done = () => client.invalidateQueries({ queryKey: closingKeys.media(eventId) });
  return {
    add: useMutation({
      mutationFn: (input: CreateMediaItemInput) => api.post<Media>(`/api/events/${eventId}/media`, input),
      onSuccess: done,
    }),
    remove: useMutation({
      mutationFn: (id: string) => api.delete(`/api/events/${eventId}/media/${id}`),
      onSuccess: done,
    }),
  };
}

export const useReadiness = (eventId: string) =>
  useQuery({
    queryKey: closingKeys.readiness(eventId),
    queryFn: () => api.get<Readiness>(`/api/events/${eventId}/readiness`),
  });
