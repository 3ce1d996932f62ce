import { Button, Group, Text } from '@mantine/core';
import { IconShoppingCart } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TPageOffer } from '../../../../contracts/commerce-checkout.js';
import type { TFunnelPageType } from '../../../../contracts/funnels.js';
import { formatPrice } from '../../products/price-format.js';
import { sellingStep } from './step-offer.js';

type Props = { pageType: TFunnelPageType; hasCheckoutBlocks: boolean; offer: TPageOffer | undefined; canEdit: boolean; onEdit: () => void };

/** On a step's card: what it sells (and its order bump), or that a selling step has no product yet; "Produit vendu". */
export function StepOfferLine({ pageType, hasCheckoutBlocks, offer, canEdit, onEdit }: Props) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'fr';
  if (!offer && !hasCheckoutBlocks && !sellingStep(pageType)) return null;
  const price = (p: TPageOffer['price']) => formatPrice(locale, t, { ...p, interval: null });
  const unsellable = offer && (!offer.price.sellable || (offer.bump && !offer.bump.sellable));
  return (
    <Group gap="xs" justify="space-between" wrap="wrap">
      {/* A missing product is a problem only where the page has an order form or an offer button to fill. */}
      <Text size="sm" c={unsellable || (!offer && hasCheckoutBlocks) ? 'orange' : offer ? undefined : 'dimmed'} style={{ overflowWrap: 'anywhere' }}>
        {offer
          ? t('stepOffer.sells', { product: offer.price.product_name, price: price(offer.price) }) +
            (offer.bump ? ` ${t('stepOffer.withBump', { product: offer.bump.product_name, price: price(offer.bump) })}` : '') +
            (unsellable ? ` ${t('stepOffer.unsellable')}` : '')
          : t(hasCheckoutBlocks ? 'stepOffer.none' : 'stepOffer.noneNoBlock')}
      </Text>
      {canEdit && (
        <Button size="compact-sm" variant="light" leftSection={<IconShoppingCart size={14} aria-hidden />} onClick={onEdit}>
          {t(offer ? 'stepOffer.edit' : 'stepOffer.choose')}
        </Button>
      )}
    </Group>
  );
}
