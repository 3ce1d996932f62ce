import { Group, Radio, ScrollArea, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TFunnelLanguage, TFunnelType } from '../../../contracts/funnels.js';
import { QueryState } from '../../ui/query-state.js';
import { useFunnelTemplates } from './funnels-api.js';
import { TemplateSteps } from './template-steps.js';

type Props = {
  funnelType: TFunnelType;
  language: TFunnelLanguage;
  value: string | null;
  onChange: (templateId: string) => void;
  error?: string | null;
};

/** The templates of one type and language as radio cards (name, description, its pages), in the "+ Créer" modal. */
export function TemplatePicker({ funnelType, language, value, onChange, error }: Props) {
  const { t } = useTranslation();
  const templates = useFunnelTemplates({ funnelType, language });
  return (
    <QueryState query={templates}>
      {(items) =>
        items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('funnelList.create.noTemplate')}
          </Text>
        ) : (
          <Radio.Group value={value} onChange={onChange} label={t('funnelList.create.template')} error={error} required withAsterisk={false}>
            <ScrollArea.Autosize mah={320} type="auto" offsetScrollbars>
              <Stack gap="xs" mt="xs">
                {items.map((template) => (
                  <Radio.Card key={template.id} value={template.id} radius="md" p="sm">
                    <Group wrap="nowrap" align="flex-start" gap="sm">
                      <Radio.Indicator />
                      <Stack gap={4} style={{ minWidth: 0 }}>
                        <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
                          {template.name}
                        </Text>
                        {template.description && (
                          <Text size="xs" c="dimmed" lineClamp={2}>
                            {template.description}
                          </Text>
                        )}
                        <TemplateSteps pages={template.pages} />
                      </Stack>
                    </Group>
                  </Radio.Card>
                ))}
              </Stack>
            </ScrollArea.Autosize>
          </Radio.Group>
        )
      }
    </QueryState>
  );
}
