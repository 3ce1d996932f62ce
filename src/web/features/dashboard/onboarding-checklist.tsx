import { Badge, Button, Group, Paper, Progress, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCheck, IconCircleDashed } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TDashboard } from '../../../contracts/dashboard.js';
import { useLoadDemoData } from '../../lib/use-load-demo-data.js';

type TState = 'done' | 'todo';
type TStep = { key: string; title: string; text: string; state: TState; actions?: ReactNode };

/**
 * What a new workspace sees instead of empty charts and "0 €": the steps that fill the dashboard (admins, who see
 * `showTeam`, may also load the demo data),
 * with the ones whose module does not exist yet said so (never a button that leads nowhere).
 */
export function OnboardingChecklist({ onboarding, canWrite, showTeam }: { onboarding: TDashboard['onboarding']; canWrite: boolean; showTeam: boolean }) {
  const { t } = useTranslation();
  const loadDemo = useLoadDemoData();
  const steps: TStep[] = [
    {
      key: 'leads',
      title: t('dashboard.onboarding.leads.title'),
      text: t('dashboard.onboarding.leads.text'),
      state: onboarding.total_leads > 0 ? 'done' : 'todo',
      actions: canWrite && (
        <>
          <Button component={Link} to="/crm" size="xs">
            {t('dashboard.onboarding.leads.add')}
          </Button>
          <Button component={Link} to="/crm?tab=contacts" size="xs" variant="light">
            {t('dashboard.onboarding.leads.import')}
          </Button>
          {showTeam && (
            <Button size="xs" variant="default" onClick={() => loadDemo.mutate()} loading={loadDemo.isPending}>
              {t('dashboard.onboarding.leads.demo')}
            </Button>
          )}
        </>
      ),
    },
    {
      key: 'team',
      title: t('dashboard.onboarding.team.title'),
      text: t('dashboard.onboarding.team.text'),
      state: onboarding.team_invited ? 'done' : 'todo',
      // Only admins invite; others see the step without a button they could not use.
      actions: showTeam && (
        <Button component={Link} to="/settings/team" size="xs" variant="light">
          {t('dashboard.onboarding.team.action')}
        </Button>
      ),
    },
    {
      key: 'email',
      title: t('dashboard.onboarding.email.title'),
      text: t('dashboard.onboarding.email.text'),
      state: onboarding.campaign_sent ? 'done' : 'todo',
      actions: canWrite && (
        <Button component={Link} to="/email-marketing" size="xs" variant="light">
          {t('dashboard.onboarding.email.action')}
        </Button>
      ),
    },
    {
      key: 'funnel',
      title: t('dashboard.onboarding.funnel.title'),
      text: t('dashboard.onboarding.funnel.text'),
      state: onboarding.funnel_published ? 'done' : 'todo',
      actions: canWrite && (
        <Button component={Link} to="/funnels?tab=templates" size="xs" variant="light">
          {t('dashboard.onboarding.funnel.action')}
        </Button>
      ),
    },
  ];
  const done = steps.filter((s) => s.state === 'done').length;
  return (
    <Paper withBorder p={{ base: 'md', sm: 'xl' }} component="section" aria-labelledby="onboarding-title">
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={2} id="onboarding-title">
            {t('dashboard.onboarding.title')}
          </Title>
          <Text>{t('dashboard.onboarding.intro')}</Text>
          <Text size="sm" id="onboarding-progress">
            {t('dashboard.onboarding.progress', { done, total: steps.length })}
          </Text>
          {/* The progressbar role is on the section: name it there (axe: aria-progressbar-name). */}
          <Progress.Root size="sm">
            <Progress.Section value={(done / steps.length) * 100} aria-labelledby="onboarding-progress" />
          </Progress.Root>
        </Stack>
        <Stack component="ol" gap="md" m={0} p={0} style={{ listStyle: 'none' }}>
          {steps.map((step) => (
            <Group component="li" key={step.key} align="flex-start" wrap="nowrap" gap="md" data-testid={`onboarding-${step.key}`}>
              <StepIcon state={step.state} />
              <Stack gap={4} style={{ flex: 1 }}>
                <Group gap="xs">
                  <Title order={3} size="h5">
                    {step.title}
                  </Title>
                  {step.state === 'done' && (
                    <Badge color="teal" variant="light">
                      {t('dashboard.onboarding.done')}
                    </Badge>
                  )}
                </Group>
                <Text size="sm">{step.text}</Text>
                {step.state === 'todo' && step.actions && <Group gap="xs">{step.actions}</Group>}
              </Stack>
            </Group>
          ))}
        </Stack>
      </Stack>
    </Paper>
  );
}

function StepIcon({ state }: { state: TState }) {
  if (state === 'done') {
    return (
      <ThemeIcon color="teal" radius="xl" size="md" aria-hidden>
        <IconCheck size={16} />
      </ThemeIcon>
    );
  }
  return (
    <ThemeIcon color="gray" variant="light" radius="xl" size="md" aria-hidden>
      <IconCircleDashed size={16} />
    </ThemeIcon>
  );
}
