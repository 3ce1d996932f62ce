import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TEmailCampaign } from '../../../../contracts/email-campaigns.js';
import { starterDocument, type TEmailDocument } from '../../../../contracts/email-document.js';
import { api } from '../../../lib/api.js';
import { notifyError } from '../../../lib/errors.js';
import { campaignKey, CAMPAIGNS_PATH } from '../email-api.js';
import { escapeHtml } from './document-ops.js';

export type TContentMode = 'blocks' | 'html';

/** Liquid of the starter text's greeting (built here, never inside an i18n string): "Bonjour à vous," without a first name. */
function greetingName(fallback: string): string {
  return `{{ lead.first_name | default: "${fallback.replace(/["{}%]/g, '')}" }}`;
}

/** A new campaign's document, in the reader's language: a heading, a greeting and a text, a button, the footer. */
export function starterDocumentFor(t: TFunction): TEmailDocument {
  return starterDocument({
    headingHtml: `<h1>${escapeHtml(t('emailEditor.defaults.heading'))}</h1>`,
    bodyHtml: `<p>${escapeHtml(t('emailEditor.defaults.greeting'))} ${greetingName(t('emailEditor.defaults.greetingFallback'))},</p><p>${escapeHtml(t('emailEditor.defaults.body'))}</p>`,
    buttonLabel: t('emailEditor.defaults.button'),
    buttonHref: 'https://example.com',
    unsubscribeLabel: t('emailEditor.defaults.unsubscribe'),
  });
}

/**
 * Switches a campaign between the block editor and raw HTML. To HTML: the compiled HTML stays and the document is
 * dropped (`editor_document: null`). To blocks: a starter document replaces the HTML. `version` changes at each
 * switch, so the editor starts again from the saved document.
 */
export function useSwitchContentMode(campaignId: string, onSwitched: (campaign: TEmailCampaign) => void) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [version, setVersion] = useState(0);
  const mutation = useMutation({
    mutationFn: (mode: TContentMode) =>
      api.patch<TEmailCampaign>(`${CAMPAIGNS_PATH}/${campaignId}`, { editor_document: mode === 'blocks' ? starterDocumentFor(t) : null }),
    onSuccess: (saved, mode) => {
      queryClient.setQueryData(campaignKey(saved.id), saved);
      setVersion((v) => v + 1);
      onSwitched(saved);
      notifications.show({ color: 'teal', message: t(mode === 'blocks' ? 'emailEditor.mode.switchedBlocks' : 'emailEditor.mode.switchedHtml') });
    },
    onError: (error) => notifyError(error, t),
  });
  return { mutate: mutation.mutate, isPending: mutation.isPending, version };
}
