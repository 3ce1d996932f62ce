import { Alert, Badge, Group, List, Stack, Text } from '@mantine/core';
import { IconCreditCard, IconFlask } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TPaymentsView } from '../../../../contracts/commerce-payments.js';
import { CardSection } from '../../../ui/card-section.js';
import { QueryState } from '../../../ui/query-state.js';
import { AdminOnly } from '../admin-only.js';
import { usePayments } from './payments-query.js';
import { ModeBadge } from './mode-badge.js';
import { StripeCard } from './stripe-card.js';

/**
 * /settings/payments: who takes the workspace's payments. Stripe once its keys are saved (mode from the key:
 * test or production, shown large), else the built-in test provider when the instance allows it. Admins only,
 * as the keys.
 */
export function PaymentsTab() {
  const { t } = useTranslation();
  const payments = usePayments();
  return (
    <AdminOnly>
      <QueryState query={payments}>
        {(view) => (
          <Stack gap="lg" maw={860}>
            <Text>{t('payments.intro')}</Text>
            <ProviderBanner view={view} />
            <CardSection title={t('payments.stripe.title')}>
              <StripeCard view={view} />
            </CardSection>
            <CardSection title={t('payments.testProvider.title')}>
              <TestProviderCard view={view} />
            </CardSection>
          </Stack>
        )}
      </QueryState>
    </AdminOnly>
  );
}

/** The one thing to know at a glance: which provider runs, and whether real money moves. */
function ProviderBanner({ view }: { view: TPaymentsView }) {
  const { t } = useTranslation();
  if (view.provider === 'none') {
    return (
      <Alert color="red" variant="light" role="status" title={t('payments.provider.none')}>
        {t('payments.provider.noneHint')}
      </Alert>
    );
  }
  return (
    <Alert
      color={view.test_mode ? 'orange' : 'teal'}
      variant="light"
      role="status"
      icon={view.provider === 'test' ? <IconFlask aria-hidden /> : <IconCreditCard aria-hidden />}
    >
      <Group gap="sm" wrap="wrap">
        <ModeBadge live={!view.test_mode} />
        <Text size="sm">{t(`payments.provider.${view.provider}`)}</Text>
      </Group>
    </Alert>
  );
}

function TestProviderCard({ view }: { view: TPaymentsView }) {
  const { t } = useTranslation();
  const { active, reason } = view.test_provider;
  return (
    <Stack gap="sm">
      <Group gap="sm">
        <Badge size="lg" variant="light" color={active ? 'orange' : 'gray'}>
          {t(active ? 'payments.testProvider.active' : 'payments.testProvider.inactive')}
        </Badge>
      </Group>
      <Text size="sm">{t(`payments.testProvider.reasons.${reason}`)}</Text>
      <Text size="sm" c="dimmed">
        {t('payments.testProvider.cardsIntro')}
      </Text>
      <List size="sm" spacing={4}>
        <List.Item>{t('payments.testProvider.cards.visa')}</List.Item>
        <List.Item>{t('payments.testProvider.cards.declined')}</List.Item>
        <List.Item>{t('payments.testProvider.cards.authentication')}</List.Item>
      </List>
    </Stack>
  );
}
