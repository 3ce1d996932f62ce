import { Box, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconShoppingCart } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TFunnelSales } from '../../../../contracts/commerce-stats.js';
import { createFormatters, useFormatters } from '../../../lib/format.js';
import { CardSection } from '../../../ui/card-section.js';
import { BarsChart } from '../../../ui/charts/index.js';
import { EmptyState } from '../../../ui/empty-state.js';
import { QueryState } from '../../../ui/query-state.js';
import { StatCard } from '../../../ui/stat-card.js';
import { useFunnelSales } from './funnel-sales-api.js';
import { OffersTable, UtmSalesTable } from './sales-tables.js';
import { useCentsFormat, type TCentsFormat } from './use-cents-format.js';
import type { TDayRange } from './stats-range.js';
import { useDayFormat } from './use-day-format.js';

/**
 * The "Ventes" part of a funnel's report, over the same range: key numbers, the one-click offers' take rates,
 * revenue per day and per UTM source; "Aucune vente sur la période" when no order was paid.
 */
export function SalesReport({ funnelId, range }: { funnelId: string; range: TDayRange | null }) {
  const { t } = useTranslation();
  const sales = useFunnelSales(funnelId, range);
  const body = (data: TFunnelSales) => (
    <Box style={{ opacity: sales.isPlaceholderData ? 0.6 : 1, transition: 'opacity 150ms' }} aria-busy={sales.isPlaceholderData}>
      <SalesBody data={data} />
    </Box>
  );
  return (
    <CardSection title={t('funnelList.stats.report.sales.title')}>
      {/* Numbers already on screen stay there when a later reading fails. */}
      {sales.data ? body(sales.data) : <QueryState query={sales}>{body}</QueryState>}
    </CardSection>
  );
}

function SalesBody({ data }: { data: TFunnelSales }) {
  const { t } = useTranslation();
  const money = useCentsFormat(data.currency);
  const { locale } = useFormatters();
  const day = useDayFormat();
  // Amounts of another currency, for the note listing them.
  const formatIn = (currency: string, cents: number) => createFormatters(locale, currency).money(cents / 100);
  const others =
    data.other_currencies.length > 0 ? (
      <Text size="xs" c="dimmed">
        {t('funnelList.stats.report.sales.otherCurrencies', {
          list: data.other_currencies.map((c) => `${c.sales} × ${c.currency} (${formatIn(c.currency, c.revenue_cents)})`).join(', '),
        })}
      </Text>
    ) : null;
  if (data.sales === 0) {
    return (
      <Stack gap="xs">
        <EmptyState
          compact
          icon={<IconShoppingCart size={22} stroke={1.5} />}
          title={t('funnelList.stats.report.sales.empty')}
          message={t('funnelList.stats.report.sales.emptyHint')}
        />
        {others}
      </Stack>
    );
  }
  return (
    <Stack gap="lg">
      <SalesCards data={data} money={money} />
      {others}
      {data.offers.length > 0 && (
        <Stack gap="xs">
          <Text fw={600}>{t('funnelList.stats.report.sales.offers.title')}</Text>
          <OffersTable offers={data.offers} money={money} />
        </Stack>
      )}
      <Stack gap="xs">
        <Text fw={600}>{t('funnelList.stats.report.sales.days.title')}</Text>
        <BarsChart
          title={t('funnelList.stats.report.sales.days.title')}
          rowHeader={t('funnelList.stats.report.sales.days.day')}
          points={data.days.map((d) => ({ label: day.short(d.date), values: { revenue: d.revenue_cents } }))}
          series={[{ key: 'revenue', label: t('funnelList.stats.report.sales.days.revenue'), color: 'teal.7' }]}
          valueFormatter={money}
        />
      </Stack>
      <Stack gap="xs">
        <Text fw={600}>{t('funnelList.stats.report.sales.utm.title')}</Text>
        <UtmSalesTable rows={data.utm} money={money} />
      </Stack>
    </Stack>
  );
}

/** Ventes, Revenus générés, Valeur moyenne commande, Gain par visiteur, Taux de prise order bump. */
function SalesCards({ data, money }: { data: TFunnelSales; money: TCentsFormat }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const cards = 'funnelList.stats.report.sales.cards';
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="sm">
      <StatCard
        label={t(`${cards}.sales`)}
        value={format.number(data.sales)}
        detail={data.refunded_orders > 0 ? t(`${cards}.refunded`, { count: data.refunded_orders }) : t(`${cards}.salesHint`)}
      />
      <StatCard
        label={t(`${cards}.revenue`)}
        value={money(data.revenue_cents)}
        detail={[
          data.refunded_cents > 0 ? t(`${cards}.revenueRefunded`, { amount: money(data.refunded_cents) }) : t(`${cards}.revenueHint`),
          data.renewals > 0 ? t(`${cards}.revenueRenewals`, { count: data.renewals, amount: money(data.renewal_revenue_cents) }) : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      />
      <StatCard
        label={t(`${cards}.averageOrder`)}
        value={data.average_order_value_cents === null ? '—' : money(data.average_order_value_cents)}
        detail={t(`${cards}.averageOrderHint`)}
      />
      <StatCard
        label={t(`${cards}.perVisitor`)}
        value={data.earnings_per_visitor_cents === null ? '—' : money(data.earnings_per_visitor_cents)}
        detail={
          data.unique_visitors === 0
            ? t(`${cards}.noVisitor`)
            : t(`${cards}.perVisitorHint`, { count: data.unique_visitors, formatted: format.number(data.unique_visitors) })
        }
      />
      <StatCard
        label={t(`${cards}.bump`)}
        value={data.bump_take_rate === null ? '—' : format.percent(data.bump_take_rate, 1)}
        detail={t(`${cards}.bumpHint`, { count: data.bump_orders, bumps: format.number(data.bump_orders), sales: format.number(data.sales) })}
      />
    </SimpleGrid>
  );
}
