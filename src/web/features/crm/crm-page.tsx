import { Badge, Group, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ComingSoon } from '../../ui/coming-soon.js';
import { PageHeader } from '../../ui/page-header.js';

/** /crm: lead pipeline, contacts and interactions, not built yet. */
export function CrmPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('crm.title')} description={t('crm.description')} />
      <ComingSoon sections={t('crm.sections', { returnObjects: true })}>
        <Stack gap="xs">
          <Title order={3} size="h4">
            {t('crm.stagesTitle')}
          </Title>
          {/* The stage names only: counts and values will come with the module, never invented here. */}
          <Group gap="xs" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {t('crm.stages', { returnObjects: true }).map((stage) => (
              <Badge key={stage} component="li" variant="outline" size="lg">
                {stage}
              </Badge>
            ))}
          </Group>
        </Stack>
      </ComingSoon>
    </>
  );
}
