import { Badge, Box, Button, Group, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconFilter, IconLanguage, IconTemplate } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FUNNEL_TYPES, type TFunnelLanguage, type TFunnelTemplate, type TFunnelType } from '../../../contracts/funnels.js';
import { EmptyState } from '../../ui/empty-state.js';
import { QueryState } from '../../ui/query-state.js';
import { FunnelTypeBadge } from './funnel-badges.js';
import { useLanguageOptions } from './funnel-options.js';
import { useFunnelTemplates } from './funnels-api.js';
import { TemplateSteps } from './template-steps.js';
import { UseTemplateModal } from './use-template-modal.js';

/** "Templates": the ready-made funnels (built in, and the workspace's own), by language and type, with "Utiliser ce template". */
export function TemplatesTab({ canEdit }: { canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const languages = useLanguageOptions();
  const [language, setLanguage] = useState<TFunnelLanguage | null>((i18n.resolvedLanguage ?? 'fr').startsWith('en') ? 'en' : 'fr');
  const [funnelType, setFunnelType] = useState<TFunnelType | null>(null);
  const templates = useFunnelTemplates({ language, funnelType });
  const [using, setUsing] = useState<TFunnelTemplate | null>(null);
  return (
    <Stack>
      <Group gap="sm" align="flex-end">
        <Select
          label={t('funnelList.fields.language')}
          placeholder={t('funnelList.templates.allLanguages')}
          leftSection={<IconLanguage size={16} aria-hidden />}
          data={languages}
          value={language}
          onChange={(value) => setLanguage(value as TFunnelLanguage | null)}
          clearable
          w={200}
        />
        <Select
          label={t('funnelList.list.type')}
          placeholder={t('funnelList.list.allTypes')}
          leftSection={<IconFilter size={16} aria-hidden />}
          data={FUNNEL_TYPES.map((value) => ({ value, label: t(`funnelList.types.${value}`) }))}
          value={funnelType}
          onChange={(value) => setFunnelType(value as TFunnelType | null)}
          clearable
          w={220}
        />
      </Group>
      <QueryState query={templates}>
        {(items) =>
          items.length === 0 ? (
            <EmptyState
              icon={<IconTemplate size={30} stroke={1.5} />}
              message={t(language || funnelType ? 'funnelList.templates.noMatch' : 'funnelList.templates.empty')}
              actions={
                language || funnelType
                  ? [
                      {
                        label: t('funnelList.list.clearFilter'),
                        onClick: () => {
                          setLanguage(null);
                          setFunnelType(null);
                        },
                      },
                    ]
                  : []
              }
            />
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
              {items.map((template) => (
                <TemplateCard key={template.id} template={template} canEdit={canEdit} onUse={setUsing} />
              ))}
            </SimpleGrid>
          )
        }
      </QueryState>
      <UseTemplateModal template={using} onClose={() => setUsing(null)} />
    </Stack>
  );
}

/** A template: its picture when it has one, name, type, language, description and pages, and "Utiliser ce template". */
function TemplateCard({ template, canEdit, onUse }: { template: TFunnelTemplate; canEdit: boolean; onUse: (template: TFunnelTemplate) => void }) {
  const { t } = useTranslation();
  const titleId = `template-${template.id}`;
  return (
    <Paper withBorder p="md" radius="md" component="article" aria-labelledby={titleId}>
      <Stack gap="sm" h="100%">
        {template.thumbnail_url && <TemplatePreview url={template.thumbnail_url} />}
        <Title order={3} size="h4" id={titleId} lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
          {template.name}
        </Title>
        <Group gap="xs">
          <FunnelTypeBadge type={template.funnel_type} />
          <Badge variant="outline" color="gray">
            {t(`funnelList.languages.${template.language}`)}
          </Badge>
          {template.source === 'workspace' && (
            <Badge variant="outline" color="blue">
              {t('funnelList.templates.workspace')}
            </Badge>
          )}
        </Group>
        {template.description && (
          <Text size="sm" c="dimmed" lineClamp={3}>
            {template.description}
          </Text>
        )}
        <Stack gap={4}>
          <Text size="xs" fw={600}>
            {t('funnelList.templates.pageCount', { count: template.pages.length })}
          </Text>
          <TemplateSteps pages={template.pages} />
        </Stack>
        {canEdit && (
          <Group mt="auto">
            <Button size="xs" variant="light" onClick={() => onUse(template)}>
              {t('funnelList.templates.use')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

/** The page is drawn at desktop width, scaled into the card; it is a picture, not something to use (no focus, no clicks). */
const PREVIEW_WIDTH = 1280;
const PREVIEW_HEIGHT = 800;
const PREVIEW_SCALE = 0.22;

/** The template's first page, scaled down, in a frame where nothing runs (sandboxed, served with a sandbox CSP). */
function TemplatePreview({ url }: { url: string }) {
  return (
    <Box
      aria-hidden
      style={{
        height: PREVIEW_HEIGHT * PREVIEW_SCALE,
        overflow: 'hidden',
        borderRadius: 'var(--mantine-radius-sm)',
        border: '1px solid var(--mantine-color-default-border)',
        background: '#fff',
        position: 'relative',
      }}
    >
      <iframe
        src={url}
        title=""
        sandbox=""
        loading="lazy"
        tabIndex={-1}
        style={{
          width: PREVIEW_WIDTH,
          height: PREVIEW_HEIGHT,
          border: 0,
          transform: `scale(${PREVIEW_SCALE})`,
          transformOrigin: 'top left',
          pointerEvents: 'none',
        }}
      />
    </Box>
  );
}
