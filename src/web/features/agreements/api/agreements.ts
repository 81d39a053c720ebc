import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Agreement,
  AgreementList,
  AgreementStatus,
  CreateAgreementInput,
  UpdateAgreementInput,
} from '../../../../shared/agreements';
import type { Product } from '../../../../shared/ocop';
import { api, request, withQuery } from '../../../lib/api';

export const agreementKeys = { list: (eventId: string) => ['events', eventId, 'agreements'] as const };

export const useAgreements = (eventId: string) =>
  useQuery({
    queryKey: agreementKeys.list(eventId),
    queryFn: () => api.get<AgreementList>(`/api/events/${eventId}/agreements`),
  });

/** Every change refreshes the list: totals, rounds and warnings move together. */
export function useAgreementActions(eventId: string) {
  const client = useQueryClient();
  const base = `/api/events/${eventId}/agreements`;
  const refresh = () => client.invalidateQueries({ queryKey: agreementKeys.list(eventId) });
  return {
    save: useMutation({
      mutationFn: ({
        id,
        input,
      }: {
        id: string | null;
        input: CreateAgreementInput | UpdateAgreementInput;
      }) => (id ? api.patch<Agreement>(`${base}/${id}`, input) : api.post<Agreement>(base, input)),
      onSuccess: refresh,
    }),
    status: useMutation({
      mutationFn: ({ id, status }: { id: string; status: AgreementStatus }) =>
        api.post<Agreement>(`${base}/${id}/status`, { status }),
      onSuccess: refresh,
    }),
    /** The scan first, then the status: a refused file leaves the agreement as it was. */
    sign: useMutation({
      mutationFn: async ({ id, file }: { id: string; file: File | null }) => {
        if (file) await request<Agreement>('PUT', `${base}/${id}/scan`, file);
        return api.post<Agreement>(`${base}/${id}/status`, { status: 'signed' });
      },
      onSuccess: refresh,
    }),
    scan: useMutation({
      mutationFn: ({ id, file }: { id: string; file: File }) =>
        request<Agreement>('PUT', `${base}/${id}/scan`, file),
      onSuccess: refresh,
    }),
    standIn: useMutation({
      mutationFn: ({
        id,
        unitId,
        name,
        position,
      }: {
        id: string;
        unitId: string;
        name: string | null;
        position: string | null;
      }) =>
        name
          ? api.put<Agreement>(`${base}/${id}/parties/${unitId}/stand-in`, { name, position })
          : api.delete<Agreement>(`${base}/${id}/parties/${unitId}/stand-in`),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: (id: string) => api.delete(`${base}/${id}`),
      onSuccess: refresh,
    }),
    plan: useMutation({
      mutationFn: (pairsPerRound: number) => api.post<AgreementList>(`${base}/ceremony`, { pairsPerRound }),
      onSuccess: (list) => client.setQueryData(agreementKeys.list(eventId), list),
    }),
  };
}

/** The register's products of one producer, for picking what an agreement or a booth covers. */
export const useProducerProducts = (producerId: string | null, districtId: string | null = null) =>
  useQuery({
    queryKey: ['products', 'of', producerId, districtId],
    enabled: !!(producerId || districtId),
    queryFn: () =>
      api.get<{ items: Product[] }>(
        withQuery('/api/products', { producerId, districtId, pageSize: 100, page: 1 }),
      ),
  });
