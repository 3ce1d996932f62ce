import { Button, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPackage, IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TProduct, TProductStatus } from '../../../contracts/commerce-products.js';
import { notifyError } from '../../lib/errors.js';
import { ConfirmModal } from '../../ui/confirm-modal.js';
import { EmptyState } from '../../ui/empty-state.js';
import { QueryState } from '../../ui/query-state.js';
import { CreateProductModal } from './create-product-modal.js';
import { ProductDrawer } from './product-drawer.js';
import { ProductsList } from './products-list.js';
import { useDeleteProduct, useProducts } from './products-api.js';

const FILTERS = ['all', 'active', 'archived'] as const;
type TFilter = (typeof FILTERS)[number];

/** The Produits tab of /funnels: what the funnels sell, with their default price, status and VAT handling. */
export function ProductsTab({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<TFilter>('all');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<TProduct | null>(null);
  const products = useProducts(filter === 'all' ? null : (filter as TProductStatus), q);
  const remove = useDeleteProduct();
  const filtered = filter !== 'all' || q.trim() !== '';
  const newButton = { label: t('products.new'), icon: <IconPlus size={16} aria-hidden />, onClick: () => setCreating(true), primary: true };
  return (
    <Stack>
      <Group justify="space-between" align="flex-end" gap="sm">
        <Group gap="sm" align="flex-end">
          <TextInput
            label={t('products.search')}
            placeholder={t('products.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
            w={240}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="products-status-filter">
              {t('products.statusFilter')}
            </Text>
            <SegmentedControl
              aria-labelledby="products-status-filter"
              value={filter}
              onChange={(value) => setFilter(value as TFilter)}
              data={FILTERS.map((value) => ({ value, label: t(`products.filters.${value}`) }))}
            />
          </Stack>
        </Group>
        {canEdit && (
          <Button leftSection={newButton.icon} onClick={newButton.onClick}>
            {newButton.label}
          </Button>
        )}
      </Group>
      <QueryState query={products}>
        {(data) => {
          const items = data.pages.flatMap((page) => page.items);
          if (items.length === 0) {
            return filtered ? (
              <EmptyState
                compact
                message={t('products.noMatch')}
                actions={[
                  {
                    label: t('products.clearFilters'),
                    onClick: () => {
                      setFilter('all');
                      setSearch('');
                    },
                  },
                ]}
              />
            ) : (
              <EmptyState
                icon={<IconPackage size={30} stroke={1.5} />}
                title={t('products.emptyTitle')}
                message={t('products.empty')}
                actions={canEdit ? [newButton] : []}
              />
            );
          }
          return (
            <Stack>
              <ProductsList items={items} canEdit={canEdit} onOpen={setOpenId} onDelete={setDeleting} />
              {products.hasNextPage && (
                <Group justify="center">
                  <Button variant="default" loading={products.isFetchingNextPage} onClick={() => void products.fetchNextPage()}>
                    {t('products.loadMore')}
                  </Button>
                </Group>
              )}
            </Stack>
          );
        }}
      </QueryState>
      <CreateProductModal
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(product) => {
          setCreating(false);
          setOpenId(product.id);
        }}
      />
      <ProductDrawer productId={openId} canEdit={canEdit} onClose={() => setOpenId(null)} />
      <ConfirmModal
        opened={deleting !== null}
        title={t('products.deleteTitle')}
        confirmLabel={t('products.delete')}
        loading={remove.isPending}
        onClose={() => setDeleting(null)}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.id, {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: t('products.deleted') });
              setDeleting(null);
            },
            onError: (error) => {
              setDeleting(null);
              notifyError(error, t);
            },
          })
        }
      >
        {t('products.deleteMessage', { name: deleting?.name ?? '' })}
      </ConfirmModal>
    </Stack>
  );
}
