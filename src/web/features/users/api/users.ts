import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateUserInput, UpdateUserInput, User } from '../../../../shared/users';
import { api } from '../../../lib/api';

const usersKey = ['users'] as const;

export const useUsers = (enabled = true) =>
  useQuery({ queryKey: usersKey, queryFn: () => api.get<User[]>('/api/users'), enabled });

export function useCreateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateUserInput) => api.post<User>('/api/users', input),
    onSuccess: () => client.invalidateQueries({ queryKey: usersKey }),
  });
}

export function useUpdateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: UpdateUserInput }) =>
      api.patch<User>(`/api/users/${id}`, input),
    onSuccess: () => client.invalidateQueries({ queryKey: usersKey }),
  });
}

export const useResetPassword = () =>
  useMutation({
    mutationFn: ({ id, password }: { id: string; password: string }) =>
      api.post(`/api/users/${id}/password`, { password }),
  });

/** Lifts a sign-in lock-out at once (failed attempts are forgotten); the account's password is untouched. */
export const useUnlockSignIn = () =>
  useMutation({ mutationFn: (id: string) => api.post(`/api/users/${id}/unlock`) });
