import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AwardPlanInput,
  Awards,
  CertificateTemplate,
  CreateProductInput,
  OcopStatistics,
  Product,
  ProductGroup,
  ProductImportResult,
  UpdateAwardRecipientInput,
  UpdateProductInput,
} from '../../../../shared/ocop';
import { api, withQuery } from '../../../lib/api';

export interface ProductFilter {
  q?: string;
  groupId?: string | null;
  stars?: number | null;
  districtId?: string | null;
  year?: number | null;
  potential?: boolean | null;
  page?: number;
  pageSize?: number;
}

export const ocopKeys = {
  products: ['products'] as const,
  list: (f: ProductFilter) => ['products', 'list', f] as const,
  groups: ['product-groups'] as const,
  statistics: (range: { fromYear?: number | null; toYear?: number | null }) =>
    ['products', 'stats', range] as const,
  awards: (eventId: string) => ['awards', eventId] as const,
  certificateTemplate: (eventId: string) => ['certificate-template', eventId] as const,
};

export const useProducts = (filter: ProductFilter) =>
  useQuery({
    queryKey: ocopKeys.list(filter),
    queryFn: () =>
      api.get<{ items: Product[]; total: number; page: number; pageSize: number }>(
        withQuery('/api/products', { ...filter }),
      ),
    placeholderData: (previous) => previous,
  });

export const useProductGroups = () =>
  useQuery({
    queryKey: ocopKeys.groups,
    queryFn: () => api.get<ProductGroup[]>('/api/product-groups'),
    staleTime: 5 * 60_000,
  });

export function useSaveProduct(id: string | null) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateProductInput | UpdateProductInput) =>
      id ? api.patch<Product>(`/api/products/${id}`, input) : api.post<Product>('/api/products', input),
    onSuccess: () => client.invalidateQueries({ queryKey: ocopKeys.products }),
  });
}

export function useDeleteProduct() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/products/${id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: ocopKeys.products }),
  });
}

export function useProductPhotos(productId: string) {
  const client = useQueryClient();
  const done = () => client.invalidateQueries({ queryKey: ocopKeys.products });
  return {
    add: useMutation({
      mutationFn: (file: File) => api.upload<Product>(`/api/products/${productId}/photos`, file),
      onSuccess: done,
    }),
    remove: useMutation({
      mutationFn: (photoId: string) => api.delete<Product>(`/api/products/${productId}/photos/${photoId}`),
      onSuccess: done,
    }),
  };
}

export function useImportProducts() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (args: {
      file: File;
      mode: 'all_or_nothing' | 'valid_rows_only';
      dryRun: boolean;
      createProducers: boolean;
    }) =>
      api.upload<ProductImportResult>(
        withQuery('/api/products/import', {
          mode: args.mode,
          dryRun: args.dryRun,
          createProducers: args.createProducers,
        }),
        args.file,
      ),
    onSuccess: (result) => {
      if (!result.dryRun) void client.invalidateQueries({ queryKey: ocopKeys.products });
    },
  });
}

export const useStatistics = (range: { fromYear?: number | null; toYear?: number | null }) =>
  useQuery({
    queryKey: ocopKeys.statistics(range),
    queryFn: () => api.get<OcopStatistics>(withQuery('/api/ocop/statistics', range)),
  });

export const useAwards = (eventId: string) =>
  useQuery({
    queryKey: ocopKeys.awards(eventId),
    queryFn: () => api.get<Awards>(`/api/events/${eventId}/awards`),
  });

export function useAwardActions(eventId: string) {
  const client = useQueryClient();
  const set = (awards: Awards) => client.setQueryData(ocopKeys.awards(eventId), awards);
  return {
    plan: useMutation({
      mutationFn: (input: AwardPlanInput) => api.post<Awards>(`/api/events/${eventId}/awards/plan`, input),
      onSuccess: set,
    }),
    clear: useMutation({
      mutationFn: () => api.delete(`/api/events/${eventId}/awards`),
      onSuccess: () => client.invalidateQueries({ queryKey: ocopKeys.awards(eventId) }),
    }),
    batch: useMutation({
      mutationFn: ({
        batchId,
        ...input
      }: {
        batchId: string;
        title?: string | null;
        presenterDelegateId?: string | null;
      }) => api.patch<Awards>(`/api/events/${eventId}/awards/batches/${batchId}`, input),
      onSuccess: set,
    }),
    recipient: useMutation({
      mutationFn: ({ recipientId, ...input }: UpdateAwardRecipientInput & { recipientId: string }) =>
        api.patch<Awards>(`/api/events/${eventId}/awards/recipients/${recipientId}`, input),
      onSuccess: set,
    }),
  };
}

export const useCertificateTemplate = (eventId: string) =>
  useQuery({
    queryKey: ocopKeys.certificateTemplate(eventId),
    queryFn: () => api.get<CertificateTemplate>(`/api/events/${eventId}/certificate-template`),
  });

export function useSaveCertificateTemplate(eventId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (template: CertificateTemplate) =>
      api.put<CertificateTemplate>(`/api/events/${eventId}/certificate-template`, template),
    onSuccess: (saved) => client.setQueryData(ocopKeys.certificateTemplate(eventId), saved),
  });
}
