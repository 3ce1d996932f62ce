import { Anchor, Tabs } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { TSequence } from '../../../../contracts/email-sequences.js';
import { QueryState } from '../../../ui/query-state.js';
import { useSignedInMe } from '../../auth/session.js';
import { EnrollmentsTab } from './enrollments-tab.js';
import { SequenceHeader } from './sequence-header.js';
import { SequenceReportTab } from './sequence-report-tab.js';
import { SequenceSettingsTab } from './sequence-settings-tab.js';
import { useSequence } from './sequences-api.js';
import { StepsEditor } from './steps-editor.js';
import { useStepsDraft } from './use-steps-draft.js';

const TABS = ['steps', 'enrollments', 'report', 'settings'] as const;
type TTab = (typeof TABS)[number];

/** /email-marketing/sequences/:id: a sequence's steps, enrollments, report and settings (`?tab=`). */
export function SequencePage() {
  const { id = '' } = useParams();
  const sequence = useSequence(id);
  return <QueryState query={sequence}>{(data) => <SequenceView key={data.id} sequence={data} />}</QueryState>;
}

function SequenceView({ sequence }: { sequence: TSequence }) {
  const { t } = useTranslation();
  const canEdit = useSignedInMe().role !== 'viewer';
  const draft = useStepsDraft(sequence);
  const [params, setParams] = useSearchParams();
  const tab: TTab = TABS.find((value) => value === params.get('tab')) ?? 'steps';
  const selectTab = (value: string | null) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (!value || value === 'steps') next.delete('tab');
      else next.set('tab', value);
      return next;
    });
  return (
    <>
      <Anchor component={Link} to="/email-marketing?tab=sequences" size="sm" mb="xs" style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
        <IconArrowLeft size={14} aria-hidden />
        {t('email.sequences.page.back')}
      </Anchor>
      <SequenceHeader
        sequence={sequence}
        canEdit={canEdit}
        draft={draft}
        onActivationRefused={(problems) => {
          draft.setProblems(problems);
          selectTab('steps');
        }}
      />
      <Tabs value={tab} onChange={selectTab} keepMounted={false}>
        <Tabs.List mb="md">
          {TABS.map((value) => (
            <Tabs.Tab key={value} value={value}>
              {t(`email.sequences.tabs.${value}`)}
              {value === 'steps' && draft.dirty ? ' •' : ''}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="steps">
          <StepsEditor sequence={sequence} draft={draft} readOnly={!canEdit} />
        </Tabs.Panel>
        <Tabs.Panel value="enrollments">
          <EnrollmentsTab sequence={sequence} canEdit={canEdit} />
        </Tabs.Panel>
        <Tabs.Panel value="report">
          <SequenceReportTab sequence={sequence} />
        </Tabs.Panel>
        <Tabs.Panel value="settings">
          <SequenceSettingsTab sequence={sequence} readOnly={!canEdit} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
