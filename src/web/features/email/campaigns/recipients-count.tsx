import { Loader, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/format.js';
import { useCampaignRecipients } from '../email-api.js';

/** "1 234 destinataires" for the saved audience, and why others of it would not be mailed. */
export function RecipientsCount({ campaignId }: { campaignId: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const recipients = useCampaignRecipients(campaignId);
  if (recipients.isPending) return <Loader size="xs" aria-label={t('email.recipients.loading')} />;
  if (recipients.isError)
    return (
      <Text size="sm" c="dimmed">
        {t('email.recipients.unknown')}
      </Text>
    );
  const { count, excluded } = recipients.data;
  const reasons = (['no_email', 'unsubscribed', 'unconfirmed', 'suppressed', 'bounced', 'complained'] as const)
    .filter((reason) => excluded[reason] > 0)
    .map((reason) => t(`email.recipients.excluded.${reason}`, { count: excluded[reason], formatted: format.number(excluded[reason]) }));
  return (
    <div aria-live="polite" data-testid="campaign-recipients">
      <Text fw={700}>{t('email.recipients.count', { count, formatted: format.number(count) })}</Text>
      <Text size="sm" c="dimmed">
        {reasons.length > 0 ? t('email.recipients.notMailed', { reasons: reasons.join(', ') }) : t('email.recipients.savedAudience')}
      </Text>
    </div>
  );
}
