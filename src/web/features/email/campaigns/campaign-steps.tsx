import { Button, Group, Progress, Stepper, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconArrowLeft, IconArrowRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';

// "+ Créer" as a step flow over the campaign page: recipients, content, sender, then review and send. The step is
// in the address (`?step=content`), so the browser's back button and a reload keep it; the draft exists from the
// first step, so the editor's autosave works and leaving the flow loses nothing.

export const CAMPAIGN_STEPS = ['recipients', 'content', 'sender', 'review'] as const;
export type TCampaignStep = (typeof CAMPAIGN_STEPS)[number];

/** The step shown, or null for the whole page; `enabled` false (a sent campaign, a viewer) always gives null. */
export function useCampaignStep(enabled: boolean) {
  const [params, setParams] = useSearchParams();
  const raw = params.get('step');
  const step = enabled && (CAMPAIGN_STEPS as readonly string[]).includes(raw ?? '') ? (raw as TCampaignStep) : null;
  const go = (next: TCampaignStep | null) => {
    setParams(next ? { step: next } : {});
    globalThis.scrollTo?.({ top: 0 });
  };
  return { step, go };
}

/** Where the flow is: a stepper on a wide screen, "Étape 2 sur 4" with a bar on a phone. */
export function CampaignStepper({ step, onStep }: { step: TCampaignStep; onStep: (step: TCampaignStep) => void }) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 48em)');
  const index = CAMPAIGN_STEPS.indexOf(step);
  if (phone) {
    return (
      <div>
        <Text size="sm" fw={600} mb={4}>
          {t('email.steps.position', { current: index + 1, total: CAMPAIGN_STEPS.length, label: t(`email.steps.${step}`) })}
        </Text>
        <Progress value={((index + 1) / CAMPAIGN_STEPS.length) * 100} aria-hidden size="sm" />
      </div>
    );
  }
  return (
    <Stepper active={index} onStepClick={(i) => onStep(CAMPAIGN_STEPS[i]!)} size="sm" aria-label={t('email.steps.label')}>
      {CAMPAIGN_STEPS.map((name) => (
        <Stepper.Step key={name} label={t(`email.steps.${name}`)} description={t(`email.steps.${name}Hint`)} />
      ))}
    </Stepper>
  );
}

/** Previous and next; "Suivant" saves what changed first (`onNext` resolves false when the save failed). */
export function CampaignStepNav({
  step,
  onStep,
  onNext,
  busy,
  waitingForEditor,
  onLeave,
}: {
  step: TCampaignStep;
  onStep: (step: TCampaignStep) => void;
  onNext: () => Promise<boolean>;
  busy: boolean;
  waitingForEditor: boolean;
  onLeave: () => void;
}) {
  const { t } = useTranslation();
  const index = CAMPAIGN_STEPS.indexOf(step);
  const previous = CAMPAIGN_STEPS[index - 1];
  const next = CAMPAIGN_STEPS[index + 1];
  return (
    <Group justify="space-between" gap="sm">
      {previous ? (
        <Button variant="default" leftSection={<IconArrowLeft size={16} aria-hidden />} onClick={() => onStep(previous)}>
          {t('email.steps.previous')}
        </Button>
      ) : (
        <span />
      )}
      {next ? (
        <Button
          rightSection={<IconArrowRight size={16} aria-hidden />}
          loading={busy || waitingForEditor}
          onClick={() => void onNext().then((saved) => saved && onStep(next))}
        >
          {t('email.steps.next', { label: t(`email.steps.${next}`) })}
        </Button>
      ) : (
        <Button variant="subtle" onClick={onLeave}>
          {t('email.steps.leave')}
        </Button>
      )}
    </Group>
  );
}
