import { Anchor, List, Switch, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isCampaignEditable, type TEmailCampaign } from '../../../../../contracts/email-campaigns.js';
import { notifyError } from '../../../../lib/errors.js';
import { CardSection } from '../../../../ui/card-section.js';
import { useSaveSendTime } from './send-time-api.js';

type Props = {
  campaign: TEmailCampaign;
  canEdit: boolean;
  /** The A/B card's switch is on (saved or not): the server refuses to send both, so this one waits. */
  abTestOn: boolean;
  /** A change on its way to the server holds the send back, as unsaved changes do. */
  onBusyChange: (busy: boolean) => void;
};

/**
 * "Heure d'envoi optimale": one switch, saved as soon as it moves (`PATCH { send_time_optimization }`): there is
 * nothing else to fill in, so a separate save button would only be a step to forget. Read-only once the campaign
 * has gone or for a viewer.
 */
export function SendTimeCard({ campaign, canEdit, abTestOn, onBusyChange }: Props) {
  const { t } = useTranslation();
  const editable = isCampaignEditable(campaign);
  const readOnly = !editable || !canEdit;
  const save = useSaveSendTime(campaign.id);
  const [asked, setAsked] = useState<boolean | null>(null);
  const busy = asked !== null;
  useEffect(() => onBusyChange(busy), [busy, onBusyChange]);

  // Nothing to show: a sent campaign without the option, or a member who could not turn it on.
  if (!campaign.send_time_optimization && readOnly) return null;

  // While the change travels the switch already shows it (set at once: the mutation's own state arrives a tick later).
  const on = asked ?? campaign.send_time_optimization;
  // Turning it off stays possible when both are on (set through the API): that is the way out of the conflict.
  const blockedByAbTest = abTestOn && !on && !readOnly;

  const toggle = (next: boolean) => {
    setAsked(next);
    save.mutate(next, {
      onSettled: () => setAsked(null),
      onSuccess: (saved) => notifications.show({ color: 'teal', message: t(saved.send_time_optimization ? 'email.sendTime.on' : 'email.sendTime.off') }),
      onError: (error) => notifyError(error, t),
    });
  };

  return (
    <CardSection title={t('email.sendTime.title')} mb="lg">
      <Switch
        label={t('email.sendTime.enable')}
        checked={on}
        onChange={(event) => toggle(event.currentTarget.checked)}
        disabled={readOnly || blockedByAbTest || busy}
        description={blockedByAbTest ? t('email.sendTime.withAbTest') : undefined}
        data-testid="send-time-switch"
      />
      <List size="sm" spacing={4} c="dimmed">
        <List.Item>{t('email.sendTime.intro')}</List.Item>
        <List.Item>{t('email.sendTime.holdout')}</List.Item>
        <List.Item>{t('email.sendTime.duration')}</List.Item>
      </List>
      {editable && !canEdit && (
        <Text size="sm" c="dimmed">
          {t('email.sendTime.readOnly')}
        </Text>
      )}
      {!editable && (
        <Text size="sm">
          {t('email.sendTime.locked')}{' '}
          <Anchor component={Link} to={`/email-marketing/campaigns/${campaign.id}/report`}>
            {t('email.sendTime.reportLink')}
          </Anchor>
        </Text>
      )}
    </CardSection>
  );
}
