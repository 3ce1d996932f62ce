import { ActionIcon, Badge, Group, Image, Menu, Paper, Stack, Table, Text, ThemeIcon, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconCopy, IconDots, IconPencil, IconPhoto, IconRestore, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TProduct } from '../../../contracts/commerce-products.js';
import { notifyError } from '../../lib/errors.js';
import { formatPrice } from './price-format.js';
import { useDuplicateProduct, useUpdateProduct } from './products-api.js';

type Props = { items: TProduct[]; canEdit: boolean; onOpen: (id: string) => void; onDelete: (product: TProduct) => void };
type TItemProps = Omit<Props, 'items'> & { product: TProduct };

/** The products as a table on a desktop, as cards on a phone (where a table would hide the price sideways). */
export function ProductsList({ items, canEdit, onOpen, onDelete }: Props) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 48em)');
  const taxLabel = useTaxLabel();
  if (phone) {
    return (
      <Stack gap="sm">
        {items.map((product) => (
          <ProductCard key={product.id} product={product} canEdit={canEdit} onOpen={onOpen} onDelete={onDelete} />
        ))}
      </Stack>
    );
  }
  return (
    <Table.ScrollContainer minWidth={680}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('products.columns.product')}</Table.Th>
            <Table.Th>{t('products.columns.price')}</Table.Th>
            <Table.Th>{t('products.columns.status')}</Table.Th>
            <Table.Th>{t('products.columns.tax')}</Table.Th>
            <Table.Th w={56}>
              <VisuallyHidden>{t('products.columns.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((product) => (
            <Table.Tr key={product.id} data-testid="product-row">
              <Table.Td>
                <ProductName product={product} onOpen={onOpen} />
              </Table.Td>
              <Table.Td>
                <DefaultPrice product={product} />
              </Table.Td>
              <Table.Td>
                <StatusBadge product={product} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{taxLabel(product)}</Text>
              </Table.Td>
              <Table.Td>
                <ProductMenu product={product} canEdit={canEdit} onOpen={onOpen} onDelete={onDelete} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function ProductCard({ product, canEdit, onOpen, onDelete }: TItemProps) {
  const taxLabel = useTaxLabel();
  return (
    <Paper withBorder radius="md" p="sm" data-testid="product-row">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <ProductName product={product} onOpen={onOpen} />
          <ProductMenu product={product} canEdit={canEdit} onOpen={onOpen} onDelete={onDelete} />
        </Group>
        <Group justify="space-between" align="flex-end" gap="xs">
          <DefaultPrice product={product} />
          <Group gap="xs">
            <Text size="sm" c="dimmed">
              {taxLabel(product)}
            </Text>
            <StatusBadge product={product} />
          </Group>
        </Group>
      </Stack>
    </Paper>
  );
}

function ProductName({ product, onOpen }: { product: TProduct; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  return (
    <UnstyledButton onClick={() => onOpen(product.id)} aria-label={t('products.open', { name: product.name })} miw={0}>
      <Group gap="sm" wrap="nowrap">
        {product.image_url ? (
          <Image src={product.image_url} alt="" w={40} h={40} radius="sm" fit="cover" />
        ) : (
          <ThemeIcon size={40} radius="sm" variant="light" color="gray" aria-hidden>
            <IconPhoto size={20} stroke={1.5} />
          </ThemeIcon>
        )}
        <Stack gap={0} miw={0}>
          <Text fw={600} truncate>
            {product.name}
          </Text>
          {product.description && (
            <Text size="xs" c="dimmed" lineClamp={1} maw={320}>
              {product.description}
            </Text>
          )}
        </Stack>
      </Group>
    </UnstyledButton>
  );
}

/** The default price ("29,00 €/mois") and how many other active prices there are. */
function DefaultPrice({ product }: { product: TProduct }) {
  const { t, i18n } = useTranslation();
  const price = product.prices.find((p) => p.is_default && p.active);
  if (!price) return <Text c="dimmed">{t('products.noPrice')}</Text>;
  const others = product.prices.filter((p) => p.active && p !== price).length;
  return (
    <Stack gap={0}>
      <Text fw={500} data-testid="product-default-price">
        {formatPrice(i18n.resolvedLanguage ?? 'fr', t, price)}
      </Text>
      {others > 0 && (
        <Text size="xs" c="dimmed">
          {t('products.otherPrices', { count: others })}
        </Text>
      )}
    </Stack>
  );
}

function StatusBadge({ product }: { product: TProduct }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={product.status === 'archived' ? 'gray' : 'teal'}>
      {t(`products.status.${product.status}`)}
    </Badge>
  );
}

/** "TTC · 20 % · Stripe Tax". */
function useTaxLabel(): (product: TProduct) => string {
  const { t, i18n } = useTranslation();
  const percent = new Intl.NumberFormat(i18n.resolvedLanguage ?? 'fr', { maximumFractionDigits: 2 });
  return (product) =>
    [
      t(`products.tax.${product.tax_behavior}`),
      product.tax_rate_bps !== null ? t('products.tax.rate', { rate: percent.format(product.tax_rate_bps / 100) }) : null,
      product.stripe_tax ? t('products.tax.stripe') : null,
    ]
      .filter(Boolean)
      .join(' · ');
}

function ProductMenu({ product, canEdit, onOpen, onDelete }: TItemProps) {
  const { t } = useTranslation();
  const duplicate = useDuplicateProduct();
  const update = useUpdateProduct();
  const archived = product.status === 'archived';
  const failed = (error: unknown) => notifyError(error, t);
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" aria-label={t('products.menu', { name: product.name })}>
          <IconDots size={18} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconPencil size={16} aria-hidden />} onClick={() => onOpen(product.id)}>
          {canEdit ? t('common.edit') : t('products.view')}
        </Menu.Item>
        {canEdit && (
          <>
            <Menu.Item
              leftSection={<IconCopy size={16} aria-hidden />}
              onClick={() =>
                duplicate.mutate(product.id, { onSuccess: () => notifications.show({ color: 'teal', message: t('products.duplicated') }), onError: failed })
              }
            >
              {t('products.duplicate')}
            </Menu.Item>
            <Menu.Item
              leftSection={archived ? <IconRestore size={16} aria-hidden /> : <IconArchive size={16} aria-hidden />}
              onClick={() => update.mutate({ id: product.id, body: { status: archived ? 'active' : 'archived' } }, { onError: failed })}
            >
              {archived ? t('products.restore') : t('products.archive')}
            </Menu.Item>
            <Menu.Divider />
            <Menu.Item color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={() => onDelete(product)}>
              {t('products.delete')}
            </Menu.Item>
          </>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
