import { Button, Group, Text } from '@mantine/core';
import { IconShoppingCart } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TPageOffer } from '../../../../contracts/commerce-checkout.js';
import type { TFunnelPageType } from '../../../../contracts/funnels.js';
import { formatPrice } from '../../products/price-format.js';
import { sellingStep } from './step-offer.js';

type Props = { pageType: TFunnelPageType; offer: TPageOffer | undefined; canEdit: boolean; onEdit: () => void };

/** On a step's card: what it sells (and its order bump), or that a selling step has no product yet; "Produit vendu". */
export function StepOfferLine({ pageType, offer, canEdit, onEdit }: Props) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'fr';
  if (!offer && !sellingStep(pageType)) return null;
  const price = (p: TPageOffer['price']) => formatPrice(locale, t, { ...p, interval: null });
  const unsellable = offer && (!offer.price.sellable || (offer.bump && !offer.bump.sellable));
  return (
    <Group gap="xs" justify="space-between" wrap="wrap">
      <Text size="sm" c={offer && !unsellable ? undefined : 'orange'} style={{ overflowWrap: 'anywhere' }}>
        {offer
          ? t('stepOffer.sells', { product: offer.price.product_name, price: price(offer.price) }) +
            (offer.bump ? ` ${t('stepOffer.withBump', { product: offer.bump.product_name, price: price(offer.bump) })}` : '') +
            (unsellable ? ` ${t('stepOffer.unsellable')}` : '')
          : t('stepOffer.none')}
      </Text>
      {canEdit && (
        <Button size="compact-sm" variant="light" leftSection={<IconShoppingCart size={14} aria-hidden />} onClick={onEdit}>
          {t(offer ? 'stepOffer.edit' : 'stepOffer.choose')}
        </Button>
      )}
    </Group>
  );
}
